//go:build !linux

package fileops

import "os"

// renameNoReplace renames from to to inside root unless to exists.
//
// NOTE: this checks before it renames, so an entry made at to between the two is replaced.
func renameNoReplace(root *os.Root, from, to string) error {
	return checkedRename(root, from, to)
}
