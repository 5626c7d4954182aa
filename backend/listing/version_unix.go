//go:build linux || darwin

package listing

import (
	"io/fs"
	"strconv"
	"syscall"
)

// Version returns a short token that changes whenever the file's content may have changed: its
// size, modification time, inode and change time, in base 36.
func Version(info fs.FileInfo) string {
	v := strconv.FormatInt(info.Size(), 36) + "-" + strconv.FormatInt(info.ModTime().UnixNano(), 36)
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		v += "-" + strconv.FormatUint(uint64(st.Ino), 36) + "-" +
			strconv.FormatInt(changeTime(st), 36)
	}
	return v
}
