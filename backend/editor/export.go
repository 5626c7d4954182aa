package editor

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrOverwriteOriginal is returned by WriteExport for a target that is the edited file itself,
// when the user has not confirmed.
var ErrOverwriteOriginal = errors.New("the export would replace the original file")

// ExportName returns the default file name of an export of name in format: "<name>-edit.<ext>".
// An empty format keeps the source format.
func ExportName(name, format, sourceFormat string) string {
	if format == "" {
		format = sourceFormat
	}
	base := strings.TrimSuffix(name, filepath.Ext(name))
	return base + "-edit." + Extension(format)
}

// Extension returns the usual file extension of an imagor format name.
func Extension(format string) string {
	switch format {
	case "jpeg":
		return "jpg"
	case "tiff":
		return "tif"
	}
	return format
}

// WriteExport writes data to target atomically: to a temporary file in the target's folder,
// synced, then renamed over target, so a failure leaves any existing file as it was. It rejects
// a target that is original (the file being edited) unless confirmed is true.
func WriteExport(target, original string, data []byte, confirmed bool) error {
	if !confirmed && SameFile(target, original) {
		return fmt.Errorf("export to %s: %w", target, ErrOverwriteOriginal)
	}

	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return fmt.Errorf("export to %s: %w", target, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()

	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("export to %s: write: %w", target, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("export to %s: sync: %w", target, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("export to %s: %w", target, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export to %s: close: %w", target, err)
	}

	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("export to %s: %w", target, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable; a folder that cannot be synced (some file systems refuse)
// still has the file.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// SameFile reports whether a and b name the same file: the same inode when both exist, else
// the same cleaned absolute path.
func SameFile(a, b string) bool {
	ai, errA := os.Stat(a)
	bi, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(ai, bi)
	}
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	return errA == nil && errB == nil && absA == absB
}
