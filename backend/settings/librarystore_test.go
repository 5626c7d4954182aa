package sqlite_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/library"
)

// TestDB_RestoreLibraries opens folders in one Set, then restores them into a new Set on the same
// database, as a restart does.
func TestDB_RestoreLibraries(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "config.db")
	a, b, gone := t.TempDir(), t.TempDir(), t.TempDir()

	first := library.NewSet(MustOpen(t, path))
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

	db := MustOpen(t, path)
	second := library.NewSet(db)
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
	if len(missing) != 1 || missing[0].Path != gone {
		t.Errorf("missing=%v, want %s", missing, gone)
	}
	remembered, err := db.FolderLibraries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(remembered) != 3 {
		t.Errorf("remembered %d libraries, want 3: a missing folder stays until removed", len(remembered))
	}
}
