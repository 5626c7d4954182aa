//go:build linux

package fileops_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
	"github.com/imagor-studio/desktop/backend/trash"
)

// MustHomeTrash points the freedesktop home trash at a temporary XDG_DATA_HOME and returns
// the trash folder.
func MustHomeTrash(t *testing.T) string {
	t.Helper()
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	return filepath.Join(data, "Trash")
}

var deletionDate = regexp.MustCompile(`(?m)^DeletionDate=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$`)

func TestService_Trash(t *testing.T) {
	ctx := context.Background()
	bin := MustHomeTrash(t)
	dir := t.TempDir()
	names := []string{"a b.jpg", "100%.jpg", "#1?.jpg", "东京.jpg", ".hidden"}
	for _, n := range names {
		MustWrite(t, dir, "sub/"+n, n)
	}
	svc, _, id := MustLibrary(t, dir)
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = "sub/" + n
	}
	got, err := svc.Trash(ctx, id, paths, fileops.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, paths) {
		t.Errorf("paths %q, want %q", got, paths)
	}
	for _, n := range names {
		AssertMissing(t, dir, "sub/"+n)
		if MustRead(t, filepath.Join(bin, "files"), n) != n {
			t.Errorf("%s is not in the trash's files/", n)
		}
		info := MustRead(t, filepath.Join(bin, "info"), n+".trashinfo")
		wantPath := "Path=" + trash.EscapePath(filepath.Join(dir, "sub", n)) + "\n"
		if !strings.HasPrefix(info, "[Trash Info]\n") || !strings.Contains(info, wantPath) {
			t.Errorf("%s.trashinfo is %q, want a [Trash Info] with %q", n, info, wantPath)
		}
		if !deletionDate.MatchString(info) {
			t.Errorf("%s.trashinfo has no DeletionDate=YYYY-MM-DDThh:mm:ss: %q", n, info)
		}
	}
	if strings.ContainsAny(trash.EscapePath(filepath.Join(dir, "sub", "#1?.jpg")), "#? ") {
		t.Error("the Path key is not percent-encoded")
	}

	// Removing the folder too: undo makes it again.
	if err := os.Remove(filepath.Join(dir, "sub")); err != nil {
		t.Fatal(err)
	}
	if label := svc.UndoLabel(); label != "Delete of 5 items" {
		t.Errorf("undo label %q", label)
	}
	undone, err := svc.Undo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(undone.Paths) != len(names) || undone.Kind != "trash" {
		t.Errorf("undone %+v", undone)
	}
	for _, n := range names {
		if MustRead(t, dir, "sub/"+n) != n {
			t.Errorf("%s is not back", n)
		}
	}
	if left := Names(t, filepath.Join(bin, "info")); len(left) != 0 {
		t.Errorf("info/ holds %q after undo", left)
	}
}

func TestService_TrashSameName(t *testing.T) {
	ctx := context.Background()
	bin := MustHomeTrash(t)
	dir := t.TempDir()
	MustWrite(t, dir, "a/x.jpg", "1")
	MustWrite(t, dir, "b/x.jpg", "2")
	svc, _, id := MustLibrary(t, dir)
	if _, err := svc.Trash(ctx, id, []string{"a/x.jpg", "b/x.jpg"}, fileops.Options{}); err != nil {
		t.Fatal(err)
	}
	if files := Names(t, filepath.Join(bin, "files")); !slices.Equal(files, []string{"x.2.jpg", "x.jpg"}) {
		t.Errorf("files/ holds %q, want x.jpg and x.2.jpg", files)
	}
}

func TestService_UndoTrashOccupied(t *testing.T) {
	ctx := context.Background()
	MustHomeTrash(t)
	dir := t.TempDir()
	MustWrite(t, dir, "x.jpg", "old")
	svc, _, id := MustLibrary(t, dir)
	if _, err := svc.Trash(ctx, id, []string{"x.jpg"}, fileops.Options{}); err != nil {
		t.Fatal(err)
	}
	MustWrite(t, dir, "x.jpg", "new")
	_, err := svc.Undo(ctx)
	if code := Codes(t, err)["x.jpg"]; code != fileops.CodeExists {
		t.Errorf("code %q, want EXISTS", code)
	}
	// Undo offers no clash choice, so the message names where the file is and how to get it back.
	if msg := err.Error(); !strings.Contains(msg, "it stays in the trash") || strings.Contains(msg, "keep both") {
		t.Errorf("error %q, want it to say that the file stays in the trash", msg)
	}
	if MustRead(t, dir, "x.jpg") != "new" {
		t.Error("undo replaced the new file")
	}
}

// A file on another mount goes to that mount's $topdir/.Trash-$uid, with Path relative to it.
func TestService_TrashOtherMount(t *testing.T) {
	other := os.Getenv("IMAGOR_STUDIO_TEST_OTHER_FS")
	if other == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_OTHER_FS to a mount point (.ci/run mounts a tmpfs) to test the trash of another mount")
	}
	ctx := context.Background()
	MustHomeTrash(t)
	dir, err := os.MkdirTemp(other, "trash-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	MustWrite(t, dir, "a b.jpg", "a")
	svc, _, id := MustLibrary(t, dir)
	if _, err := svc.Trash(ctx, id, []string{"a b.jpg"}, fileops.Options{}); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(other, ".Trash-"+strconv.Itoa(os.Getuid()))
	t.Cleanup(func() { _ = os.RemoveAll(bin) })
	if MustRead(t, filepath.Join(bin, "files"), "a b.jpg") != "a" {
		t.Fatal("the file is not in the mount's trash")
	}
	info := MustRead(t, filepath.Join(bin, "info"), "a b.jpg.trashinfo")
	want := "Path=" + trash.EscapePath(filepath.Base(dir)+"/a b.jpg") + "\n"
	if !strings.Contains(info, want) {
		t.Errorf("trashinfo %q, want the relative %q", info, want)
	}
	if _, err := svc.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if MustRead(t, dir, "a b.jpg") != "a" {
		t.Error("undo did not restore the file")
	}
}

func TestService_TrashReadOnlyMount(t *testing.T) {
	ro := os.Getenv("IMAGOR_STUDIO_TEST_READONLY_FS")
	if ro == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_READONLY_FS to a read-only mount holding kept.txt (.ci/run mounts one) to test a delete without a trash")
	}
	MustHomeTrash(t)
	svc, _, id := MustLibrary(t, ro)
	_, err := svc.Trash(context.Background(), id, []string{"kept.txt"}, fileops.Options{})
	if code := Codes(t, err)["kept.txt"]; code != fileops.CodeNoTrash {
		t.Errorf("code %q, want NO_TRASH (%v)", code, err)
	}
	if MustRead(t, ro, "kept.txt") != "kept\n" {
		t.Error("kept.txt changed")
	}
}
