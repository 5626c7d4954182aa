package fileops_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// A library nested in another shows the same files under two libraries. Moving a folder into
// the library that is that folder, or a file onto itself through the inner library, must not
// remove the only copy.
func TestService_MoveNestedLibrary(t *testing.T) {
	ctx := context.Background()
	t.Run("FolderIntoItself", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "sub/x.jpg", "x")
		svc, set, outer := MustLibrary(t, dir)
		inner := MustAdd(t, set, filepath.Join(dir, "sub"))
		_, err := svc.Move(ctx, outer, []string{"sub"}, "", fileops.Options{ToLibrary: inner})
		if code := Codes(t, err)["sub"]; code != fileops.CodeInvalid {
			t.Errorf("code %q, want INVALID_ARGUMENT (%v)", code, err)
		}
		if MustRead(t, dir, "sub/x.jpg") != "x" {
			t.Error("sub/x.jpg is gone")
		}
	})
	t.Run("FileOntoItself", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "sub/x.jpg", "x")
		svc, set, outer := MustLibrary(t, dir)
		inner := MustAdd(t, set, filepath.Join(dir, "sub"))
		for _, clash := range []fileops.Clash{fileops.ClashReplace, fileops.ClashSkip, fileops.ClashFail} {
			got, err := svc.Move(ctx, outer, []string{"sub/x.jpg"}, "", fileops.Options{ToLibrary: inner, Clash: clash})
			if err != nil {
				t.Errorf("clash %q: %v", clash, err)
			}
			if !slices.Equal(got, []string{"x.jpg"}) {
				t.Errorf("clash %q: paths %q, want [x.jpg]", clash, got)
			}
			if MustRead(t, dir, "sub/x.jpg") != "x" {
				t.Fatalf("clash %q: sub/x.jpg is gone", clash)
			}
		}
		if _, err := svc.Copy(ctx, outer, []string{"sub/x.jpg"}, "", fileops.Options{ToLibrary: inner, Clash: fileops.ClashReplace}); err != nil {
			t.Errorf("copy onto itself: %v", err)
		}
		if MustRead(t, dir, "sub/x.jpg") != "x" {
			t.Error("a copy onto itself changed sub/x.jpg")
		}
	})
	t.Run("ThroughSymlink", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "a/x.jpg", "x")
		if err := os.Symlink("a", filepath.Join(dir, "link")); err != nil {
			t.Fatal(err)
		}
		svc, set, outer := MustLibrary(t, dir)
		inner := MustAdd(t, set, filepath.Join(dir, "link"))
		_, err := svc.Move(ctx, outer, []string{"a"}, "", fileops.Options{ToLibrary: inner})
		if code := Codes(t, err)["a"]; code != fileops.CodeInvalid {
			t.Errorf("code %q, want INVALID_ARGUMENT (%v)", code, err)
		}
		if MustRead(t, dir, "a/x.jpg") != "x" {
			t.Error("a/x.jpg is gone")
		}
	})
}
