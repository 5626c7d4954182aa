package library_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/library"
)

func TestSet_Add(t *testing.T) {
	dir := t.TempDir()
	set := library.NewSet(nil)
	var notified [][]library.Library
	set.OnChange(func(list []library.Library) { notified = append(notified, list) })

	t.Run("OK", func(t *testing.T) {
		lib, err := set.Add(dir)
		if err != nil {
			t.Fatal(err)
		}
		if lib.Path != dir || lib.Name != filepath.Base(dir) || lib.ID != library.IDFor(dir) {
			t.Errorf("library=%+v, want path %s", lib, dir)
		}
		if len(notified) != 1 {
			t.Errorf("OnChange called %d times, want 1", len(notified))
		}
		if _, err := set.Root(lib.ID); err != nil {
			t.Errorf("Root: %v", err)
		}
	})

	t.Run("Twice", func(t *testing.T) {
		lib, err := set.Add(dir + "/.")
		if err != nil {
			t.Fatal(err)
		}
		if got := len(set.List()); got != 1 {
			t.Errorf("libraries=%d after adding the same folder twice, want 1 (id %s)", got, lib.ID)
		}
	})

	t.Run("ErrNotFolder", func(t *testing.T) {
		file := filepath.Join(dir, "a.jpg")
		if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := set.Add(file); !errors.Is(err, library.ErrNotFolder) {
			t.Errorf("err=%v, want ErrNotFolder", err)
		}
	})

	t.Run("ErrMissing", func(t *testing.T) {
		_, err := set.Add(filepath.Join(dir, "missing"))
		if !errors.Is(err, os.ErrNotExist) {
			t.Errorf("err=%v, want not exist", err)
		}
	})
}

func TestSet_Remove(t *testing.T) {
	set := library.NewSet(nil)
	a, err := set.Add(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	b, err := set.Add(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Remove(a.ID); err != nil {
		t.Fatal(err)
	}
	list := set.List()
	if len(list) != 1 || list[0].ID != b.ID {
		t.Errorf("libraries=%+v, want only %s", list, b.ID)
	}
	if _, err := set.Root(a.ID); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("Root of a removed library: err=%v, want ErrNotFound", err)
	}
	if err := set.Remove(a.ID); !errors.Is(err, library.ErrNotFound) {
		t.Errorf("second Remove: err=%v, want ErrNotFound", err)
	}
	if paths := set.Paths(); len(paths) != 1 || paths[b.ID] != b.Path {
		t.Errorf("Paths=%v", paths)
	}
}

func TestSet_Find(t *testing.T) {
	outer := t.TempDir()
	inner := filepath.Join(outer, "inner")
	if err := os.Mkdir(inner, 0o755); err != nil {
		t.Fatal(err)
	}
	set := library.NewSet(nil)
	if _, err := set.Add(outer); err != nil {
		t.Fatal(err)
	}
	innerLib, err := set.Add(inner)
	if err != nil {
		t.Fatal(err)
	}

	lib, rel, ok := set.Find(filepath.Join(inner, "a", "b.jpg"))
	if !ok || lib.ID != innerLib.ID || rel != "a/b.jpg" {
		t.Errorf("Find=%v %q %v, want the inner library and a/b.jpg", lib.ID, rel, ok)
	}
	if _, _, ok := set.Find(filepath.Dir(outer)); ok {
		t.Error("Find of a parent of every library: found")
	}
}

func TestIDFor_Stable(t *testing.T) {
	if library.IDFor("/photos") != library.IDFor("/photos") {
		t.Error("IDFor differs for the same path")
	}
	if library.IDFor("/photos") == library.IDFor("/photos2") {
		t.Error("IDFor equal for different paths")
	}
	if got := len(library.IDFor("/photos")); got != 12 {
		t.Errorf("len(IDFor)=%d, want 12", got)
	}
}

// TestSet_RootAfterRecreate deletes a library's folder and makes it again, as a camera card
// reformatted in place would, and checks that the library lists the new folder's files.
func TestSet_RootAfterRecreate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "card")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	set := library.NewSet(nil)
	lib, err := set.Add(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "new.jpg"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	root, err := set.Root(lib.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := root.Stat("new.jpg"); err != nil {
		t.Errorf("file in the re-created folder: %v", err)
	}
}
