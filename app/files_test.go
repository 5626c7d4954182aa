package app_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
)

// MustFiles returns the bound Files of an app with the folder dir open as a library, and the
// library's id.
func MustFiles(t *testing.T, dir string) (*app.Files, string) {
	t.Helper()
	set := library.NewSet(nil)
	lib, err := set.Add(dir)
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(app.Services{Libraries: set, Lister: listing.NewLister(0), Logger: discard})
	for _, b := range a.Bindings() {
		if f, ok := b.(*app.Files); ok {
			return f, lib.ID
		}
	}
	t.Fatal("Bindings has no *app.Files")
	return nil, ""
}

func TestFiles_MoveFailures(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.jpg", "b.jpg", "dest/b.jpg"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, id := MustFiles(t, dir)
	res, err := files.Move(app.FileRequest{Op: "op-1", Library: id, Paths: []string{"a.jpg", "b.jpg", "../x"}, To: "dest"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Paths, []string{"dest/a.jpg"}) {
		t.Errorf("paths %q", res.Paths)
	}
	codes := map[string]string{}
	for _, f := range res.Failures {
		codes[f.Path] = f.Code
		if f.Message == "" {
			t.Errorf("failure of %q has no message", f.Path)
		}
	}
	if codes["b.jpg"] != "EXISTS" || codes["../x"] != "OUTSIDE_LIBRARY" {
		t.Errorf("codes %v, want EXISTS for b.jpg and OUTSIDE_LIBRARY for ../x", codes)
	}
	if res.Undo != "Move of a.jpg" {
		t.Errorf("undo label %q", res.Undo)
	}
	undone, err := files.Undo()
	if err != nil || !slices.Equal(undone.Paths, []string{"a.jpg"}) || undone.Library != id {
		t.Errorf("undo: %+v, %v", undone, err)
	}
}

func TestFiles_ImportRelative(t *testing.T) {
	files, id := MustFiles(t, t.TempDir())
	if _, err := files.Import(app.FileRequest{Library: id, Paths: []string{"relative.jpg"}}); err == nil {
		t.Error("import of a relative path succeeded")
	}
}

func TestFiles_RenameClash(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.jpg", "b.jpg"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, id := MustFiles(t, dir)
	res, err := files.Rename(id, "a.jpg", "b.jpg")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failures) != 1 || res.Failures[0].Code != "EXISTS" || len(res.Paths) != 0 {
		t.Errorf("result %+v, want one EXISTS failure", res)
	}
}
