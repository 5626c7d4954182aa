package imagehandler_test

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/thumbcache"
)

// mustJPEG returns a w x h JPEG of one grey.
func mustJPEG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img, _, err := image.Decode(bytes.NewReader(MustPNG(tb, w, h)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// withHeight returns data, a baseline JPEG, with the height in its SOF0 segment set to h.
func withHeight(tb testing.TB, data []byte, h uint16) []byte {
	tb.Helper()
	out := bytes.Clone(data)
	i := bytes.Index(out, []byte{0xFF, 0xC0})
	if i < 0 {
		tb.Fatal("no SOF0 segment in the JPEG")
	}
	binary.BigEndian.PutUint16(out[i+5:], h)
	return out
}

// TestHandler_OddFiles sends files the engine's fast path must decline or serve like imagor
// through the handler: errors are sent and never cached, images cached with their own bytes.
func TestHandler_OddFiles(t *testing.T) {
	tests := []struct {
		name         string
		file         string
		data         func(t *testing.T) []byte
		wantStatus   int
		wantW, wantH int
	}{
		{"ErrOnlySOI", "soi.jpg", func(t *testing.T) []byte { return []byte{0xFF, 0xD8, 0xFF} }, http.StatusNotAcceptable, 0, 0},
		{"ErrZeroHeight", "zero.jpg", func(t *testing.T) []byte { return withHeight(t, mustJPEG(t, 64, 48), 0) }, http.StatusNotAcceptable, 0, 0},
		{"OKPNGNamedJPEG", "png.jpg", func(t *testing.T) []byte { return MustPNG(t, 300, 200) }, http.StatusOK, 256, 171},
		{"OKJPEGNamedPNG", "jpeg.png", func(t *testing.T) []byte { return mustJPEG(t, 300, 200) }, http.StatusOK, 256, 171},
		{"OKOnePixel", "one.jpg", func(t *testing.T) []byte { return mustJPEG(t, 1, 1) }, http.StatusOK, 1, 1},
	}
	dir, id := MustLibrary(t)
	renderer := &countingRenderer{next: MustEngine(t, map[string]string{id: dir})}
	base := MustServer(t, renderer, MustCache(t))
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			MustWriteFile(t, dir, tc.file, tc.data(t))
			url := base + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, tc.file), "v1", imageurl.ThumbnailSize)
			before := renderer.calls.Load()
			first := MustFetch(t, "GET", url)
			second := MustFetch(t, "GET", url)
			if first.Status != tc.wantStatus {
				t.Fatalf("status=%d body=%s, want %d", first.Status, first.Body, tc.wantStatus)
			}
			if second.Status != tc.wantStatus {
				t.Errorf("second GET status=%d, want %d", second.Status, tc.wantStatus)
			}
			renders := renderer.calls.Load() - before
			if tc.wantStatus != http.StatusOK {
				failureBody(t, second)
				if renders != 2 {
					t.Errorf("renders=%d, want 2 (an error is not cached)", renders)
				}
				return
			}
			if renders != 1 {
				t.Errorf("renders=%d, want 1", renders)
			}
			if got := second.Header.Get("X-Cache"); got != "hit" {
				t.Errorf("second GET X-Cache=%q, want hit", got)
			}
			if !bytes.Equal(first.Body, second.Body) {
				t.Errorf("cached body (%d bytes) differs from the rendered one (%d bytes)", len(second.Body), len(first.Body))
			}
			cfg, _ := MustDecodeConfig(t, second.Body)
			if cfg.Width != tc.wantW || cfg.Height != tc.wantH {
				t.Errorf("size=%dx%d, want %dx%d", cfg.Width, cfg.Height, tc.wantW, tc.wantH)
			}
		})
	}
}

// TestHandler_CacheIndexOverwritten overwrites the cache index while the handler runs: images
// are still served, and a cached one only with its own bytes.
func TestHandler_CacheIndexOverwritten(t *testing.T) {
	dir, id := MustLibrary(t)
	cacheDir := t.TempDir()
	cache, err := thumbcache.Open(cacheDir, 64<<20, discard)
	if err != nil {
		t.Fatal(err)
	}
	defer cache.Close()
	base := MustServer(t, MustEngine(t, map[string]string{id: dir}), cache)
	MustWriteFile(t, dir, "other.png", MustPNG(t, 200, 300))
	photo := base + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, "photo.png"), "v1", imageurl.ThumbnailSize)
	other := base + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, "other.png"), "v1", imageurl.ThumbnailSize)
	rendered := MustFetch(t, "GET", photo)

	index := filepath.Join(cacheDir, "index.db")
	for _, name := range []string{index, index + "-wal"} {
		if err := os.WriteFile(name, bytes.Repeat([]byte("garbage!"), 4096), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	again := MustFetch(t, "GET", photo)
	if again.Status != http.StatusOK {
		t.Fatalf("GET after overwriting the index: status=%d body=%s, want 200", again.Status, again.Body)
	}
	if !bytes.Equal(again.Body, rendered.Body) {
		t.Errorf("body after overwriting the index (%d bytes, X-Cache %s) differs from the rendered one (%d bytes)",
			len(again.Body), again.Header.Get("X-Cache"), len(rendered.Body))
	}
	resp := MustFetch(t, "GET", other)
	if resp.Status != http.StatusOK {
		t.Fatalf("new key after overwriting the index: status=%d body=%s, want 200", resp.Status, resp.Body)
	}
	cfg, _ := MustDecodeConfig(t, resp.Body)
	if cfg.Width != 171 || cfg.Height != 256 {
		t.Errorf("new key size=%dx%d, want 171x256", cfg.Width, cfg.Height)
	}
}
