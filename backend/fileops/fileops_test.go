package fileops_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// oddNames are names a gallery meets: spaces, URL-special bytes, unicode and leading dots.
var oddNames = []string{"a b.jpg", "100%.jpg", "#1.jpg", "why?.jpg", "东京 café.jpg", ".hidden.jpg", "..two.jpg", " lead.jpg"}

func TestService_CreateFolder(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		svc, _, id := MustLibrary(t, dir)
		for _, name := range append([]string{"new"}, oddNames...) {
			got, err := svc.CreateFolder(ctx, id, name)
			if err != nil {
				t.Errorf("create %q: %v", name, err)
				continue
			}
			if info, err := os.Stat(filepath.Join(dir, name)); err != nil || !info.IsDir() {
				t.Errorf("folder %q missing after create (%v)", got, err)
			}
		}
		if _, err := svc.CreateFolder(ctx, id, "new/inner"); err != nil {
			t.Errorf("create new/inner: %v", err)
		}
	})
	t.Run("ErrExists", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "taken", "x")
		svc, _, id := MustLibrary(t, dir)
		_, err := svc.CreateFolder(ctx, id, "taken")
		if got := Codes(t, err)["taken"]; got != fileops.CodeExists {
			t.Errorf("code %q, want EXISTS", got)
		}
		if MustRead(t, dir, "taken") != "x" {
			t.Error("the existing file changed")
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		svc, _, id := MustLibrary(t, t.TempDir())
		for path, want := range map[string]fileops.Code{
			"": fileops.CodeInvalid, "../out": fileops.CodeOutside, "/abs": fileops.CodeOutside,
			"missing/inner": fileops.CodeNotFound, ".imagor-studio-x": fileops.CodeInvalid,
		} {
			_, err := svc.CreateFolder(ctx, id, path)
			if got := Codes(t, err)[path]; got != want {
				t.Errorf("create %q: code %q, want %q (%v)", path, got, want, err)
			}
		}
	})
}

func TestService_Rename(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "start.jpg", "content")
		svc, _, id := MustLibrary(t, dir)
		current := "start.jpg"
		for _, name := range oddNames {
			got, err := svc.Rename(ctx, id, current, name)
			if err != nil {
				t.Fatalf("rename %q to %q: %v", current, name, err)
			}
			if got != name {
				t.Errorf("path %q, want %q", got, name)
			}
			if MustRead(t, dir, name) != "content" {
				t.Errorf("content of %q changed", name)
			}
			AssertMissing(t, dir, current)
			current = got
		}
	})
	t.Run("ErrExists", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "a.jpg", "a")
		MustWrite(t, dir, "b.jpg", "b")
		svc, _, id := MustLibrary(t, dir)
		_, err := svc.Rename(ctx, id, "a.jpg", "b.jpg")
		if got := Codes(t, err)["a.jpg"]; got != fileops.CodeExists {
			t.Errorf("code %q, want EXISTS", got)
		}
		if MustRead(t, dir, "b.jpg") != "b" || MustRead(t, dir, "a.jpg") != "a" {
			t.Error("a file changed")
		}
	})
	t.Run("ErrHardLink", func(t *testing.T) {
		// Two names of one file: renaming one onto the other would leave both in place.
		dir := t.TempDir()
		MustWrite(t, dir, "a.jpg", "a")
		if err := os.Link(filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg")); err != nil {
			t.Fatal(err)
		}
		svc, _, id := MustLibrary(t, dir)
		_, err := svc.Rename(ctx, id, "a.jpg", "b.jpg")
		if got := Codes(t, err)["a.jpg"]; got != fileops.CodeExists {
			t.Errorf("code %q, want EXISTS", got)
		}
		if label := svc.UndoLabel(); label != "" {
			t.Errorf("undo label %q after a failed rename, want none", label)
		}
		if names := Names(t, dir); !slices.Equal(names, []string{"a.jpg", "b.jpg"}) {
			t.Errorf("folder holds %q", names)
		}
	})
	t.Run("CaseOnly", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "a.jpg", "a")
		svc, _, id := MustLibrary(t, dir)
		if _, err := svc.Rename(ctx, id, "a.jpg", "A.jpg"); err != nil {
			t.Fatal(err)
		}
		if names := Names(t, dir); !slices.Equal(names, []string{"A.jpg"}) {
			t.Errorf("folder holds %q, want [A.jpg]", names)
		}
	})
	t.Run("ErrInvalidName", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "a.jpg", "a")
		svc, _, id := MustLibrary(t, dir)
		for _, name := range []string{"", "  ", ".", "..", "x/y", "nul\x00"} {
			_, err := svc.Rename(ctx, id, "a.jpg", name)
			if got := Codes(t, err)["a.jpg"]; got != fileops.CodeInvalid {
				t.Errorf("rename to %q: code %q, want INVALID_ARGUMENT", name, got)
			}
		}
	})
	t.Run("Undo", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "a.jpg", "a")
		svc, _, id := MustLibrary(t, dir)
		if _, err := svc.Rename(ctx, id, "a.jpg", "b.jpg"); err != nil {
			t.Fatal(err)
		}
		if label := svc.UndoLabel(); label != "Rename of a.jpg" {
			t.Errorf("undo label %q", label)
		}
		undone, err := svc.Undo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(undone.Paths, []string{"a.jpg"}) || undone.Kind != "rename" {
			t.Errorf("undone %+v", undone)
		}
		if MustRead(t, dir, "a.jpg") != "a" {
			t.Error("a.jpg not back")
		}
		AssertMissing(t, dir, "b.jpg")
		if _, err := svc.Undo(ctx); err == nil {
			t.Error("a second undo succeeded, want nothing to undo")
		}
	})
}

func TestService_Outside(t *testing.T) {
	ctx := context.Background()
	outside := t.TempDir()
	MustWrite(t, outside, "secret.jpg", "secret")
	dir := t.TempDir()
	MustWrite(t, dir, "in.jpg", "in")
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	svc, _, id := MustLibrary(t, dir)

	_, err := svc.Rename(ctx, id, "../"+filepath.Base(outside)+"/secret.jpg", "x.jpg")
	if got := Codes(t, err); len(got) != 1 || firstCode(got) != fileops.CodeOutside {
		t.Errorf("rename with ..: codes %v, want OUTSIDE_LIBRARY", got)
	}
	_, err = svc.Rename(ctx, id, "link/secret.jpg", "x.jpg")
	if got := Codes(t, err)["link/secret.jpg"]; got != fileops.CodeOutside {
		t.Errorf("rename through a symlink: code %q, want OUTSIDE_LIBRARY (%v)", got, err)
	}
	_, err = svc.Move(ctx, id, []string{"in.jpg"}, "link", fileops.Options{})
	if got := Codes(t, err)["link"]; got != fileops.CodeOutside {
		t.Errorf("move into a symlink: code %q, want OUTSIDE_LIBRARY (%v)", got, err)
	}
	_, err = svc.Trash(ctx, id, []string{"link/secret.jpg"}, fileops.Options{})
	if got := Codes(t, err)["link/secret.jpg"]; got != fileops.CodeOutside {
		t.Errorf("trash through a symlink: code %q, want OUTSIDE_LIBRARY (%v)", got, err)
	}
	_, err = svc.Delete(ctx, id, []string{"link/secret.jpg"}, fileops.Options{})
	if got := Codes(t, err)["link/secret.jpg"]; got != fileops.CodeOutside {
		t.Errorf("delete through a symlink: code %q, want OUTSIDE_LIBRARY (%v)", got, err)
	}
	// A percent-encoded ".." reaches the backend decoded only if a caller decoded it; as
	// given, it is a name like any other, and no such entry exists.
	_, err = svc.Delete(ctx, id, []string{"%2e%2e/secret.jpg"}, fileops.Options{})
	if got := Codes(t, err)["%2e%2e/secret.jpg"]; got != fileops.CodeNotFound {
		t.Errorf("delete of an encoded ..: code %q, want NOT_FOUND (%v)", got, err)
	}
	_, err = svc.Delete(ctx, id, []string{"a/../../x"}, fileops.Options{})
	if got := Codes(t, err)["a/../../x"]; got != fileops.CodeOutside {
		t.Errorf("delete of a/../../x: code %q, want OUTSIDE_LIBRARY", got)
	}
	if MustRead(t, outside, "secret.jpg") != "secret" {
		t.Error("the file outside the library changed")
	}
	if MustRead(t, dir, "in.jpg") != "in" {
		t.Error("in.jpg changed")
	}
}

func firstCode(codes map[string]fileops.Code) fileops.Code {
	for _, c := range codes {
		return c
	}
	return ""
}
