package thumbcache

import (
	"fmt"
	"os"
	"path/filepath"
)

// writeAtomic writes a content-type line and body to a temp file next to final and renames it
// over final, returning the bytes written. The file is not fsynced: a cache entry lost in a power
// cut is rendered again, and a torn one cannot appear because the rename happens after the write.
func writeAtomic(final, contentType string, body []byte) (int64, error) {
	tmp, err := os.CreateTemp(filepath.Dir(final), ".tmp-*")
	if err != nil {
		return 0, err
	}
	cleanup := func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}
	header := contentType + "\n"
	if _, err := tmp.WriteString(header); err != nil {
		cleanup()
		return 0, err
	}
	if _, err := tmp.Write(body); err != nil {
		cleanup()
		return 0, err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return 0, err
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		os.Remove(tmp.Name())
		return 0, fmt.Errorf("rename into cache: %w", err)
	}
	return int64(len(header) + len(body)), nil
}
