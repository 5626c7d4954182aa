//go:build linux

package fileops

import (
	"errors"
	"fmt"
	"os"
	"path"

	"golang.org/x/sys/unix"
)

// renameNoReplace renames from to to inside root and fails with ErrExists, atomically, when to
// exists. Both folders are opened through root, so neither path can lead out of it; the
// file system must support RENAME_NOREPLACE (ext4, btrfs, xfs and tmpfs do), else the rename
// falls back to a check before an ordinary rename.
func renameNoReplace(root *os.Root, from, to string) error {
	fromDir, err := root.Open(rootName(parentRel(from)))
	if err != nil {
		return err
	}
	defer fromDir.Close()
	toDir, err := root.Open(rootName(parentRel(to)))
	if err != nil {
		return err
	}
	defer toDir.Close()
	err = unix.Renameat2(int(fromDir.Fd()), path.Base(from), int(toDir.Fd()), path.Base(to), unix.RENAME_NOREPLACE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.EEXIST):
		return fmt.Errorf("%q %w", to, ErrExists)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return checkedRename(root, from, to)
	}
	return &os.LinkError{Op: "rename", Old: from, New: to, Err: err}
}
