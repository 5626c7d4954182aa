// Package trash moves files to the operating system's trash and back: the freedesktop.org Trash
// (files/ and info/*.trashinfo) on Linux, the Trash on macOS and the Recycle Bin on Windows.
//
// The caller names a file by an open handle of its folder plus the file's name in it, so a file
// reached through an os.Root cannot be swapped for a symlink that leads elsewhere between the
// check and the move.
package trash

import (
	"errors"
	"time"
)

// Errors that Put and Restore wrap. Match them with errors.Is.
var (
	// ErrNoTrash means the file's file system has no usable trash, such as a read-only mount or
	// one where the trash folder cannot be made. The file was not moved.
	ErrNoTrash = errors.New("no trash on this file system")
	// ErrUnsupported means the platform cannot do the operation (restoring on Windows).
	ErrUnsupported = errors.New("not supported on this platform")
	// ErrOccupied means something already exists where Restore would put the file back.
	ErrOccupied = errors.New("the original location is taken")
)

// Item is a file in the trash, as Put returns it and Restore takes it back.
type Item struct {
	// Original is the absolute path the file had before it went to the trash.
	Original string
	// File is the absolute path of the file inside the trash.
	File string
	// Info is the absolute path of its .trashinfo file, or "" where the platform keeps none.
	Info string
	// Deleted is when the file went to the trash.
	Deleted time.Time
}
