package imagehandler_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/thumbcache"
)

var discard = slog.New(slog.DiscardHandler)

// MustExecutable returns the path of the built engine: $IMAGOR_STUDIO_ENGINE, else
// build/bin/imagor-studio-engine under the module root. It fails the test when neither exists.
func MustExecutable(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv(engine.EnvExecutable); p != "" {
		if _, err := os.Stat(p); err != nil {
			tb.Fatalf("%s=%s: %v; run `go tool task build:engine`", engine.EnvExecutable, p, err)
		}
		return p
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the working directory, and " + engine.EnvExecutable + " is not set")
		}
		dir = parent
	}
	p := filepath.Join(dir, "build", "bin", engine.ExecutableName)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("engine executable not found at %s and %s is not set: run `go tool task build:engine`", p, engine.EnvExecutable)
	}
	return p
}

// MustEngine returns an Engine on the real executable, serving libraries, that is closed when
// the test ends.
func MustEngine(tb testing.TB, libraries map[string]string) *engine.Engine {
	tb.Helper()
	return MustEngineWith(tb, engine.Config{Executable: MustExecutable(tb)}, libraries)
}

// MustEngineWith returns an Engine with cfg, serving libraries, that is closed when the test ends.
func MustEngineWith(tb testing.TB, cfg engine.Config, libraries map[string]string) *engine.Engine {
	tb.Helper()
	e, err := engine.New(cfg)
	if err != nil {
		tb.Fatalf("engine.New: %v", err)
	}
	tb.Cleanup(func() {
		if err := e.Close(); err != nil {
			tb.Errorf("close the engine: %v", err)
		}
	})
	if err := e.SetLibraries(context.Background(), libraries); err != nil {
		tb.Fatalf("SetLibraries: %v", err)
	}
	return e
}

// MustCache opens a disk cache in a new temp folder, closed when the test ends.
func MustCache(tb testing.TB) *thumbcache.Cache {
	tb.Helper()
	cache, err := thumbcache.Open(tb.TempDir(), 64<<20, discard)
	if err != nil {
		tb.Fatalf("thumbcache.Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := cache.Close(); err != nil {
			tb.Errorf("close the cache: %v", err)
		}
	})
	return cache
}

// MustServer serves a Handler on renderer and cache (nil for none) on a loopback port, and
// returns the server's base URL.
func MustServer(tb testing.TB, renderer imagehandler.Renderer, cache *thumbcache.Cache) string {
	tb.Helper()
	server := httptest.NewServer(imagehandler.New(renderer, cache, discard))
	tb.Cleanup(server.Close)
	return server.URL
}

// response is one fetched response, its body read.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// MustFetch sends method to url and returns the response.
func MustFetch(tb testing.TB, method, url string) response {
	tb.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		tb.Fatalf("request %s %s: %v", method, url, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: read body: %v", method, url, err)
	}
	return response{Status: resp.StatusCode, Header: resp.Header, Body: body}
}

// MustDecodeConfig returns the size and format of an encoded image.
func MustDecodeConfig(tb testing.TB, data []byte) (image.Config, string) {
	tb.Helper()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("decode the response (%d bytes, starting %q): %v", len(data), data[:min(len(data), 16)], err)
	}
	return cfg, format
}

// MustWriteFile writes data to name (slash-separated, inside dir), creating its folders.
func MustWriteFile(tb testing.TB, dir, name string, data []byte) {
	tb.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// MustPNG returns an opaque w x h PNG.
func MustPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetNRGBA(x, y, color.NRGBA{R: uint8(x), G: uint8(y), B: 200, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// MustConvert writes a w x h PNG to a temp file and converts it with ImageMagick to outName,
// whose extension picks the format, and returns the converted bytes.
func MustConvert(tb testing.TB, w, h int, outName string) []byte {
	tb.Helper()
	dir := tb.TempDir()
	in := filepath.Join(dir, "in.png")
	out := filepath.Join(dir, outName)
	if err := os.WriteFile(in, MustPNG(tb, w, h), 0o644); err != nil {
		tb.Fatal(err)
	}
	output, err := exec.Command("convert", in, out).CombinedOutput()
	if err != nil {
		tb.Fatalf("convert %s %s failed: %v: %s (install ImageMagick with `go tool task deps:apt`)", in, out, err, output)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// MustBombPNG returns a valid 1-bit greyscale PNG of w x h white pixels. A 30,000 x 30,000 one
// is about 110 KB on disk and 900 megapixels once decoded.
func MustBombPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	header := make([]byte, 13)
	binary.BigEndian.PutUint32(header[0:], uint32(w))
	binary.BigEndian.PutUint32(header[4:], uint32(h))
	header[8] = 1 // bit depth
	header[9] = 0 // greyscale
	writePNGChunk(&out, "IHDR", header)

	var compressed bytes.Buffer
	zw, err := zlib.NewWriterLevel(&compressed, zlib.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	row := make([]byte, 1+(w+7)/8) // filter byte 0, then the packed pixels
	for i := 1; i < len(row); i++ {
		row[i] = 0xFF
	}
	for y := 0; y < h; y++ {
		if _, err := zw.Write(row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	writePNGChunk(&out, "IDAT", compressed.Bytes())
	writePNGChunk(&out, "IEND", nil)
	return out.Bytes()
}

func writePNGChunk(out *bytes.Buffer, chunkType string, data []byte) {
	_ = binary.Write(out, binary.BigEndian, uint32(len(data)))
	start := out.Len()
	out.WriteString(chunkType)
	out.Write(data)
	_ = binary.Write(out, binary.BigEndian, crc32.ChecksumIEEE(out.Bytes()[start:]))
}

// countingRenderer counts the renders it passes on to next. When gate is set, every render
// waits for it to close first.
type countingRenderer struct {
	next  imagehandler.Renderer
	gate  chan struct{}
	calls atomic.Int32
}

func (r *countingRenderer) Do(ctx context.Context, path string) (*http.Response, error) {
	r.calls.Add(1)
	if r.gate != nil {
		select {
		case <-r.gate:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return r.next.Do(ctx, path)
}

// stubRenderer returns a fixed response or error, as a stand-in for the engine.
type stubRenderer struct {
	status int
	body   []byte
	err    error
	calls  atomic.Int32
}

func (r *stubRenderer) Do(ctx context.Context, path string) (*http.Response, error) {
	r.calls.Add(1)
	if r.err != nil {
		return nil, r.err
	}
	return &http.Response{
		StatusCode: r.status,
		Header:     http.Header{"Content-Type": {"image/png"}},
		Body:       io.NopCloser(bytes.NewReader(r.body)),
	}, nil
}

// errUnexpectedCall is returned by a renderer that a test expects never to be called.
var errUnexpectedCall = errors.New("renderer called, but the request should not reach it")
