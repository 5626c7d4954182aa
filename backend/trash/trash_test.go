//go:build linux

package trash_test

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/trash"
)

func TestEscapePath(t *testing.T) {
	for in, want := range map[string]string{
		"/home/a/b.jpg":     "/home/a/b.jpg",
		"/a b/#1?.jpg":      "/a%20b/%231%3F.jpg",
		"/100%/x":           "/100%25/x",
		"/东京.jpg":           "/%E4%B8%9C%E4%BA%AC.jpg",
		"/.hidden/~x_y-z.j": "/.hidden/~x_y-z.j",
	} {
		if got := trash.EscapePath(in); got != want {
			t.Errorf("EscapePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// MustFolder opens dir for Put and Restore.
func MustFolder(t *testing.T, dir string) *os.File {
	t.Helper()
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestPut_Restore(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a b.jpg"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := MustFolder(t, dir)

	item, err := trash.Put(folder, dir, "a b.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if item.Original != filepath.Join(dir, "a b.jpg") {
		t.Errorf("original %q", item.Original)
	}
	if want := filepath.Join(data, "Trash", "files", "a b.jpg"); item.File != want {
		t.Errorf("file %q, want %q", item.File, want)
	}
	info, err := os.ReadFile(item.Info)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(info), "Path="+trash.EscapePath(item.Original)+"\n") {
		t.Errorf("trashinfo %q lacks the escaped path", info)
	}
	if _, err := os.Stat(filepath.Join(dir, "a b.jpg")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the file is still in its folder (%v)", err)
	}

	if err := trash.Restore(item, folder, "a b.jpg"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a b.jpg")); err != nil {
		t.Errorf("the file is not back: %v", err)
	}
	if _, err := os.Stat(item.Info); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the .trashinfo remains after restore (%v)", err)
	}
}

func TestRestore_Occupied(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	path := filepath.Join(dir, "a.jpg")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := MustFolder(t, dir)
	item, err := trash.Put(folder, dir, "a.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := trash.Restore(item, folder, "a.jpg"); !errors.Is(err, trash.ErrOccupied) {
		t.Errorf("restore over a new file: %v, want ErrOccupied", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "new" {
		t.Errorf("the new file reads %q after a failed restore", got)
	}
	if _, err := os.Stat(item.File); err != nil {
		t.Errorf("the trashed file is gone: %v", err)
	}
}

func TestPut_ErrInvalidName(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	folder := MustFolder(t, dir)
	for _, name := range []string{"", ".", "..", "a/b"} {
		if _, err := trash.Put(folder, dir, name); err == nil {
			t.Errorf("Put(%q) succeeded", name)
		}
	}
}

func TestPut_ErrNoTrash(t *testing.T) {
	ro := os.Getenv("IMAGOR_STUDIO_TEST_READONLY_FS")
	if ro == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_READONLY_FS to an empty read-only mount (.ci/run mounts one) to test a mount without a trash")
	}
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	_, err := trash.Put(MustFolder(t, ro), ro, "kept.txt")
	if !errors.Is(err, trash.ErrNoTrash) {
		t.Errorf("Put on a read-only mount: %v, want ErrNoTrash", err)
	}
	if _, err := os.Stat(filepath.Join(ro, "kept.txt")); err != nil {
		t.Errorf("the file is gone: %v", err)
	}
}

func TestPut_ErrMountPoint(t *testing.T) {
	other := os.Getenv("IMAGOR_STUDIO_TEST_OTHER_FS")
	if other == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_OTHER_FS to a mount point (.ci/run mounts a tmpfs) to test trashing a mount point")
	}
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	parent := filepath.Dir(filepath.Clean(other))
	_, err := trash.Put(MustFolder(t, parent), parent, filepath.Base(other))
	if !errors.Is(err, trash.ErrNoTrash) {
		t.Errorf("Put of a mount point: %v, want ErrNoTrash", err)
	}
	if _, err := os.Stat(filepath.Join(parent, ".Trash-"+strconv.Itoa(os.Getuid()))); err == nil {
		t.Errorf("a trash was made in %s", parent)
	}
}
