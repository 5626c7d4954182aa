//go:build unix

package watch

import (
	"io/fs"
	"syscall"
)

// fileID identifies a file on this machine across renames: its device and inode.
type fileID struct {
	dev, ino uint64
}

func (id fileID) zero() bool { return id == fileID{} }

// device returns the file system the file is on.
func (id fileID) device() uint64 { return id.dev }

// fileIDOf returns the identity of the file info describes (from Stat or Lstat).
func fileIDOf(info fs.FileInfo) fileID {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}
	}
	// Dev is a uint64 on Linux but an int32 on macOS and the BSDs.
	return fileID{dev: uint64(st.Dev), ino: st.Ino}
}
