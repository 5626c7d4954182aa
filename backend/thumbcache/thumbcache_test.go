package thumbcache_test

import (
	"bytes"
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

	t.Run("ErrContentType", func(t *testing.T) {
		if err := c.Put("bad", "image/png\nX-Injected: 1", []byte("x")); err == nil {
			t.Error("Put with a newline in the content type: no error")
		}
	})
}

func TestCache_Evict(t *testing.T) {
	const max = 64 << 10
	c := MustOpen(t, t.TempDir(), max)
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
