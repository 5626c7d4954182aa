package library_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/library"
)

// MustEscapingRoot returns an os.Root over a new folder whose link "out" leads outside it.
func MustEscapingRoot(tb testing.TB) *os.Root {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.Symlink(tb.TempDir(), filepath.Join(dir, "out")); err != nil {
		tb.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { root.Close() })
	return root
}

func TestIsEscape(t *testing.T) {
	root := MustEscapingRoot(t)
	_, escapeErr := root.Stat("out/a.jpg")
	if !library.IsEscape(escapeErr) {
		t.Errorf("IsEscape(%v) = false, want true", escapeErr)
	}
	_, missingErr := root.Stat("missing.jpg")
	if library.IsEscape(missingErr) {
		t.Errorf("IsEscape(%v) = true, want false", missingErr)
	}
	if library.IsEscape(nil) {
		t.Error("IsEscape(nil) = true, want false")
	}
	if library.IsEscape(errors.New("other")) {
		t.Error("IsEscape(other) = true, want false")
	}
}

func TestPlainMessage(t *testing.T) {
	root := MustEscapingRoot(t)
	_, missingErr := root.Stat("missing.jpg")
	if got, want := library.PlainMessage(missingErr.Error()), "missing.jpg: no such file or directory"; got != want {
		t.Errorf("PlainMessage(%q) = %q, want %q", missingErr, got, want)
	}
	_, escapeErr := root.Stat("out/a.jpg")
	got := library.PlainMessage(escapeErr.Error())
	if !strings.Contains(got, "it is a link that leads outside the library") {
		t.Errorf("PlainMessage(%q) = %q, want the link explained", escapeErr, got)
	}
	if strings.Contains(got, "statat") {
		t.Errorf("PlainMessage(%q) = %q, want no system call name", escapeErr, got)
	}
	if strings.Contains(got, "path escapes") {
		t.Errorf("PlainMessage(%q) = %q, want no os.Root wording", escapeErr, got)
	}
}
