package editor_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/engine"
)

// MustExecutable returns the path of the built engine: $IMAGOR_STUDIO_ENGINE, else
// build/bin/imagor-studio-engine under the module root.
func MustExecutable(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv(engine.EnvExecutable); p != "" {
		if _, err := os.Stat(p); err != nil {
			tb.Fatalf("%s=%s: %v; run `go tool task build:engine`", engine.EnvExecutable, p, err)
		}
		return p
	}
	p, err := filepath.Abs(filepath.Join("..", "..", "build", "bin", engine.ExecutableName))
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("engine executable not found at %s and %s is not set: run `go tool task build:engine`", p, engine.EnvExecutable)
	}
	return p
}

// MustEngine returns an Engine on the real executable serving libraries, closed when the test
// ends.
func MustEngine(tb testing.TB, libraries map[string]string) *engine.Engine {
	tb.Helper()
	e, err := engine.New(engine.Config{Executable: MustExecutable(tb)})
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

// MustGet fetches path from the engine and fails the test unless it returns 200.
func MustGet(tb testing.TB, e *engine.Engine, path string) []byte {
	tb.Helper()
	resp, err := e.Do(context.Background(), path)
	if err != nil {
		tb.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("GET %s: read body: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: status %d: %s", path, resp.StatusCode, body)
	}
	return body
}

// MustMeta returns imagor's metadata for path.
func MustMeta(tb testing.TB, e *engine.Engine, path string) editor.Meta {
	tb.Helper()
	m, err := editor.ParseMeta(MustGet(tb, e, path))
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return m
}

// MustSource returns the editor's source for key, read through the engine as the app does.
func MustSource(tb testing.TB, e *engine.Engine, key string) editor.Source {
	tb.Helper()
	return editor.SourceOf(MustMeta(tb, e, editor.SourceMetaPath(key)))
}

// MustWrite writes data to name inside dir, creating its folders.
func MustWrite(tb testing.TB, dir, name string, data []byte) {
	tb.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// quadrants are the colours of a test pattern's top-left, top-right, bottom-left and
// bottom-right quarters.
var quadrants = [4]color.NRGBA{
	{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {255, 255, 0, 255},
}

// MustPattern returns a w x h image with the four quadrant colours and, when alpha is set, a
// transparent band along the top.
func MustPattern(tb testing.TB, w, h int, alpha bool) *image.NRGBA {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			q := 0
			if x >= w/2 {
				q++
			}
			if y >= h/2 {
				q += 2
			}
			c := quadrants[q]
			if alpha && y < h/10 {
				c.A = 0
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// MustJPEG encodes img as a JPEG, with an EXIF orientation tag when orientation is above 0.
func MustJPEG(tb testing.TB, img image.Image, orientation int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		tb.Fatal(err)
	}
	data := buf.Bytes()
	if orientation == 0 {
		return data
	}
	return append(append(append([]byte{}, data[:2]...), exifOrientation(orientation)...), data[2:]...)
}

// exifOrientation returns an APP1 segment whose EXIF has only the Orientation tag.
func exifOrientation(orientation int) []byte {
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8}
	ifd := make([]byte, 2+12+4)
	binary.BigEndian.PutUint16(ifd[0:], 1)      // one entry
	binary.BigEndian.PutUint16(ifd[2:], 0x0112) // Orientation
	binary.BigEndian.PutUint16(ifd[4:], 3)      // SHORT
	binary.BigEndian.PutUint32(ifd[6:], 1)
	binary.BigEndian.PutUint16(ifd[10:], uint16(orientation))
	payload := append([]byte("Exif\x00\x00"), append(tiff, ifd...)...)
	segment := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(segment[2:], uint16(len(payload)+2))
	return append(segment, payload...)
}

// MustPNG encodes img as a PNG.
func MustPNG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// formatOf returns the format of encoded image data from its first bytes, as imagor names it.
func formatOf(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte("GIF8")):
		return "gif"
	case len(data) > 12 && string(data[0:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return "webp"
	case len(data) > 12 && string(data[4:8]) == "ftyp" && (string(data[8:12]) == "avif" || string(data[8:12]) == "avis"):
		return "avif"
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return "tiff"
	}
	return "unknown"
}
