package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/sqlite"
)

// MustLibrary saves a folder library with the given id and returns it.
func MustLibrary(tb testing.TB, db *sqlite.DB, id string) sqlite.Library {
	tb.Helper()
	lib := sqlite.Library{ID: id, Kind: sqlite.KindFolder, Name: id, Path: "/photos/" + id}
	if err := db.SaveLibrary(context.Background(), lib); err != nil {
		tb.Fatal(err)
	}
	return lib
}

func TestDB_SaveSession(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
		db.Now = func() time.Time { return time.UnixMilli(1_700_000_000_000) }
		lib := MustLibrary(t, db, "aaaaaaaaaaaa")
		in := sqlite.EditorSession{LibraryID: lib.ID, Path: "a b/c.jpg", State: `{"brightness":10}`, Version: "v1"}
		if err := db.SaveSession(ctx, in); err != nil {
			t.Fatal(err)
		}
		got, err := db.Session(ctx, lib.ID, "a b/c.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if got.State != in.State {
			t.Errorf("State = %q, want %q", got.State, in.State)
		}
		if got.Version != "v1" {
			t.Errorf("Version = %q, want v1", got.Version)
		}
		if !got.SavedAt.Equal(time.UnixMilli(1_700_000_000_000)) {
			t.Errorf("SavedAt = %v, want the clock's time", got.SavedAt)
		}
	})
	t.Run("OKReplaces", func(t *testing.T) {
		db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
		lib := MustLibrary(t, db, "aaaaaaaaaaaa")
		for _, v := range []string{"v1", "v2"} {
			s := sqlite.EditorSession{LibraryID: lib.ID, Path: "x.png", State: `{"v":"` + v + `"}`, Version: v}
			if err := db.SaveSession(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		got, err := db.Session(ctx, lib.ID, "x.png")
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != "v2" {
			t.Errorf("Version = %q, want v2", got.Version)
		}
	})
	t.Run("ErrUnknownLibrary", func(t *testing.T) {
		db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
		err := db.SaveSession(ctx, sqlite.EditorSession{LibraryID: "nope", Path: "x.png", State: "{}", Version: "v"})
		if err == nil {
			t.Fatal("SaveSession for a library that is not saved: got nil error")
		}
	})
}

func TestDB_Session(t *testing.T) {
	ctx := context.Background()
	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
		lib := MustLibrary(t, db, "aaaaaaaaaaaa")
		_, err := db.Session(ctx, lib.ID, "missing.jpg")
		if !errors.Is(err, sqlite.ErrNotFound) {
			t.Fatalf("Session = %v, want ErrNotFound", err)
		}
	})
}

func TestDB_DeleteSession(t *testing.T) {
	ctx := context.Background()
	t.Run("OK", func(t *testing.T) {
		db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
		lib := MustLibrary(t, db, "aaaaaaaaaaaa")
		if err := db.SaveSession(ctx, sqlite.EditorSession{LibraryID: lib.ID, Path: "x.png", State: "{}", Version: "v"}); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteSession(ctx, lib.ID, "x.png"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Session(ctx, lib.ID, "x.png"); !errors.Is(err, sqlite.ErrNotFound) {
			t.Fatalf("Session after delete = %v, want ErrNotFound", err)
		}
		if err := db.DeleteSession(ctx, lib.ID, "x.png"); err != nil {
			t.Errorf("second DeleteSession = %v, want nil", err)
		}
	})
	t.Run("OKLibraryRemoved", func(t *testing.T) {
		db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
		lib := MustLibrary(t, db, "aaaaaaaaaaaa")
		if err := db.SaveSession(ctx, sqlite.EditorSession{LibraryID: lib.ID, Path: "x.png", State: "{}", Version: "v"}); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteLibrary(ctx, lib.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Session(ctx, lib.ID, "x.png"); !errors.Is(err, sqlite.ErrNotFound) {
			t.Fatalf("Session after the library was removed = %v, want ErrNotFound", err)
		}
	})
}
