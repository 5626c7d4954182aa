package watch

import "golang.org/x/sys/unix"

// eventlessMagic maps the statfs magic numbers of file systems whose servers or daemons change
// files without the local kernel seeing it, so inotify reports only this machine's own
// changes, to a name for the log. The numbers are those of linux/magic.h.
var eventlessMagic = map[uint32]string{
	0x6969:     "nfs",
	0x517b:     "smb",
	0xff534d42: "cifs",
	0xfe534d42: "smb2",
	0x65735546: "fuse", // sshfs, rclone, virtiofs and every other FUSE file system
	0x01021997: "9p",
	0x73757245: "coda",
	0x5346414f: "afs",
	0x00c36400: "ceph",
	0x786f4256: "vboxsf",
}

// eventlessFS reports whether dir is on a file system in eventlessMagic, and its name.
func eventlessFS(dir string) (string, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return "", false
	}
	name, ok := eventlessMagic[uint32(st.Type)]
	return name, ok
}
