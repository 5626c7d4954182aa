//go:build !linux && !windows && !darwin

package trash

import (
	"fmt"
	"os"
)

// Put fails with ErrUnsupported, because the app has no trash for this platform.
func Put(dir *os.File, dirPath, name string) (Item, error) {
	return Item{}, fmt.Errorf("trash %q: %w", name, ErrUnsupported)
}

// Restore fails with ErrUnsupported, because the app has no trash for this platform.
func Restore(item Item, dir *os.File, name string) error {
	return fmt.Errorf("restore %q: %w", item.Original, ErrUnsupported)
}
