package server_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/gif"
	_ "image/jpeg" // registers the JPEG decoder for image.DecodeConfig
	_ "image/png"  // registers the PNG decoder for image.DecodeConfig
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/webp"

	"github.com/imagor-studio/desktop/backend/engine/server"
	"github.com/imagor-studio/desktop/backend/imageurl"
)

// engine is the Server every test shares, because libvips starts once per process.
var engine *server.Server

func TestMain(m *testing.M) {
	engine = server.New(server.DefaultLimits(), slog.New(slog.DiscardHandler))
	if err := engine.Startup(); err != nil {
		fmt.Fprintln(os.Stderr, "start the engine:", err)
		os.Exit(1)
	}
	code := m.Run()
	if err := engine.Shutdown(); err != nil {
		fmt.Fprintln(os.Stderr, "stop the engine:", err)
		code = 1
	}
	os.Exit(code)
}

const libraryID = "lib"

// MustLibrary creates an empty library folder, makes it the engine's only library as libraryID,
// and returns its path.
func MustLibrary(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	body, err := json.Marshal(map[string]string{libraryID: dir})
	if err != nil {
		tb.Fatal(err)
	}
	rec := serve(http.MethodPut, server.LibrariesPath, body)
	if rec.Code != http.StatusNoContent {
		tb.Fatalf("PUT %s status=%d body=%s, want 204", server.LibrariesPath, rec.Code, rec.Body)
	}
	return dir
}

func serve(method, target string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, bytes.NewReader(body))
	rec := httptest.NewRecorder()
	engine.ServeHTTP(rec, req)
	return rec
}

// MustGet requests path from the engine and fails unless the status is 200.
func MustGet(tb testing.TB, path string) *httptest.ResponseRecorder {
	tb.Helper()
	rec := serve(http.MethodGet, path, nil)
	if rec.Code != http.StatusOK {
		tb.Fatalf("GET %s status=%d body=%s, want 200", path, rec.Code, rec.Body)
	}
	return rec
}

// MustDecodeConfig returns the size and format of an encoded image.
func MustDecodeConfig(tb testing.TB, data []byte) (image.Config, string) {
	tb.Helper()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("decode the response (%d bytes, starting %q): %v", len(data), prefix(data), err)
	}
	return cfg, format
}

func prefix(data []byte) []byte {
	return data[:min(len(data), 16)]
}

// engineError is imagor's JSON error body.
type engineError struct {
	Message string `json:"message"`
	Status  int    `json:"status"`
}

// metadata is the part of imagor's meta response that the app reads.
type metadata struct {
	Format      string `json:"format"`
	ContentType string `json:"content_type"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	Orientation int    `json:"orientation"`
	Pages       int    `json:"pages"`
	Bands       int    `json:"bands"`
}

// MustMeta returns the decoded meta response for path.
func MustMeta(tb testing.TB, path string) metadata {
	tb.Helper()
	rec := MustGet(tb, path)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		tb.Errorf("GET %s Content-Type=%q, want application/json", path, ct)
	}
	var meta metadata
	if err := json.Unmarshal(rec.Body.Bytes(), &meta); err != nil {
		tb.Fatalf("GET %s body %s: %v", path, rec.Body, err)
	}
	return meta
}

func TestServer_Health(t *testing.T) {
	rec := MustGet(t, server.HealthPath)
	var health server.Health
	if err := json.Unmarshal(rec.Body.Bytes(), &health); err != nil {
		t.Fatalf("health body %s: %v", rec.Body, err)
	}
	if health.Imagor != "1.9.4" {
		t.Errorf("imagor=%q, want 1.9.4", health.Imagor)
	}
	if health.Vips != "8.18.7" {
		t.Errorf("vips=%q, want 8.18.7", health.Vips)
	}
	if health.Pid != os.Getpid() {
		t.Errorf("pid=%d, want %d", health.Pid, os.Getpid())
	}
}

func TestServer_PutLibraries(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		a, b := t.TempDir(), t.TempDir()
		body, _ := json.Marshal(map[string]string{"a": a, "b": b})
		if rec := serve(http.MethodPut, server.LibrariesPath, body); rec.Code != http.StatusNoContent {
			t.Fatalf("PUT status=%d body=%s, want 204", rec.Code, rec.Body)
		}
		rec := MustGet(t, server.LibrariesPath)
		var got map[string]string
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("GET body %s: %v", rec.Body, err)
		}
		if len(got) != 2 || got["a"] != a || got["b"] != b {
			t.Errorf("GET %s=%v, want a=%s b=%s", server.LibrariesPath, got, a, b)
		}
	})

	rejected := []struct {
		name       string
		body       string
		wantStatus int
		wantText   string
	}{
		{"ErrInvalidJSON", `{"a": `, http.StatusBadRequest, "invalid library map"},
		{"ErrNotAMap", `["a"]`, http.StatusBadRequest, "invalid library map"},
		{"ErrMissingFolder", `{"a": "/nonexistent/imagor-studio-test"}`, http.StatusUnprocessableEntity, "open library a"},
		{"ErrSlashInID", `{"a/b": "/tmp"}`, http.StatusUnprocessableEntity, "contain no slash"},
	}
	for _, tc := range rejected {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(http.MethodPut, server.LibrariesPath, []byte(tc.body))
			if rec.Code != tc.wantStatus {
				t.Errorf("status=%d, want %d", rec.Code, tc.wantStatus)
			}
			var e struct{ Message string }
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Fatalf("body %s: %v", rec.Body, err)
			}
			if !strings.Contains(e.Message, tc.wantText) {
				t.Errorf("message=%q, want it to contain %q", e.Message, tc.wantText)
			}
		})
	}
}

// TestServer_Thumbnail renders each format the app lists through the grid's thumbnail URL and
// checks the thumbnail's size: 256 px on the longer side, the aspect ratio kept.
func TestServer_Thumbnail(t *testing.T) {
	tests := []struct {
		name         string
		file         string
		data         func(t *testing.T) []byte
		wantW, wantH int
	}{
		{"OKJPEG", "a.jpg", func(t *testing.T) []byte { return MustJPEG(t, 400, 300) }, 256, 192},
		{"OKJPEGPortrait", "a.jpg", func(t *testing.T) []byte { return MustJPEG(t, 300, 400) }, 192, 256},
		{"OKPNGWithAlpha", "a.png", func(t *testing.T) []byte { return MustPNGWithAlpha(t, 400, 300) }, 256, 192},
		{"OKWebP", "a.webp", func(t *testing.T) []byte { return MustConvert(t, 400, 300, "a.webp") }, 256, 192},
		{"OKWebPLossless", "a.webp", func(t *testing.T) []byte {
			return MustConvert(t, 400, 300, "a.webp", "-define", "webp:lossless=true")
		}, 256, 192},
		{"OKAVIF", "a.avif", func(t *testing.T) []byte { return MustConvert(t, 400, 300, "a.avif") }, 256, 192},
		// An AV1-coded HEIF under a .heic name: libvips sniffs the content, not the extension.
		{"OKAV1HEIFNamedHEIC", "a.heic", func(t *testing.T) []byte { return MustConvert(t, 400, 300, "a.avif") }, 256, 192},
		{"OKAnimatedGIF", "a.gif", func(t *testing.T) []byte { return MustAnimatedGIF(t, 400, 300, 3) }, 256, 192},
		{"OKTIFF", "a.tiff", func(t *testing.T) []byte { return MustTIFF(t, 400, 300) }, 256, 192},
		{"OKSVG", "a.svg", func(t *testing.T) []byte { return MustSVG(400, 300) }, 256, 192},
		// fit-in never enlarges, so a small image keeps its size.
		{"OKSmallerThanThumbnail", "small.png", func(t *testing.T) []byte { return MustPNG(t, 120, 80) }, 120, 80},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lib := MustLibrary(t)
			MustWriteFile(t, lib, tc.file, tc.data(t))

			rec := MustGet(t, imageurl.Thumbnail(libraryID+"/"+tc.file, "1", imageurl.ThumbnailSize))
			if ct := rec.Header().Get("Content-Type"); ct != "image/webp" {
				t.Errorf("Content-Type=%q, want image/webp", ct)
			}
			cfg, format := MustDecodeConfig(t, rec.Body.Bytes())
			if format != "webp" {
				t.Errorf("format=%q, want webp", format)
			}
			if cfg.Width != tc.wantW || cfg.Height != tc.wantH {
				t.Errorf("thumbnail size=%dx%d, want %dx%d", cfg.Width, cfg.Height, tc.wantW, tc.wantH)
			}
		})
	}
}

// TestServer_ThumbnailKeepsAlpha checks that the transparent half of a PNG stays transparent in
// its WebP thumbnail.
func TestServer_ThumbnailKeepsAlpha(t *testing.T) {
	lib := MustLibrary(t)
	MustWriteFile(t, lib, "alpha.png", MustPNGWithAlpha(t, 400, 300))

	rec := MustGet(t, imageurl.Thumbnail(libraryID+"/alpha.png", "", imageurl.ThumbnailSize))
	img, err := webp.Decode(bytes.NewReader(rec.Body.Bytes()))
	if err != nil {
		t.Fatalf("decode the WebP thumbnail: %v", err)
	}
	bounds := img.Bounds()
	_, _, _, leftAlpha := img.At(bounds.Dx()/8, bounds.Dy()/2).RGBA()
	_, _, _, rightAlpha := img.At(bounds.Dx()*7/8, bounds.Dy()/2).RGBA()
	if leftAlpha != 0 {
		t.Errorf("alpha in the transparent half=%d, want 0", leftAlpha)
	}
	if rightAlpha != 0xFFFF {
		t.Errorf("alpha in the opaque half=%d, want 65535", rightAlpha)
	}
}

// TestServer_Orientation checks that a JPEG with EXIF orientation 6 (rotate 90° clockwise) is
// rotated: a 400 x 300 source comes out portrait.
func TestServer_Orientation(t *testing.T) {
	lib := MustLibrary(t)
	MustWriteFile(t, lib, "rotated.jpg", WithOrientation(t, MustJPEG(t, 400, 300), 6))
	key := libraryID + "/rotated.jpg"

	rec := MustGet(t, imageurl.Thumbnail(key, "", imageurl.ThumbnailSize))
	cfg, _ := MustDecodeConfig(t, rec.Body.Bytes())
	if cfg.Width != 192 || cfg.Height != 256 {
		t.Errorf("thumbnail size=%dx%d, want 192x256 (rotated)", cfg.Width, cfg.Height)
	}

	rec = MustGet(t, imageurl.Original(key, "", true))
	cfg, format := MustDecodeConfig(t, rec.Body.Bytes())
	if format != "jpeg" {
		t.Errorf("original format=%q, want jpeg", format)
	}
	if cfg.Width != 300 || cfg.Height != 400 {
		t.Errorf("original size=%dx%d, want 300x400 (rotated)", cfg.Width, cfg.Height)
	}

	// imagor reports the size after auto-rotation and the orientation as already applied.
	meta := MustMeta(t, imageurl.Meta(key, ""))
	if meta.Width != 300 || meta.Height != 400 {
		t.Errorf("meta size=%dx%d, want 300x400", meta.Width, meta.Height)
	}
	if meta.Orientation != 0 {
		t.Errorf("meta orientation=%d, want 0", meta.Orientation)
	}
}

func TestServer_AnimatedPreview(t *testing.T) {
	t.Run("OKGIF", func(t *testing.T) {
		lib := MustLibrary(t)
		MustWriteFile(t, lib, "anim.gif", MustAnimatedGIF(t, 400, 300, 3))
		key := libraryID + "/anim.gif"

		rec := MustGet(t, imageurl.Preview(key, "", true))
		if ct := rec.Header().Get("Content-Type"); ct != "image/gif" {
			t.Errorf("Content-Type=%q, want image/gif", ct)
		}
		anim, err := gif.DecodeAll(bytes.NewReader(rec.Body.Bytes()))
		if err != nil {
			t.Fatalf("decode the GIF preview: %v", err)
		}
		if len(anim.Image) != 3 {
			t.Errorf("preview frames=%d, want 3", len(anim.Image))
		}
		if anim.Config.Width != 400 || anim.Config.Height != 300 {
			t.Errorf("preview size=%dx%d, want 400x300", anim.Config.Width, anim.Config.Height)
		}

		meta := MustMeta(t, imageurl.Meta(key, ""))
		if meta.Pages != 3 {
			t.Errorf("meta pages=%d, want 3", meta.Pages)
		}
		// The same operations as the preview, with meta in front, describe the preview itself.
		previewMeta := MustMeta(t, strings.Replace(imageurl.Preview(key, "", true), "/unsafe/", "/unsafe/meta/", 1))
		if previewMeta.Pages != 3 {
			t.Errorf("preview meta pages=%d, want 3", previewMeta.Pages)
		}
		if previewMeta.Format != "gif" {
			t.Errorf("preview meta format=%q, want gif", previewMeta.Format)
		}
	})

	t.Run("OKWebP", func(t *testing.T) {
		lib := MustLibrary(t)
		MustWriteFile(t, lib, "anim.webp", MustAnimatedWebP(t, 400, 300, 4))
		key := libraryID + "/anim.webp"

		rec := MustGet(t, imageurl.Preview(key, "", true))
		if ct := rec.Header().Get("Content-Type"); ct != "image/webp" {
			t.Errorf("Content-Type=%q, want image/webp", ct)
		}
		// Go's webp package decodes no animation, so look for the chunks an animated WebP has.
		body := rec.Body.Bytes()
		if !bytes.Contains(body, []byte("ANIM")) || bytes.Count(body, []byte("ANMF")) != 4 {
			t.Errorf("preview has %d ANMF chunks (ANIM present: %t), want an animation of 4 frames",
				bytes.Count(body, []byte("ANMF")), bytes.Contains(body, []byte("ANIM")))
		}
		meta := MustMeta(t, imageurl.Meta(key, ""))
		if meta.Pages != 4 {
			t.Errorf("meta pages=%d, want 4", meta.Pages)
		}
	})

	t.Run("OKStillImage", func(t *testing.T) {
		lib := MustLibrary(t)
		MustWriteFile(t, lib, "still.jpg", MustJPEG(t, 3000, 1500))

		rec := MustGet(t, imageurl.Preview(libraryID+"/still.jpg", "", false))
		cfg, format := MustDecodeConfig(t, rec.Body.Bytes())
		if format != "webp" {
			t.Errorf("preview format=%q, want webp", format)
		}
		if cfg.Width != 2048 || cfg.Height != 1024 {
			t.Errorf("preview size=%dx%d, want 2048x1024", cfg.Width, cfg.Height)
		}
	})
}

func TestServer_Meta(t *testing.T) {
	tests := []struct {
		name string
		file string
		data func(t *testing.T) []byte
		want metadata
	}{
		{"OKJPEG", "a.jpg", func(t *testing.T) []byte { return MustJPEG(t, 400, 300) },
			metadata{Format: "jpeg", ContentType: "image/jpeg", Width: 400, Height: 300, Pages: 1, Bands: 3}},
		{"OKPNGWithAlpha", "a.png", func(t *testing.T) []byte { return MustPNGWithAlpha(t, 401, 301) },
			metadata{Format: "png", ContentType: "image/png", Width: 401, Height: 301, Pages: 1, Bands: 4}},
		{"OKGIF", "a.gif", func(t *testing.T) []byte { return MustAnimatedGIF(t, 40, 30, 5) },
			metadata{Format: "gif", ContentType: "image/gif", Width: 40, Height: 30, Pages: 5, Bands: 3}},
		{"OKTIFF", "a.tif", func(t *testing.T) []byte { return MustTIFF(t, 64, 32) },
			metadata{Format: "tiff", ContentType: "image/tiff", Width: 64, Height: 32, Orientation: 1, Pages: 1, Bands: 4}},
		{"OKAVIF", "a.avif", func(t *testing.T) []byte { return MustConvert(t, 64, 48, "a.avif") },
			metadata{Format: "avif", ContentType: "image/avif", Width: 64, Height: 48, Pages: 1, Bands: 3}},
		{"OKSVG", "a.svg", func(t *testing.T) []byte { return MustSVG(640, 480) },
			metadata{Format: "svg", ContentType: "image/svg+xml", Width: 640, Height: 480, Pages: 1, Bands: 4}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lib := MustLibrary(t)
			MustWriteFile(t, lib, tc.file, tc.data(t))
			if got := MustMeta(t, imageurl.Meta(libraryID+"/"+tc.file, "1")); got != tc.want {
				t.Errorf("meta=%+v, want %+v", got, tc.want)
			}
		})
	}
}

// TestServer_BrokenFiles checks the status and message the engine sends for each kind of broken
// file. The app turns the message into a reason in imagehandler.
func TestServer_BrokenFiles(t *testing.T) {
	tests := []struct {
		name        string
		file        string
		data        func(t *testing.T) []byte
		wantStatus  int
		wantMessage string
	}{
		{"ErrEmpty", "empty.jpg", func(t *testing.T) []byte { return nil },
			http.StatusUnprocessableEntity, "empty file: the file has zero bytes"},
		{"ErrRandomBytes", "random.jpg", func(t *testing.T) []byte { return pseudoRandom(4096) },
			http.StatusNotAcceptable, "unsupported format"},
		{"ErrTextNamedJPEG", "notes.jpg", func(t *testing.T) []byte { return []byte("not an image\n") },
			http.StatusNotAcceptable, "unsupported format"},
		// ImageMagick encodes HEVC through libheif and x265, but the bundled libvips decodes AV1 only.
		{"ErrHEVC", "hevc.heic", func(t *testing.T) []byte { return MustConvert(t, 64, 48, "a.heic") },
			http.StatusNotAcceptable, "Support for this compression format has not been built in: HEVC"},
		{"ErrMissing", "missing.jpg", nil, http.StatusNotFound, "not found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lib := MustLibrary(t)
			if tc.data != nil {
				MustWriteFile(t, lib, tc.file, tc.data(t))
			}
			rec := serve(http.MethodGet, imageurl.Thumbnail(libraryID+"/"+tc.file, "", imageurl.ThumbnailSize), nil)
			if rec.Code != tc.wantStatus {
				t.Errorf("status=%d, want %d (body %s)", rec.Code, tc.wantStatus, rec.Body)
			}
			var e engineError
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Fatalf("body %s: %v", rec.Body, err)
			}
			if !strings.Contains(e.Message, tc.wantMessage) {
				t.Errorf("message=%q, want it to contain %q", e.Message, tc.wantMessage)
			}
			if e.Status != tc.wantStatus {
				t.Errorf("status in body=%d, want %d", e.Status, tc.wantStatus)
			}
		})
	}
}

// TestServer_Truncated records what the engine does with the first half of a file. libvips
// would decode what there is of a JPEG or PNG and fill the rest with grey, so the loader finds
// the missing end marker first and refuses the file. Half a WebP or TIFF is not recognised as an
// image at all.
func TestServer_Truncated(t *testing.T) {
	tests := []struct {
		name        string
		file        string
		data        func(t *testing.T) []byte
		wantStatus  int
		wantMessage string // of an error
	}{
		{"ErrJPEG", "half.jpg", func(t *testing.T) []byte { return MustJPEG(t, 400, 300) },
			http.StatusUnprocessableEntity, "truncated file: the image data stops before the end of the image"},
		{"ErrPNG", "half.png", func(t *testing.T) []byte { return MustPNG(t, 400, 300) },
			http.StatusUnprocessableEntity, "truncated file: the image data stops before the end of the image"},
		{"ErrWebP", "half.webp", func(t *testing.T) []byte { return MustConvert(t, 400, 300, "a.webp") },
			http.StatusNotAcceptable, "unsupported format"},
		{"ErrTIFF", "half.tiff", func(t *testing.T) []byte { return MustConvert(t, 400, 300, "a.tiff", "-compress", "none") },
			http.StatusNotAcceptable, "unsupported format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lib := MustLibrary(t)
			whole := tc.data(t)
			MustWriteFile(t, lib, tc.file, whole[:len(whole)/2])
			key := libraryID + "/" + tc.file

			rec := serve(http.MethodGet, imageurl.Thumbnail(key, "", imageurl.ThumbnailSize), nil)
			if rec.Code != tc.wantStatus {
				t.Fatalf("status=%d body=%s, want %d", rec.Code, rec.Body, tc.wantStatus)
			}
			if tc.wantStatus != http.StatusOK {
				var e engineError
				if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
					t.Fatalf("body %s: %v", rec.Body, err)
				}
				if e.Message != tc.wantMessage {
					t.Errorf("message=%q, want %q", e.Message, tc.wantMessage)
				}
				return
			}
			cfg, _ := MustDecodeConfig(t, rec.Body.Bytes())
			if cfg.Width != 256 || cfg.Height != 192 {
				t.Errorf("thumbnail size=%dx%d, want 256x192", cfg.Width, cfg.Height)
			}
			meta := MustMeta(t, imageurl.Meta(key, ""))
			if meta.Width != 400 || meta.Height != 300 {
				t.Errorf("meta size=%dx%d, want 400x300", meta.Width, meta.Height)
			}
		})
	}
}

// TestServer_TooLarge checks that images over the limits are rejected from their header. The
// time of each rejection is logged (run with -v), not asserted.
func TestServer_TooLarge(t *testing.T) {
	tests := []struct {
		name        string
		w, h        int
		wantStatus  int
		wantMessage string
	}{
		// 900 megapixels, about 110 KB on disk.
		{"ErrDecompressionBomb", 30000, 30000, http.StatusUnprocessableEntity, "maximum resolution exceeded"},
		// Under 200 megapixels, but wider than 65,000 px.
		{"ErrTooWide", 70000, 16, http.StatusUnprocessableEntity, "maximum resolution exceeded"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lib := MustLibrary(t)
			MustWriteFile(t, lib, "big.png", MustBombPNG(t, tc.w, tc.h))

			start := time.Now()
			rec := serve(http.MethodGet, imageurl.Thumbnail(libraryID+"/big.png", "", imageurl.ThumbnailSize), nil)
			elapsed := time.Since(start)
			t.Logf("%dx%d PNG rejected with %d in %s", tc.w, tc.h, rec.Code, elapsed)

			if rec.Code != tc.wantStatus {
				t.Errorf("status=%d, want %d (body %s)", rec.Code, tc.wantStatus, rec.Body)
			}
			var e engineError
			if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil {
				t.Fatalf("body %s: %v", rec.Body, err)
			}
			if e.Message != tc.wantMessage {
				t.Errorf("message=%q, want %q", e.Message, tc.wantMessage)
			}
		})
	}
}

// TestServer_Panorama checks that a 12,000 x 3,000 image (36 megapixels, inside the limits)
// renders as a thumbnail, a preview and the original. Times are logged, not asserted.
func TestServer_Panorama(t *testing.T) {
	lib := MustLibrary(t)
	MustWriteFile(t, lib, "pano.jpg", MustGrayJPEG(t, 12000, 3000))
	key := libraryID + "/pano.jpg"

	tests := []struct {
		name         string
		path         string
		wantW, wantH int
	}{
		{"Thumbnail", imageurl.Thumbnail(key, "", imageurl.ThumbnailSize), 256, 64},
		{"Preview", imageurl.Preview(key, "", false), 2048, 512},
		{"Original", imageurl.Original(key, "", true), 12000, 3000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			rec := MustGet(t, tc.path)
			t.Logf("%s of the 12000x3000 JPEG: %d bytes in %s", tc.name, rec.Body.Len(), time.Since(start))
			cfg, _ := MustDecodeConfig(t, rec.Body.Bytes())
			if cfg.Width != tc.wantW || cfg.Height != tc.wantH {
				t.Errorf("size=%dx%d, want %dx%d", cfg.Width, cfg.Height, tc.wantW, tc.wantH)
			}
		})
	}
}

// TestServer_FrameLimit records what imagor does with an animation over the 500-frame limit: it
// loads the first 500 frames instead of rejecting the file.
func TestServer_FrameLimit(t *testing.T) {
	lib := MustLibrary(t)
	MustWriteFile(t, lib, "long.gif", MustAnimatedGIF(t, 8, 8, 600))
	key := libraryID + "/long.gif"

	meta := MustMeta(t, strings.Replace(imageurl.Preview(key, "", true), "/unsafe/", "/unsafe/meta/", 1))
	if meta.Pages != server.DefaultLimits().MaxAnimationFrames {
		t.Errorf("preview pages of a 600-frame GIF=%d, want %d", meta.Pages, server.DefaultLimits().MaxAnimationFrames)
	}
}

// TestServer_PathSafety requests files outside the library in each way a URL can spell it. A
// file outside the library is there to be served by mistake.
func TestServer_PathSafety(t *testing.T) {
	base := t.TempDir()
	MustWriteFile(t, base, "secret.png", MustPNG(t, 10, 10))
	lib := base + "/library"
	MustWriteFile(t, lib, "inside.png", MustPNG(t, 20, 10))
	MustWriteFile(t, lib, "%2e%2e", MustPNG(t, 30, 10))
	if err := os.Symlink(base+"/secret.png", lib+"/link-out.png"); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("inside.png", lib+"/link-in.png"); err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{libraryID: lib})
	if rec := serve(http.MethodPut, server.LibrariesPath, body); rec.Code != http.StatusNoContent {
		t.Fatalf("PUT libraries status=%d body=%s", rec.Code, rec.Body)
	}

	tests := []struct {
		name         string
		path         string
		wantStatus   int
		wantWidth    int    // of the served image, when wantStatus is 200
		wantLocation string // of a redirect
	}{
		{"OKInside", "/unsafe/lib/inside.png", 200, 20, ""},
		{"OKSymlinkInside", "/unsafe/lib/link-in.png", 200, 20, ""},
		// The app sends a name with "%" in b64 form, so the file literally named "%2e%2e" is served.
		{"OKLiteralPercentDotsB64", imageurl.Path("", "lib/%2e%2e", ""), 200, 30, ""},
		// Spelled out, imagor unescapes "%252e" once, to "%2e", and the same file is served.
		{"OKLiteralPercentDotsEscaped", "/unsafe/lib/%252e%252e", 200, 30, ""},
		// Go's ServeMux cleans a path with ".." or "//" and redirects to the result before imagor
		// receives the request, so the ".." never reaches the loader.
		{"ErrDotDot", "/unsafe/lib/../secret.png", http.StatusTemporaryRedirect, 0, "/unsafe/secret.png"},
		{"ErrDotDotInside", "/unsafe/lib/a/../../secret.png", http.StatusTemporaryRedirect, 0, "/unsafe/secret.png"},
		{"ErrAbsolute", "/unsafe/lib/" + base + "/secret.png", http.StatusTemporaryRedirect, 0, "/unsafe/lib" + base + "/secret.png"},
		// ServeMux decodes the path before it cleans it, but imagor reads the path as sent, so
		// "%2e%2e" reaches imagor, which unescapes it to "..", and the loader rejects that.
		{"ErrPercentDots", "/unsafe/lib/%2e%2e/secret.png", http.StatusForbidden, 0, ""},
		{"ErrPercentDotsUpper", "/unsafe/lib/%2E%2E/secret.png", http.StatusForbidden, 0, ""},
		{"ErrPercentSlash", "/unsafe/lib/..%2fsecret.png", http.StatusForbidden, 0, ""},
		{"ErrDotDotB64", b64Path("lib/../secret.png"), http.StatusForbidden, 0, ""},
		{"ErrAbsoluteB64", b64Path("lib/" + base + "/secret.png"), http.StatusForbidden, 0, ""},
		{"ErrSymlinkOutside", "/unsafe/lib/link-out.png", http.StatusForbidden, 0, ""},
		{"ErrUnknownLibrary", "/unsafe/other/inside.png", http.StatusNotFound, 0, ""},
		{"ErrNoLibrary", "/unsafe/secret.png", http.StatusNotFound, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(http.MethodGet, tc.path, nil)
			if rec.Code != tc.wantStatus {
				t.Fatalf("GET %s status=%d body=%s, want %d", tc.path, rec.Code, rec.Body, tc.wantStatus)
			}
			if got := rec.Header().Get("Location"); got != tc.wantLocation {
				t.Errorf("GET %s Location=%q, want %q", tc.path, got, tc.wantLocation)
			}
			if tc.wantStatus != http.StatusOK {
				if _, _, err := image.DecodeConfig(bytes.NewReader(rec.Body.Bytes())); err == nil {
					t.Errorf("GET %s sent an image with status %d", tc.path, rec.Code)
				}
				return
			}
			cfg, _ := MustDecodeConfig(t, rec.Body.Bytes())
			if cfg.Width != tc.wantWidth {
				t.Errorf("GET %s served a %d px wide image, want %d", tc.path, cfg.Width, tc.wantWidth)
			}
		})
	}
}

// b64Path returns the imagor path of key in b64 form, whatever characters key has.
func b64Path(key string) string {
	return "/unsafe/b64:" + base64.RawURLEncoding.EncodeToString([]byte(key))
}

// pseudoRandom returns n bytes from a fixed linear congruential sequence, so a failure repeats.
func pseudoRandom(n int) []byte {
	out := make([]byte, n)
	state := uint32(2463534242)
	for i := range out {
		state = state*1664525 + 1013904223
		out[i] = byte(state >> 24)
	}
	return out
}
