package watch

import "golang.org/x/sys/unix"

// eventlessTypes are the macOS file system type names whose servers change files without the
// local kernel seeing it, so FSEvents and kqueue report only this machine's own changes.
var eventlessTypes = map[string]bool{
	"nfs": true, "smbfs": true, "afpfs": true, "webdav": true, "macfuse": true, "osxfuse": true,
	"fusefs": true,
}

// eventlessFS reports whether dir is on a file system in eventlessTypes, and its name.
func eventlessFS(dir string) (string, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return "", false
	}
	name := unix.ByteSliceToString(st.Fstypename[:])
	return name, eventlessTypes[name]
}
