package settings_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/library"
)

// TestDB_RestoreLibraries opens folders in one Set, then restores them into a new Set on the same
// database, as a restart does.
func TestLibraryStore_Restore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "config.db")
	a, b, gone := t.TempDir(), t.TempDir(), t.TempDir()

	dir := filepath.Dir(path)
	first := library.NewSet(open(t, dir).svc.Libraries())
	for _, dir := range []string{b, gone, a} {
		if _, err := first.Add(dir); err != nil {
			t.Fatal(err)
		}
	}
	removed, err := first.Add(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := first.Remove(removed.ID); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(gone); err != nil {
		t.Fatal(err)
	}

	f := open(t, dir)
	second := library.NewSet(f.svc.Libraries())
	missing, err := second.Restore(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, lib := range second.List() {
		got = append(got, lib.Path)
	}
	if len(got) != 2 || got[0] != b || got[1] != a {
		t.Errorf("restored=%v, want [%s %s]", got, b, a)
	}
	// The fixture's own library "lib1" points at a folder that does not exist either.
	if len(missing) != 2 || missing[1].Path != gone {
		t.Errorf("missing=%v, want %s", missing, gone)
	}
	remembered, err := f.svc.Libraries().Libraries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The fixture adds one library of its own ("lib1").
	if len(remembered) != 4 {
		t.Errorf("remembered %d libraries, want 3: a missing folder stays until removed", len(remembered))
	}
}

// TestLibraryStore_S3 remembers an S3 library and checks that its keys come back after a
// restart but are sealed in the database.
func TestLibraryStore_S3(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	f := open(t, dir)
	set := library.NewSet(f.svc.Libraries())
	bucket := library.S3{Bucket: "photos", Prefix: "2026/", Endpoint: "http://127.0.0.1:9", PathStyle: true,
		AccessKey: "AKIAEXAMPLEKEY", SecretKey: "s3-secret-key-value"}
	lib, err := set.AddS3(ctx, "Bucket photos", bucket)
	if err != nil {
		t.Fatal(err)
	}
	if lib.Kind != library.KindS3 || lib.Path != "s3://photos/2026" {
		t.Errorf("library=%+v", lib)
	}
	f.db.Close()

	g := open(t, dir)
	restored := library.NewSet(g.svc.Libraries())
	if _, err := restored.Restore(ctx); err != nil {
		t.Fatal(err)
	}
	got := restored.Buckets()[lib.ID]
	if got != bucket {
		t.Errorf("restored bucket=%+v, want %+v", got, bucket)
	}
	data, err := os.ReadFile(filepath.Join(dir, "config.db"))
	if err != nil {
		t.Fatal(err)
	}
	wal, _ := os.ReadFile(filepath.Join(dir, "config.db-wal"))
	for _, secret := range []string{bucket.AccessKey, bucket.SecretKey} {
		if bytes.Contains(data, []byte(secret)) || bytes.Contains(wal, []byte(secret)) {
			t.Errorf("config.db or its WAL contains %q in clear", secret)
		}
	}
}

// TestLibraryStore_RenameMove renames and reorders libraries and checks both after a restart.
func TestLibraryStore_RenameMove(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	f := open(t, dir)
	set := library.NewSet(f.svc.Libraries())
	var ids []string
	for range 3 {
		lib, err := set.Add(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, lib.ID)
	}
	if _, err := set.Rename(ctx, ids[2], "  Holidays 2026 "); err != nil {
		t.Fatal(err)
	}
	if err := set.Move(ctx, ids[2], 0); err != nil {
		t.Fatal(err)
	}
	if _, err := set.Rename(ctx, ids[0], " "); err == nil {
		t.Error("rename to a blank name: no error")
	}
	f.db.Close()

	restored := library.NewSet(open(t, dir).svc.Libraries())
	if _, err := restored.Restore(ctx); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, lib := range restored.List() {
		got = append(got, lib.ID)
	}
	want := []string{ids[2], ids[0], ids[1]}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("order after restart=%v, want %v", got, want)
	}
	if name := restored.List()[0].Name; name != "Holidays 2026" {
		t.Errorf("name after restart=%q, want Holidays 2026", name)
	}
}
