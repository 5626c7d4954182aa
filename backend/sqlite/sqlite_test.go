package sqlite_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/sqlite"
)

// MustOpen opens the database at path and closes it when the test ends.
func MustOpen(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestOpen(t *testing.T) {
	ctx := context.Background()

	t.Run("Fresh", func(t *testing.T) {
		db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
		v, err := db.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v != sqlite.LatestVersion() || v < 1 {
			t.Errorf("Version=%d, want %d", v, sqlite.LatestVersion())
		}
	})

	t.Run("Rerun", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "config.db")
		db := MustOpen(t, path)
		if err := db.SetPreference(ctx, "theme", `"dark"`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		again := MustOpen(t, path)
		prefs, err := again.Preferences(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if prefs["theme"] != `"dark"` {
			t.Errorf("theme=%q after reopening, want \"dark\"", prefs["theme"])
		}
	})

	t.Run("UpgradeFromEveryVersion", func(t *testing.T) {
		for from := 0; from < sqlite.LatestVersion(); from++ {
			path := filepath.Join(t.TempDir(), fmt.Sprintf("v%d.db", from))
			if err := sqlite.CreateAtVersion(ctx, path, from); err != nil {
				t.Fatal(err)
			}
			db := MustOpen(t, path)
			if v, _ := db.Version(ctx); v != sqlite.LatestVersion() {
				t.Errorf("from %d: Version=%d, want %d", from, v, sqlite.LatestVersion())
			}
		}
	})

	t.Run("ErrFutureSchema", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "config.db")
		db := MustOpen(t, path)
		db.Close()
		// Write a version this build does not know, the way a newer app would, in rollback
		// journal mode so the whole database is in the one file.
		mustExec(t, path, fmt.Sprintf("PRAGMA journal_mode = DELETE; PRAGMA user_version = %d", sqlite.LatestVersion()+1))
		before := fileSum(t, path)
		entriesBefore := dirNames(t, filepath.Dir(path))

		_, err := sqlite.Open(ctx, path)
		if !errors.Is(err, sqlite.ErrFutureSchema) {
			t.Fatalf("err=%v, want ErrFutureSchema", err)
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("error %q does not name the file", err)
		}
		if after := fileSum(t, path); after != before {
			t.Error("the database file changed")
		}
		if got := dirNames(t, filepath.Dir(path)); got != entriesBefore {
			t.Errorf("folder holds %s after the refusal, before it held %s", got, entriesBefore)
		}
	})

	t.Run("ErrNotDatabase", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "config.db")
		if err := os.WriteFile(path, []byte("this is not sqlite, but it is the user's file"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := sqlite.Open(ctx, path); err == nil {
			t.Fatal("opening a text file: no error")
		}
		got, _ := os.ReadFile(path)
		if string(got) != "this is not sqlite, but it is the user's file" {
			t.Error("a file that is not a database was changed")
		}
	})
}

func mustExec(t *testing.T, path, sql string) {
	t.Helper()
	db := MustOpen(t, path)
	if err := db.Exec(context.Background(), sql); err != nil {
		t.Fatal(err)
	}
	db.Close()
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func dirNames(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, ",")
}

func TestDB_Libraries(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
	for _, id := range []string{"a", "b", "c"} {
		if err := db.SaveLibrary(ctx, sqlite.Library{ID: id, Kind: sqlite.KindFolder, Name: id, Path: "/" + id}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SaveLibrary(ctx, sqlite.Library{ID: "b", Kind: sqlite.KindFolder, Name: "renamed", Path: "/b"}); err != nil {
		t.Fatal(err)
	}
	if err := db.OrderLibraries(ctx, []string{"c", "a"}); err != nil {
		t.Fatal(err)
	}
	if err := db.AddRecent(ctx, "a", "x.jpg"); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteLibrary(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	libs, err := db.Libraries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range libs {
		got = append(got, l.ID+":"+l.Name)
	}
	if strings.Join(got, " ") != "c:c b:renamed" {
		t.Errorf("libraries=%v, want [c:c b:renamed]", got)
	}
	recent, err := db.Recent(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(recent) != 0 {
		t.Errorf("recent=%v after deleting its library, want none", recent)
	}
}

func TestDB_Recent(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t, filepath.Join(t.TempDir(), "config.db"))
	clock := time.Unix(1_700_000_000, 0)
	db.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	if err := db.SaveLibrary(ctx, sqlite.Library{ID: "a", Kind: sqlite.KindFolder, Name: "a", Path: "/a"}); err != nil {
		t.Fatal(err)
	}
	for i := range 60 {
		if err := db.AddRecent(ctx, "a", fmt.Sprintf("%d.jpg", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.AddRecent(ctx, "a", "3.jpg"); err != nil {
		t.Fatal(err)
	}
	recent, err := db.Recent(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(recent) != 50 {
		t.Errorf("len(recent)=%d, want 50", len(recent))
	}
	if recent[0].Path != "3.jpg" || recent[1].Path != "59.jpg" {
		t.Errorf("newest=%s, %s; want 3.jpg, 59.jpg", recent[0].Path, recent[1].Path)
	}
}

// TestDB_CrashSafety runs writers in child processes, kills one with SIGKILL in the middle, and
// checks that every write it reported done is in the database and the database is intact. A
// second child writes at the same time and must succeed.
func TestDB_CrashSafety(t *testing.T) {
	if path := os.Getenv("SQLITE_CHILD_DB"); path != "" {
		childWriter(path, os.Getenv("SQLITE_CHILD_NAME"))
		return
	}
	path := filepath.Join(t.TempDir(), "config.db")
	MustOpen(t, path).Close()

	start := func(name string) (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDB_CrashSafety$", "-test.count=1")
		cmd.Env = append(os.Environ(), "SQLITE_CHILD_DB="+path, "SQLITE_CHILD_NAME="+name)
		var out bytes.Buffer
		cmd.Stdout = &out
		cmd.Stderr = &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &out
	}
	victim, victimOut := start("victim")
	steady, steadyOut := start("steady")
	time.Sleep(700 * time.Millisecond)
	if err := victim.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = victim.Wait()
	if err := steady.Wait(); err != nil {
		t.Fatalf("the second writer failed: %v\n%s", err, steadyOut)
	}

	db := MustOpen(t, path)
	prefs, err := db.Preferences(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	acked := ackedWrites(victimOut.String())
	if acked == 0 {
		t.Fatalf("the killed writer acknowledged no write before SIGKILL; output:\n%s", victimOut)
	}
	for i := range acked {
		if key := fmt.Sprintf("victim-%d", i); prefs[key] != strconv.Itoa(i) {
			t.Errorf("%s=%q, acknowledged before the kill but missing", key, prefs[key])
		}
	}
	for i := range 300 {
		if key := fmt.Sprintf("steady-%d", i); prefs[key] != strconv.Itoa(i) {
			t.Errorf("%s=%q, want %d", key, prefs[key], i)
			break
		}
	}
	var check string
	if err := db.QueryString(context.Background(), "PRAGMA integrity_check", &check); err != nil {
		t.Fatal(err)
	}
	if check != "ok" {
		t.Errorf("integrity_check=%q", check)
	}
	t.Logf("killed writer acknowledged %d writes", acked)
}

// childWriter writes preferences forever ("victim") or 300 times ("steady"), printing the
// index of each write after it returns.
func childWriter(path, name string) {
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	for i := 0; name == "victim" || i < 300; i++ {
		if err := db.SetPreference(context.Background(), fmt.Sprintf("%s-%d", name, i), strconv.Itoa(i)); err != nil {
			fmt.Println("write:", err)
			os.Exit(3)
		}
		fmt.Printf("acked %d\n", i)
	}
	db.Close()
}

func ackedWrites(out string) int {
	n := 0
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, "acked "); ok {
			if i, err := strconv.Atoi(v); err == nil && i+1 > n {
				n = i + 1
			}
		}
	}
	return n
}

// A config.db whose write lock another process holds fails after the busy timeout with an error
// that names the file.
func TestOpen_ErrLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "config.db")
	MustOpen(t, path).Close()
	other, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")

	db, err := sqlite.Open(context.Background(), path)
	if err == nil {
		db.Close()
		t.Fatal("Open succeeded while another connection held the write lock")
	}
	if !strings.Contains(err.Error(), path) {
		t.Fatalf("error %q does not name %s", err, path)
	}
}
