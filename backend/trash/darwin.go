//go:build darwin

package trash

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Put moves the entry name of the folder dirPath to the user's Trash (~/.Trash), under a name
// that no other trashed file uses. Finder's "Put Back" does not know such a file; Restore does.
// The handle dir is not used on macOS.
//
// NOTE: this path compiles but has never run; only the Linux trash is tested.
func Put(dir *os.File, dirPath, name string) (Item, error) {
	if err := checkName(name); err != nil {
		return Item{}, err
	}
	original := filepath.Join(dirPath, name)
	home, err := os.UserHomeDir()
	if err != nil {
		return Item{}, fmt.Errorf("trash %q: find the Trash: %w", original, err)
	}
	bin := filepath.Join(home, ".Trash")
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for n := 1; n < 10000; n++ {
		target := filepath.Join(bin, name)
		if n > 1 {
			target = filepath.Join(bin, stem+" "+strconv.Itoa(n)+ext)
		}
		if _, err := os.Lstat(target); err == nil {
			continue
		}
		if err := os.Rename(original, target); err != nil {
			return Item{}, fmt.Errorf("trash %q: %w", original, err)
		}
		return Item{Original: original, File: target, Deleted: time.Now()}, nil
	}
	return Item{}, fmt.Errorf("trash %q: 10,000 trashed files have this name; empty the Trash", original)
}

// Restore moves item back into the folder dir under name. It fails with ErrOccupied when an
// entry of that name exists.
func Restore(item Item, dir *os.File, name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	target := filepath.Join(dir.Name(), name)
	if _, err := os.Lstat(target); err == nil {
		return fmt.Errorf("restore %q: %w", item.Original, ErrOccupied)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("restore %q: %w", item.Original, err)
	}
	if err := os.Rename(item.File, target); err != nil {
		return fmt.Errorf("restore %q: %w", item.Original, err)
	}
	return nil
}
