//go:build !unix

package watch

import "io/fs"

// fileID identifies a file across renames. Without inodes there is none: renames are reported
// as a removal and an addition, and a folder replaced by another of the same name is noticed
// only through its events.
type fileID struct{}

func (id fileID) zero() bool { return true }

// device returns 0, because there are no device numbers to find mount points by.
func (id fileID) device() uint64 { return 0 }

func fileIDOf(fs.FileInfo) fileID { return fileID{} }
