package fileops_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

func TestService_Move(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "a b.jpg", "a")
		MustWrite(t, dir, "#1.jpg", "1")
		MustWrite(t, dir, "sub/x.jpg", "x")
		MustWrite(t, dir, "dest/keep.txt", "k")
		svc, _, id := MustLibrary(t, dir)
		var seen []fileops.Progress
		got, err := svc.Move(ctx, id, []string{"a b.jpg", "#1.jpg", "sub"}, "dest", fileops.Options{
			Progress: func(p fileops.Progress) { seen = append(seen, p) },
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"dest/a b.jpg", "dest/#1.jpg", "dest/sub"}
		if !slices.Equal(got, want) {
			t.Errorf("paths %q, want %q", got, want)
		}
		if MustRead(t, dir, "dest/sub/x.jpg") != "x" {
			t.Error("the folder's content did not move")
		}
		AssertMissing(t, dir, "a b.jpg")
		if len(seen) != 3 || seen[2].Done != 3 || seen[2].Total != 3 {
			t.Errorf("progress %+v, want 3 reports ending at 3 of 3", seen)
		}

		undone, err := svc.Undo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(undone.Paths) != 3 {
			t.Errorf("undone %q", undone.Paths)
		}
		if MustRead(t, dir, "a b.jpg") != "a" || MustRead(t, dir, "sub/x.jpg") != "x" {
			t.Error("undo did not move the entries back")
		}
		if names := Names(t, filepath.Join(dir, "dest")); !slices.Equal(names, []string{"keep.txt"}) {
			t.Errorf("dest holds %q after undo", names)
		}
	})
	t.Run("ErrIntoItself", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "sub/inner/x.jpg", "x")
		svc, _, id := MustLibrary(t, dir)
		for _, to := range []string{"sub", "sub/inner"} {
			_, err := svc.Move(ctx, id, []string{"sub"}, to, fileops.Options{})
			if got := Codes(t, err)["sub"]; got != fileops.CodeInvalid {
				t.Errorf("move sub into %q: code %q, want INVALID_ARGUMENT", to, got)
			}
		}
		if MustRead(t, dir, "sub/inner/x.jpg") != "x" {
			t.Error("the folder changed")
		}
	})
	t.Run("SameFolder", func(t *testing.T) {
		dir := t.TempDir()
		MustWrite(t, dir, "a.jpg", "a")
		svc, _, id := MustLibrary(t, dir)
		got, err := svc.Move(ctx, id, []string{"a.jpg"}, "", fileops.Options{})
		if err != nil || !slices.Equal(got, []string{"a.jpg"}) {
			t.Errorf("move into its own folder: %q, %v", got, err)
		}
	})
}

// clashCase is a move or copy of a.jpg ("new") onto a folder that holds an a.jpg ("old").
type clashCase struct {
	clash    fileops.Clash
	paths    []string          // returned paths
	contents map[string]string // dest files and their content afterwards
	code     fileops.Code      // failure code of a.jpg, or ""
	kept     bool              // the source is still there
}

func clashCases(move bool) []clashCase {
	return []clashCase{
		{clash: fileops.ClashFail, contents: map[string]string{"a.jpg": "old"}, code: fileops.CodeExists, kept: true},
		{clash: fileops.ClashSkip, contents: map[string]string{"a.jpg": "old"}, kept: true},
		{clash: fileops.ClashReplace, paths: []string{"dest/a.jpg"}, contents: map[string]string{"a.jpg": "new"}, kept: !move},
		{clash: fileops.ClashKeepBoth, paths: []string{"dest/a (1).jpg"}, contents: map[string]string{"a.jpg": "old", "a (1).jpg": "new"}, kept: !move},
	}
}

func TestService_Clash(t *testing.T) {
	ctx := context.Background()
	for _, move := range []bool{true, false} {
		for _, tc := range clashCases(move) {
			name := "copy/" + string(tc.clash)
			if move {
				name = "move/" + string(tc.clash)
			}
			if tc.clash == fileops.ClashFail {
				name += "fail"
			}
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				MustWrite(t, dir, "a.jpg", "new")
				MustWrite(t, dir, "dest/a.jpg", "old")
				svc, _, id := MustLibrary(t, dir)
				op := svc.Copy
				if move {
					op = svc.Move
				}
				got, err := op(ctx, id, []string{"a.jpg"}, "dest", fileops.Options{Clash: tc.clash})
				if tc.code != "" {
					if code := Codes(t, err)["a.jpg"]; code != tc.code {
						t.Errorf("code %q, want %q", code, tc.code)
					}
				} else if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(got, tc.paths) {
					t.Errorf("paths %q, want %q", got, tc.paths)
				}
				var want []string
				for n, content := range tc.contents {
					want = append(want, n)
					if MustRead(t, dir, "dest/"+n) != content {
						t.Errorf("dest/%s is %q, want %q", n, MustRead(t, dir, "dest/"+n), content)
					}
				}
				slices.Sort(want)
				if names := Names(t, filepath.Join(dir, "dest")); !slices.Equal(names, want) {
					t.Errorf("dest holds %q, want %q", names, want)
				}
				if _, err := os.Stat(filepath.Join(dir, "a.jpg")); (err == nil) != tc.kept {
					t.Errorf("source present %v, want %v", err == nil, tc.kept)
				}
			})
		}
	}
}

func TestService_ClashFolderReplace(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "pics/new.jpg", "new")
	MustWrite(t, dir, "dest/pics/old.jpg", "old")
	svc, _, id := MustLibrary(t, dir)
	_, err := svc.Move(context.Background(), id, []string{"pics"}, "dest", fileops.Options{Clash: fileops.ClashReplace})
	if err != nil {
		t.Fatal(err)
	}
	if names := Names(t, filepath.Join(dir, "dest", "pics")); !slices.Equal(names, []string{"new.jpg"}) {
		t.Errorf("dest/pics holds %q, want only new.jpg", names)
	}
	if names := Names(t, filepath.Join(dir, "dest")); !slices.Equal(names, []string{"pics"}) {
		t.Errorf("dest holds %q: a set-aside entry was left", names)
	}
}

func TestService_Copy(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	MustWrite(t, dir, "sub/deep/x.jpg", "x")
	MustWrite(t, dir, "东京.jpg", "t")
	svc, _, id := MustLibrary(t, dir)
	got, err := svc.Copy(ctx, id, []string{"sub", "东京.jpg"}, "", fileops.Options{Clash: fileops.ClashKeepBoth})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"sub (1)", "东京 (1).jpg"}) {
		t.Errorf("paths %q", got)
	}
	if MustRead(t, dir, "sub (1)/deep/x.jpg") != "x" || MustRead(t, dir, "sub/deep/x.jpg") != "x" {
		t.Error("the folder copy or its original is wrong")
	}
	if label := svc.UndoLabel(); label != "" {
		t.Errorf("undo label %q after a copy, want none", label)
	}
}

func TestService_Duplicate(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "a.jpg", "a")
	MustWrite(t, dir, "a (1).jpg", "a1")
	MustWrite(t, dir, ".hidden", "h")
	svc, _, id := MustLibrary(t, dir)
	got, err := svc.Duplicate(context.Background(), id, []string{"a.jpg", "a (1).jpg", ".hidden"}, fileops.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a (2).jpg", "a (3).jpg", ".hidden (1)"}
	if !slices.Equal(got, want) {
		t.Errorf("paths %q, want %q", got, want)
	}
	if MustRead(t, dir, "a (2).jpg") != "a" || MustRead(t, dir, "a (3).jpg") != "a1" {
		t.Error("duplicate content wrong")
	}
}

func TestService_Cancel(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "a.jpg", "a")
	MustWrite(t, dir, "b.jpg", "b")
	MustWrite(t, dir, "dest/keep", "k")
	svc, _, id := MustLibrary(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	got, err := svc.Move(ctx, id, []string{"a.jpg", "b.jpg"}, "dest", fileops.Options{
		Progress: func(p fileops.Progress) {
			if p.Done == 1 {
				cancel()
			}
		},
	})
	if !slices.Equal(got, []string{"dest/a.jpg"}) {
		t.Errorf("paths %q, want only dest/a.jpg", got)
	}
	if code := Codes(t, err)["b.jpg"]; code != fileops.CodeCancelled {
		t.Errorf("code of b.jpg %q, want CANCELLED", code)
	}
	if MustRead(t, dir, "b.jpg") != "b" {
		t.Error("b.jpg changed")
	}
}

func TestService_Delete(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "a.jpg", "a")
	MustWrite(t, dir, "sub/x.jpg", "x")
	svc, _, id := MustLibrary(t, dir)
	got, err := svc.Delete(context.Background(), id, []string{"a.jpg", "sub", "missing.jpg", ""}, fileops.Options{})
	if !slices.Equal(got, []string{"a.jpg", "sub"}) {
		t.Errorf("paths %q", got)
	}
	codes := Codes(t, err)
	if codes["missing.jpg"] != fileops.CodeNotFound || codes[""] != fileops.CodeInvalid {
		t.Errorf("codes %v, want NOT_FOUND for missing.jpg and INVALID_ARGUMENT for the root", codes)
	}
	if names := Names(t, dir); len(names) != 0 {
		t.Errorf("library holds %q after delete", names)
	}
	if svc.UndoLabel() != "" {
		t.Error("a permanent delete can be undone")
	}
}

func TestService_MoveContinue(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	MustWrite(t, dir, "a.jpg", "a")
	MustWrite(t, dir, "b.jpg", "new")
	MustWrite(t, dir, "dest/b.jpg", "old")
	svc, _, id := MustLibrary(t, dir)
	_, err := svc.Move(ctx, id, []string{"a.jpg", "b.jpg"}, "dest", fileops.Options{})
	if code := Codes(t, err)["b.jpg"]; code != fileops.CodeExists {
		t.Fatalf("first pass: code %q, want EXISTS", code)
	}
	if _, err := svc.Move(ctx, id, []string{"b.jpg"}, "dest", fileops.Options{Clash: fileops.ClashKeepBoth, Continue: true}); err != nil {
		t.Fatal(err)
	}
	if label := svc.UndoLabel(); label != "Move of 2 items" {
		t.Errorf("undo label %q, want both passes", label)
	}
	if _, err := svc.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if MustRead(t, dir, "a.jpg") != "a" || MustRead(t, dir, "b.jpg") != "new" || MustRead(t, dir, "dest/b.jpg") != "old" {
		t.Error("undo did not revert both passes")
	}
}
