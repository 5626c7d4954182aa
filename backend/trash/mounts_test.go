//go:build linux

package trash_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/trash"
)

// MustOtherFolder returns a new folder on the mount IMAGOR_STUDIO_TEST_OTHER_FS and that mount's
// trash folder, which it removes after the test.
func MustOtherFolder(t *testing.T) (string, string) {
	t.Helper()
	other := os.Getenv("IMAGOR_STUDIO_TEST_OTHER_FS")
	if other == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_OTHER_FS to a mount point (.ci/run mounts a tmpfs) to test the trash of another mount")
	}
	dir, err := os.MkdirTemp(other, "trash-")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(other, ".Trash-"+strconv.Itoa(os.Getuid()))
	t.Cleanup(func() {
		_ = os.RemoveAll(dir)
		_ = os.RemoveAll(bin)
	})
	return dir, bin
}

// A library opened through a symlink to another mount trashes into that mount's top folder,
// where file managers look, not into a trash inside the library.
func TestPut_SymlinkedFolder(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir, bin := MustOtherFolder(t)
	link := filepath.Join(t.TempDir(), "Pictures")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.jpg"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	item, err := trash.Put(MustFolder(t, link), link, "a.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(bin, "files", "a.jpg"); item.File != want {
		t.Errorf("file %q, want %q", item.File, want)
	}
	if _, err := os.Lstat(filepath.Join(dir, ".Trash-"+strconv.Itoa(os.Getuid()))); err == nil {
		t.Error("a trash was made inside the library folder")
	}
	info, err := os.ReadFile(item.Info)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Path=" + trash.EscapePath(filepath.Base(dir)+"/a.jpg") + "\n"; !strings.Contains(string(info), want) {
		t.Errorf("trashinfo %q, want %q", info, want)
	}
	if err := trash.Restore(item, MustFolder(t, link), "a.jpg"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.jpg")); err != nil {
		t.Errorf("the file is not back: %v", err)
	}
}

// A home trash that cannot be made stops only the files on the home's device.
func TestPut_HomeTrashReadOnly(t *testing.T) {
	ro := os.Getenv("IMAGOR_STUDIO_TEST_READONLY_FS")
	if ro == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_READONLY_FS to a read-only mount (.ci/run mounts one) to test a home trash that cannot be made")
	}
	t.Setenv("XDG_DATA_HOME", filepath.Join(ro, "data"))
	dir, bin := MustOtherFolder(t)
	if err := os.WriteFile(filepath.Join(dir, "a.jpg"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}

	item, err := trash.Put(MustFolder(t, dir), dir, "a.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(bin, "files", "a.jpg"); item.File != want {
		t.Errorf("file %q, want %q", item.File, want)
	}
}

// A name of 255 bytes has no room for ".trashinfo": its entry in files/ gets a shorter name,
// and the .trashinfo keeps the whole one for the restore.
func TestPut_LongName(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	dir := t.TempDir()
	name := strings.Repeat("é", 125) + ".jpg" // 254 bytes
	folder := MustFolder(t, dir)
	var items []trash.Item
	for i := range 2 {
		if err := os.WriteFile(filepath.Join(dir, name), []byte{byte('0' + i)}, 0o644); err != nil {
			t.Fatal(err)
		}
		item, err := trash.Put(folder, dir, name)
		if err != nil {
			t.Fatalf("put %d: %v", i, err)
		}
		items = append(items, item)
	}
	if items[0].File == items[1].File {
		t.Errorf("both went to %q", items[0].File)
	}
	for i, item := range items {
		if base := filepath.Base(item.Info); len(base) > 255 {
			t.Errorf("info file %d has a %d-byte name", i, len(base))
		}
		info, err := os.ReadFile(item.Info)
		if err != nil {
			t.Fatal(err)
		}
		if want := "Path=" + trash.EscapePath(filepath.Join(dir, name)) + "\n"; !strings.Contains(string(info), want) {
			t.Errorf("trashinfo %d lacks the whole name", i)
		}
	}
	if err := trash.Restore(items[1], folder, name); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || string(data) != "1" {
		t.Errorf("restored %q (%v), want the second file", data, err)
	}
}
