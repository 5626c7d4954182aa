package fileops_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

func TestService_Import(t *testing.T) {
	ctx := context.Background()
	t.Run("Clashes", func(t *testing.T) {
		outside := t.TempDir()
		MustWrite(t, outside, "one.jpg", "new1")
		MustWrite(t, outside, "two.jpg", "new2")
		MustWrite(t, outside, "three.jpg", "new3")
		MustWrite(t, outside, "four.jpg", "new4")
		dir := t.TempDir()
		for _, n := range []string{"one.jpg", "two.jpg", "three.jpg", "four.jpg"} {
			MustWrite(t, dir, "in/"+n, "old")
		}
		svc, _, id := MustLibrary(t, dir)
		src := func(n string) string { return filepath.Join(outside, n) }
		got, err := svc.Import(ctx, id, "in", []string{src("one.jpg"), src("two.jpg"), src("three.jpg"), src("four.jpg")}, fileops.Options{
			Clashes: map[string]fileops.Clash{
				src("one.jpg"):   fileops.ClashReplace,
				src("two.jpg"):   fileops.ClashKeepBoth,
				src("three.jpg"): fileops.ClashSkip,
			},
		})
		if !slices.Equal(got, []string{"in/one.jpg", "in/two (1).jpg"}) {
			t.Errorf("paths %q", got)
		}
		if code := Codes(t, err)[src("four.jpg")]; code != fileops.CodeExists {
			t.Errorf("code of four.jpg %q, want EXISTS", code)
		}
		for rel, want := range map[string]string{
			"in/one.jpg": "new1", "in/two.jpg": "old", "in/two (1).jpg": "new2",
			"in/three.jpg": "old", "in/four.jpg": "old",
		} {
			if got := MustRead(t, dir, rel); got != want {
				t.Errorf("%s is %q, want %q", rel, got, want)
			}
		}
		if MustRead(t, outside, "one.jpg") != "new1" {
			t.Error("an import source changed")
		}
	})
	t.Run("Folder", func(t *testing.T) {
		outside := t.TempDir()
		MustWrite(t, outside, "trip 2024/day #1/a?.jpg", "a")
		dir := t.TempDir()
		svc, _, id := MustLibrary(t, dir)
		got, err := svc.Import(ctx, id, "", []string{filepath.Join(outside, "trip 2024")}, fileops.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, []string{"trip 2024"}) || MustRead(t, dir, "trip 2024/day #1/a?.jpg") != "a" {
			t.Errorf("paths %q, or the content did not arrive", got)
		}
	})
	t.Run("ErrIntoItself", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "sub/x.jpg", "x")
		svc, _, id := MustLibrary(t, dir)
		_, err := svc.Import(ctx, id, "sub", []string{dir}, fileops.Options{Clash: fileops.ClashKeepBoth})
		if code := Codes(t, err)[dir]; code != fileops.CodeInvalid {
			t.Errorf("code %q, want INVALID_ARGUMENT", code)
		}
	})
	t.Run("ErrRelative", func(t *testing.T) {
		svc, _, id := MustLibrary(t, t.TempDir())
		_, err := svc.Import(ctx, id, "", []string{"rel.jpg"}, fileops.Options{})
		if code := Codes(t, err)["rel.jpg"]; code != fileops.CodeInvalid {
			t.Errorf("code %q, want INVALID_ARGUMENT", code)
		}
	})
}

// readOnlyDir returns a folder where writes fail: the read-only mount named by
// IMAGOR_STUDIO_TEST_READONLY_FS when the test runs as root (root ignores permissions), else a
// folder without write permission.
func readOnlyDir(t *testing.T) string {
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
		return dir
	}
	dir := os.Getenv("IMAGOR_STUDIO_TEST_READONLY_FS")
	if dir == "" {
		t.Skip("running as root, which writes into folders without permission: set IMAGOR_STUDIO_TEST_READONLY_FS to a read-only mount (.ci/run mounts one)")
	}
	return dir
}

func TestService_ReadOnlyDestination(t *testing.T) {
	ctx := context.Background()
	ro := readOnlyDir(t)
	src := t.TempDir()
	MustWrite(t, src, "a.jpg", "a")
	svc, set, srcID := MustLibrary(t, src)
	roID := MustAdd(t, set, ro)

	_, err := svc.Move(ctx, srcID, []string{"a.jpg"}, "", fileops.Options{ToLibrary: roID})
	if code := Codes(t, err)["a.jpg"]; code != fileops.CodePermission {
		t.Errorf("move: code %q, want PERMISSION (%v)", code, err)
	}
	_, err = svc.Import(ctx, roID, "", []string{filepath.Join(src, "a.jpg")}, fileops.Options{})
	if code := Codes(t, err)[filepath.Join(src, "a.jpg")]; code != fileops.CodePermission {
		t.Errorf("import: code %q, want PERMISSION (%v)", code, err)
	}
	if MustRead(t, src, "a.jpg") != "a" {
		t.Error("the source changed")
	}
}

func TestService_FullDestination(t *testing.T) {
	full := os.Getenv("IMAGOR_STUDIO_TEST_FULL_FS")
	if full == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_FULL_FS to an empty folder on a file system of 1 MiB (.ci/run mounts a tmpfs) to test a full destination")
	}
	ctx := context.Background()
	dest, err := os.MkdirTemp(full, "full-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dest) })
	src := t.TempDir()
	big := strings.Repeat("0123456789abcdef", 1<<17) // 2 MiB
	MustWrite(t, src, "big.jpg", big)
	MustWrite(t, src, "folder/big.jpg", big)
	svc, set, srcID := MustLibrary(t, src)
	destID := MustAdd(t, set, dest)

	_, err = svc.Move(ctx, srcID, []string{"big.jpg", "folder"}, "", fileops.Options{ToLibrary: destID})
	codes := Codes(t, err)
	if codes["big.jpg"] != fileops.CodeNoSpace || codes["folder"] != fileops.CodeNoSpace {
		t.Errorf("move: codes %v, want NO_SPACE for both (%v)", codes, err)
	}
	_, err = svc.Import(ctx, destID, "", []string{filepath.Join(src, "big.jpg")}, fileops.Options{})
	if code := Codes(t, err)[filepath.Join(src, "big.jpg")]; code != fileops.CodeNoSpace {
		t.Errorf("import: code %q, want NO_SPACE", code)
	}
	if MustRead(t, src, "big.jpg") != big || MustRead(t, src, "folder/big.jpg") != big {
		t.Error("a source changed")
	}
	if names := Names(t, dest); len(names) != 0 {
		t.Errorf("the full destination holds %q, want no leftovers", names)
	}
}

func TestService_MoveAcrossDevices(t *testing.T) {
	other := os.Getenv("IMAGOR_STUDIO_TEST_OTHER_FS")
	if other == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_OTHER_FS to a folder on another file system than the temp folder (.ci/run mounts a tmpfs) to test moves across devices")
	}
	ctx := context.Background()
	far, err := os.MkdirTemp(other, "move-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(far) })
	near := t.TempDir()
	MustWrite(t, near, "a b.jpg", "a")
	MustWrite(t, near, "sub/deep/x.jpg", "x")
	svc, set, nearID := MustLibrary(t, near)
	farID := MustAdd(t, set, far)

	got, err := svc.Move(ctx, nearID, []string{"a b.jpg", "sub"}, "", fileops.Options{ToLibrary: farID})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"a b.jpg", "sub"}) {
		t.Errorf("paths %q", got)
	}
	if MustRead(t, far, "a b.jpg") != "a" || MustRead(t, far, "sub/deep/x.jpg") != "x" {
		t.Error("content did not arrive on the other file system")
	}
	AssertMissing(t, near, "a b.jpg")
	AssertMissing(t, near, "sub")

	if _, err := svc.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if MustRead(t, near, "sub/deep/x.jpg") != "x" || MustRead(t, near, "a b.jpg") != "a" {
		t.Error("undo did not bring the entries back across devices")
	}
	if names := Names(t, far); len(names) != 0 {
		t.Errorf("the other file system holds %q after undo", names)
	}
}
