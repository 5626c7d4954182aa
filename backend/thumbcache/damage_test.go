package thumbcache_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/thumbcache"
)

func TestCache_InlineBoundary(t *testing.T) {
	tests := []struct {
		name      string
		size      int
		wantRows  int
		wantFiles int
	}{
		{"AtMax", thumbcache.InlineMaxBytes, 1, 0},
		{"OneOver", thumbcache.InlineMaxBytes + 1, 0, 1},
		{"Empty", 0, 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			c := MustOpen(t, dir, 8<<20)
			body := bytes.Repeat([]byte{'b'}, tc.size)
			if err := c.Put("k", "image/webp", body); err != nil {
				t.Fatal(err)
			}
			if rows := inlineRows(t, dir); rows != tc.wantRows {
				t.Errorf("inline rows=%d, want %d", rows, tc.wantRows)
			}
			if files := objectFiles(t, dir); len(files) != tc.wantFiles {
				t.Errorf("files=%v, want %d", files, tc.wantFiles)
			}
			ct, got, ok := read(t, c, "k")
			if !ok {
				t.Fatal("Get after Put: miss")
			}
			if ct != "image/webp" {
				t.Errorf("content type=%q, want image/webp", ct)
			}
			if !bytes.Equal(got, body) {
				t.Errorf("body has %d bytes, want %d", len(got), len(body))
			}
			total, _, err := c.Usage()
			if err != nil {
				t.Fatal(err)
			}
			if want := int64(len("image/webp\n") + tc.size); total != want {
				t.Errorf("total=%d, want %d", total, want)
			}
		})
	}
}

// TestCache_FileInlineEvict puts one key as a file, then inline, then pushes it out with other
// keys: nothing of it may stay behind, and the keys that stay return their own bodies.
func TestCache_FileInlineEvict(t *testing.T) {
	const max = 1 << 20
	const others = 100 // of about 16 KB each, 1.6 MB in all
	dir := t.TempDir()
	c := MustOpen(t, dir, max)
	large := bytes.Repeat([]byte{'L'}, thumbcache.InlineMaxBytes+1)
	if err := c.Put("k", "image/jpeg", large); err != nil {
		t.Fatal(err)
	}
	if err := c.Put("k", "image/webp", []byte("small k")); err != nil {
		t.Fatal(err)
	}

	for i := range others {
		key := fmt.Sprint("other/", i)
		if err := c.Put(key, "image/webp", bytes.Repeat([]byte(key), 2000)); err != nil {
			t.Fatal(err)
		}
	}
	if _, got, ok := read(t, c, "k"); ok {
		t.Errorf("evicted key k: hit with %q", got)
	}
	if files := objectFiles(t, dir); len(files) != 0 {
		t.Errorf("files after evicting k=%v, want none", files)
	}

	_, count, err := c.Usage()
	if err != nil {
		t.Fatal(err)
	}
	if rows := inlineRows(t, dir); rows != count {
		t.Errorf("inline rows=%d, want one per entry (%d)", rows, count)
	}
	for i := others - count; i < others; i++ {
		key := fmt.Sprint("other/", i)
		_, got, ok := read(t, c, key)
		if !ok {
			t.Errorf("%s: miss, want one of the %d newest entries", key, count)
			continue
		}
		if !bytes.Equal(got, bytes.Repeat([]byte(key), 2000)) {
			t.Errorf("%s: body starts %q, want its own", key, got[:min(len(got), 16)])
		}
	}
}

// TestCache_TwoProcessesOneKey has two processes put the same keys at once, each alternating a
// body kept inline and one kept as a file. Every hit must be one of the key's own bodies.
func TestCache_TwoProcessesOneKey(t *testing.T) {
	if dir := os.Getenv("THUMBCACHE_SAME_KEY_DIR"); dir != "" {
		putAlternating(t, dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCache_TwoProcessesOneKey$", "-test.count=1")
	cmd.Env = append(os.Environ(), "THUMBCACHE_SAME_KEY_DIR="+dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	putAlternating(t, dir)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child process: %v\n%s", err, out.String())
	}

	c := MustOpen(t, dir, 256<<20)
	hits := 0
	for k := range sameKeys {
		key := fmt.Sprint("key/", k)
		_, got, ok := read(t, c, key)
		if !ok {
			continue
		}
		hits++
		if !bytes.Equal(got, sameKeyBody(key, false)) && !bytes.Equal(got, sameKeyBody(key, true)) {
			t.Errorf("%s: %d bytes starting %q, want one of its own bodies", key, len(got), got[:min(len(got), 16)])
		}
	}
	t.Logf("%d of %d keys hit", hits, sameKeys)
	if hits == 0 {
		t.Error("no key hit after both processes put every key")
	}
}

const sameKeys = 20

func sameKeyBody(key string, large bool) []byte {
	n := 100
	if large {
		n = thumbcache.InlineMaxBytes/len(key) + 1
	}
	return bytes.Repeat([]byte(key), n)
}

func putAlternating(t *testing.T, dir string) {
	c := MustOpen(t, dir, 256<<20)
	for round := range 10 {
		for k := range sameKeys {
			key := fmt.Sprint("key/", k)
			if err := c.Put(key, "image/webp", sameKeyBody(key, (round+k)%2 == 0)); err != nil {
				t.Error(err)
			}
			if _, got, ok := read(t, c, key); ok &&
				!bytes.Equal(got, sameKeyBody(key, false)) && !bytes.Equal(got, sameKeyBody(key, true)) {
				t.Errorf("%s: %d bytes, not one of its own bodies", key, len(got))
			}
		}
	}
}

// TestCache_DamagedIndex opens cache folders whose index was damaged: the cache must open empty
// and work, without the body files of the old index.
func TestCache_DamagedIndex(t *testing.T) {
	tests := []struct {
		name   string
		damage func(t *testing.T, index string)
	}{
		{"Garbage", func(t *testing.T, index string) {
			mustWriteIndex(t, index, bytes.Repeat([]byte("garbage!"), 1000))
		}},
		{"TruncatedHalf", func(t *testing.T, index string) {
			info, err := os.Stat(index)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(index, info.Size()/2); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			fillCache(t, dir)
			tc.damage(t, filepath.Join(dir, "index.db"))

			c := MustOpen(t, dir, 8<<20)
			if _, got, ok := read(t, c, "large"); ok {
				t.Errorf("large entry of the damaged index: hit with %d bytes, want a miss", len(got))
			}
			if files := objectFiles(t, dir); len(files) != 0 {
				t.Errorf("files after opening a damaged index=%v, want none", files)
			}
			if err := c.Put("k", "image/webp", []byte("new")); err != nil {
				t.Fatal(err)
			}
			if _, got, ok := read(t, c, "k"); !ok || string(got) != "new" {
				t.Errorf("Get after Put: hit=%v body=%q, want new", ok, got)
			}
			if _, count, err := c.Usage(); err != nil || count != 1 {
				t.Errorf("count=%d (%v), want the one new entry", count, err)
			}
		})
	}
}

// TestCache_TruncatedWhileOpen truncates the index of an open cache, as a crash of the disk or
// a user's cleanup might. The next Open must start an empty cache.
func TestCache_TruncatedWhileOpen(t *testing.T) {
	dir := t.TempDir()
	c, err := thumbcache.Open(dir, 8<<20, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Put("a", "image/webp", []byte("body a")); err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(dir, "index.db")
	for _, name := range []string{index, index + "-wal"} {
		if err := os.Truncate(name, 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Put("b", "image/webp", []byte("body b")); err != nil {
		t.Logf("Put after truncating: %v", err)
	}
	if err := c.Close(); err != nil {
		t.Logf("Close after truncating: %v", err)
	}

	c2 := MustOpen(t, dir, 8<<20)
	if err := c2.Put("c", "image/webp", []byte("body c")); err != nil {
		t.Fatal(err)
	}
	if _, got, ok := read(t, c2, "c"); !ok || string(got) != "body c" {
		t.Errorf("Get after reopening: hit=%v body=%q, want body c", ok, got)
	}
}

// TestCache_UnopenableIndex checks that an index Open cannot open for another reason than
// damage is reported, and the cache folder left as it is.
func TestCache_UnopenableIndex(t *testing.T) {
	dir := t.TempDir()
	fillCache(t, dir)
	index := filepath.Join(dir, "index.db")
	for _, name := range []string{index, index + "-wal", index + "-shm"} {
		if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(index, 0o700); err != nil {
		t.Fatal(err)
	}
	if c, err := thumbcache.Open(dir, 8<<20, slog.New(slog.DiscardHandler)); err == nil {
		c.Close()
		t.Fatal("Open with a folder in place of the index: no error")
	}
	if files := objectFiles(t, dir); len(files) != 1 {
		t.Errorf("files=%v, want the large entry's file kept", files)
	}
}

// fillCache puts 50 inline entries and a large one, kept as a file, into a cache in dir and
// closes it.
func fillCache(t *testing.T, dir string) {
	t.Helper()
	c, err := thumbcache.Open(dir, 8<<20, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if err := c.Put(fmt.Sprint(i), "image/webp", bytes.Repeat([]byte{byte(i)}, 10000)); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.Put("large", "image/jpeg", bytes.Repeat([]byte{'L'}, thumbcache.InlineMaxBytes+1)); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
}

func mustWriteIndex(t *testing.T, index string, data []byte) {
	t.Helper()
	if err := os.WriteFile(index, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
