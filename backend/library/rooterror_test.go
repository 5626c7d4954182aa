package library_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/library"
)

func TestIsEscape(t *testing.T) {
	dir := t.TempDir()
	if err := os.Symlink(t.TempDir(), filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()

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
	dir := t.TempDir()
	if err := os.Symlink(t.TempDir(), filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()

	_, missingErr := root.Stat("missing.jpg")
	if got, want := library.PlainMessage(missingErr.Error()), "missing.jpg: no such file or directory"; got != want {
		t.Errorf("PlainMessage(%q) = %q, want %q", missingErr, got, want)
	}
	_, escapeErr := root.Stat("out/a.jpg")
	got := library.PlainMessage(escapeErr.Error())
	if !strings.Contains(got, "it is a link that leads outside the library") {
		t.Errorf("PlainMessage(%q) = %q, want the link explained", escapeErr, got)
	}
	if strings.Contains(got, "statat") || strings.Contains(got, "path escapes") {
		t.Errorf("PlainMessage(%q) = %q, want no system call name or os.Root wording", escapeErr, got)
	}
}
