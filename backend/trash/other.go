//go:build !linux && !windows && !darwin

package trash

import (
	"fmt"
	"os"
)

// Put fails with ErrUnsupported: this platform has no trash the app knows.
func Put(dir *os.File, dirPath, name string) (Item, error) {
	return Item{}, fmt.Errorf("trash %q: %w", name, ErrUnsupported)
}

// Restore fails with ErrUnsupported: this platform has no trash the app knows.
func Restore(item Item, dir *os.File, name string) error {
	return fmt.Errorf("restore %q: %w", item.Original, ErrUnsupported)
}
