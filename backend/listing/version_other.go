//go:build !linux && !darwin

package listing

import (
	"io/fs"
	"strconv"
)

// Version returns a short token that changes whenever the file's content may have changed: its
// size and modification time, in base 36. Windows has no inode or change time in fs.FileInfo.
func Version(info fs.FileInfo) string {
	return strconv.FormatInt(info.Size(), 36) + "-" + strconv.FormatInt(info.ModTime().UnixNano(), 36)
}
