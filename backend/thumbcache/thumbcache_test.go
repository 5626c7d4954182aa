package thumbcache_test

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/imagor-studio/desktop/backend/thumbcache"
)

// MustOpen opens a cache in dir and closes it when the test ends.
func MustOpen(tb testing.TB, dir string, maxBytes int64) *thumbcache.Cache {
	tb.Helper()
	c, err := thumbcache.Open(dir, maxBytes, slog.New(slog.DiscardHandler))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := c.Close(); err != nil {
			tb.Error(err)
		}
	})
	return c
}

func read(tb testing.TB, c *thumbcache.Cache, key string) (string, []byte, bool) {
	tb.Helper()
	entry, ok := c.Get(key)
	if !ok {
		return "", nil, false
	}
	defer entry.Body.Close()
	body, err := io.ReadAll(entry.Body)
	if err != nil {
		tb.Fatal(err)
	}
	if int64(len(body)) != entry.Size {
		tb.Errorf("Size=%d, body has %d bytes", entry.Size, len(body))
	}
	return entry.ContentType, body, true
}

func TestCache_PutGet(t *testing.T) {
	c := MustOpen(t, t.TempDir(), 1<<20)

	t.Run("OK", func(t *testing.T) {
		body := []byte("RIFF\x00\x00webp\nwith newline")
		if err := c.Put("/unsafe/fit-in/256x256/a.jpg?v=1", "image/webp", body); err != nil {
			t.Fatal(err)
		}
		ct, got, ok := read(t, c, "/unsafe/fit-in/256x256/a.jpg?v=1")
		if !ok {
			t.Fatal("Get after Put: miss")
		}
		if ct != "image/webp" {
			t.Errorf("content type=%q, want image/webp", ct)
		}
		if !bytes.Equal(got, body) {
			t.Errorf("body=%q, want %q", got, body)
		}
	})

	t.Run("Miss", func(t *testing.T) {
		if _, _, ok := read(t, c, "/unsafe/other.jpg"); ok {
			t.Error("Get of a key never put: hit")
		}
	})

	t.Run("Replace", func(t *testing.T) {
		for _, body := range []string{"first", "second, longer"} {
			if err := c.Put("k", "image/png", []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		_, got, _ := read(t, c, "k")
		if string(got) != "second, longer" {
			t.Errorf("body=%q, want the second put", got)
		}
	})

	t.Run("LargeAsFile", func(t *testing.T) {
		dir := t.TempDir()
		c := MustOpen(t, dir, 8<<20)
		large := bytes.Repeat([]byte{'L'}, thumbcache.InlineMaxBytes+1)
		if err := c.Put("k", "image/jpeg", large); err != nil {
			t.Fatal(err)
		}
		if files := objectFiles(t, dir); len(files) != 1 {
			t.Errorf("files after a large put=%v, want one", files)
		}
		MustReadBody(t, c, "k", "image/jpeg", large)

		// A smaller body replaces the file, and a larger one the row again.
		if err := c.Put("k", "image/webp", []byte("small")); err != nil {
			t.Fatal(err)
		}
		if files := objectFiles(t, dir); len(files) != 0 {
			t.Errorf("files after a small put over a large one=%v, want none", files)
		}
		MustReadBody(t, c, "k", "image/webp", []byte("small"))
		if err := c.Put("k", "image/jpeg", large); err != nil {
			t.Fatal(err)
		}
		MustReadBody(t, c, "k", "image/jpeg", large)

		total, count, err := c.Usage()
		if err != nil {
			t.Fatal(err)
		}
		if count != 1 {
			t.Errorf("count=%d, want one entry", count)
		}
		if want := int64(len("image/jpeg\n") + len(large)); total != want {
			t.Errorf("total=%d, want %d, the size of the large body's file", total, want)
		}
	})

	t.Run("NilBody", func(t *testing.T) {
		if err := c.Put("nil", "image/webp", nil); err != nil {
			t.Fatal(err)
		}
		MustReadBody(t, c, "nil", "image/webp", []byte{})
	})

	t.Run("ErrContentType", func(t *testing.T) {
		if err := c.Put("bad", "image/png\nX-Injected: 1", []byte("x")); err == nil {
			t.Error("Put with a newline in the content type: no error")
		}
	})
}

func TestCache_Evict(t *testing.T) {
	const max = 64 << 10
	dir := t.TempDir()
	c := MustOpen(t, dir, max)
	body := bytes.Repeat([]byte{'x'}, 4<<10)

	// Fill to the bound, reading key 0 after every put so it stays the most recently read.
	for i := range 15 {
		if err := c.Put(fmt.Sprint(i), "image/webp", body); err != nil {
			t.Fatal(err)
		}
		if _, _, ok := read(t, c, "0"); !ok {
			t.Fatalf("key 0 evicted after put %d although it is read after every put", i)
		}
	}
	for i := 15; i < 40; i++ {
		if err := c.Put(fmt.Sprint(i), "image/webp", body); err != nil {
			t.Fatal(err)
		}
		read(t, c, "0")
	}

	total, count, err := c.Usage()
	if err != nil {
		t.Fatal(err)
	}
	if total > max {
		t.Errorf("total=%d after eviction, want at most %d", total, max)
	}
	if count >= 40 {
		t.Errorf("count=%d, want fewer than the 40 put", count)
	}
	if _, _, ok := read(t, c, "0"); !ok {
		t.Error("the most recently read key was evicted")
	}
	if _, _, ok := read(t, c, "1"); ok {
		t.Error("key 1, never read again, survived eviction")
	}
	if _, _, ok := read(t, c, "39"); !ok {
		t.Error("the newest key was evicted")
	}
	if rows := inlineRows(t, dir); rows != count {
		t.Errorf("inline bodies=%d after eviction, want one per entry (%d)", rows, count)
	}
}

// objectFiles returns the body files in the cache folder dir.
func objectFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "objects", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// inlineRows counts the bodies kept in the index of the cache folder dir.
func inlineRows(t *testing.T, dir string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "index.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM inline`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCache_Reopen(t *testing.T) {
	dir := t.TempDir()
	c, err := thumbcache.Open(dir, 1<<20, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put("k", "image/jpeg", []byte("jpeg")); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	c2 := MustOpen(t, dir, 1<<20)
	if _, got, ok := read(t, c2, "k"); !ok || string(got) != "jpeg" {
		t.Errorf("after reopen: hit=%v body=%q, want jpeg", ok, got)
	}
	total, count, err := c2.Usage()
	if err != nil {
		t.Fatal(err)
	}
	if count != 1 || total < 4 {
		t.Errorf("usage after reopen: total=%d count=%d, want one entry", total, count)
	}
}

// TestCache_TwoProcesses runs this test binary again as a second process that writes to the
// same cache folder while this one does, as a second app window would.
func TestCache_TwoProcesses(t *testing.T) {
	if dir := os.Getenv("THUMBCACHE_CHILD_DIR"); dir != "" {
		writeMany(t, dir, "child")
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCache_TwoProcesses$", "-test.count=1")
	cmd.Env = append(os.Environ(), "THUMBCACHE_CHILD_DIR="+dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	writeMany(t, dir, "parent")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child process: %v\n%s", err, out.String())
	}

	c := MustOpen(t, dir, 64<<20)
	_, count, err := c.Usage()
	if err != nil {
		t.Fatal(err)
	}
	if count != 400 {
		t.Errorf("count=%d after two processes put 200 each, want 400", count)
	}
	for _, who := range []string{"parent", "child"} {
		if _, got, ok := read(t, c, who+"/199"); !ok || string(got) != who+"/199" {
			t.Errorf("%s/199: hit=%v body=%q", who, ok, got)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, "objects", "*", ".tmp-*"))
	if len(leftovers) != 0 {
		t.Errorf("temp files left behind: %v", leftovers)
	}
}

func writeMany(t *testing.T, dir, who string) {
	c := MustOpen(t, dir, 64<<20)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < 200; i += 4 {
				key := fmt.Sprintf("%s/%d", who, i)
				if err := c.Put(key, "text/plain", []byte(key)); err != nil {
					t.Error(err)
				}
				read(t, c, key)
			}
		})
	}
	wg.Wait()
}

// TestCache_OpenFileOnlyFolder opens a cache folder as a version that kept every body in a file
// left it: an index without the inline table, and one file.
func TestCache_OpenFileOnlyFolder(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "index.db"))
	if err != nil {
		t.Fatal(err)
	}
	const oldSchema = `
CREATE TABLE entries (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, last_read INTEGER NOT NULL);
CREATE INDEX entries_last_read ON entries (last_read);
CREATE TABLE usage (total INTEGER NOT NULL, count INTEGER NOT NULL);
INSERT INTO usage (total, count) VALUES (0, 0);
CREATE TRIGGER entries_insert AFTER INSERT ON entries BEGIN
	UPDATE usage SET total = total + NEW.size, count = count + 1;
END;
CREATE TRIGGER entries_update AFTER UPDATE OF size ON entries BEGIN
	UPDATE usage SET total = total - OLD.size + NEW.size;
END;
CREATE TRIGGER entries_delete AFTER DELETE ON entries BEGIN
	UPDATE usage SET total = total - OLD.size, count = count - 1;
END;`
	if _, err := db.Exec(oldSchema); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("k"))
	hash := hex.EncodeToString(sum[:])
	file := []byte("image/webp\nold body")
	if _, err := db.Exec(`INSERT INTO entries VALUES (?, ?, 0)`, hash, len(file)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	MustWriteObject(t, filepath.Join(dir, "objects", hash[:2], hash[2:]), file)

	c := MustOpen(t, dir, 1<<20)
	MustReadBody(t, c, "k", "image/webp", []byte("old body"))
	if err := c.Put("k2", "image/webp", []byte("new")); err != nil {
		t.Fatal(err)
	}
	_, count, err := c.Usage()
	if err != nil {
		t.Fatal(err)
	}
	if count != 2 {
		t.Errorf("count=%d, want the old entry and the new one", count)
	}
}

// TestCache_PutErrIndex checks that a large body whose index write fails leaves no file, which
// eviction could never find. A closed index makes the write fail.
func TestCache_PutErrIndex(t *testing.T) {
	dir := t.TempDir()
	c, err := thumbcache.Open(dir, 8<<20, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	large := bytes.Repeat([]byte{'L'}, thumbcache.InlineMaxBytes+1)
	if err := c.Put("k", "image/jpeg", large); err == nil {
		t.Error("Put with a closed index: no error")
	}
	if files := objectFiles(t, dir); len(files) != 0 {
		t.Errorf("files after a failed index write=%v, want none", files)
	}
}

// MustReadBody reads key from c and checks it is a hit with the content type and body given.
func MustReadBody(tb testing.TB, c *thumbcache.Cache, key, wantType string, want []byte) {
	tb.Helper()
	ct, got, ok := read(tb, c, key)
	if !ok {
		tb.Errorf("Get %q: miss, want a hit", key)
		return
	}
	if ct != wantType {
		tb.Errorf("Get %q: content type=%q, want %q", key, ct, wantType)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("Get %q: %d bytes, want %d", key, len(got), len(want))
	}
}

// MustWriteObject writes data to path, creating its folder.
func MustWriteObject(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestCache_OrphanInlineBody evicts an entry as a version without the inline table would, with
// the foreign keys off, and checks its body is neither served nor kept.
func TestCache_OrphanInlineBody(t *testing.T) {
	dir := t.TempDir()
	c, err := thumbcache.Open(dir, 1<<20, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put("k", "image/webp", []byte("body")); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "index.db")+"?_pragma=foreign_keys(0)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM entries`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, _, ok := read(t, c, "k"); ok {
		t.Error("a body without its entry was served")
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	MustOpen(t, dir, 1<<20)
	if rows := inlineRows(t, dir); rows != 0 {
		t.Errorf("inline bodies after reopen=%d, want the orphan deleted", rows)
	}
}
