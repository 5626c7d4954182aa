package rootloader_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "golang.org/x/image/webp"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
	"github.com/imagor-studio/desktop/backend/engine/server"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/rawpreview/rawtest"
	"github.com/imagor-studio/desktop/backend/video"
)

// The real engine (imagor on libvips) for the RAW and video tests. libvips starts once per
// process, so every test shares it; TestMain stops it.
var (
	engineOnce sync.Once
	engine     *server.Server
	engineErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if engine != nil {
		if err := engine.Shutdown(); err != nil {
			fmt.Fprintln(os.Stderr, "stop the engine:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// MustEngine returns the shared engine, started with the ffmpeg found on PATH.
func MustEngine(tb testing.TB) *server.Server {
	tb.Helper()
	engineOnce.Do(func() {
		limits := server.DefaultLimits()
		limits.FFmpeg, _ = video.Locate("")
		engine = server.New(limits, slog.New(slog.DiscardHandler))
		engineErr = engine.Startup()
	})
	if engineErr != nil {
		tb.Fatalf("start the engine: %v", engineErr)
	}
	return engine
}

// MustEngineLibrary makes dir the engine's only library, as libraryID.
func MustEngineLibrary(tb testing.TB, dir string) {
	tb.Helper()
	body, _ := json.Marshal(map[string]string{libraryID: dir})
	rec := engineRequest(tb, http.MethodPut, server.LibrariesPath, body)
	if rec.Code != http.StatusNoContent {
		tb.Fatalf("PUT %s status=%d body=%s", server.LibrariesPath, rec.Code, rec.Body)
	}
}

func engineRequest(tb testing.TB, method, target string, body []byte) *httptest.ResponseRecorder {
	tb.Helper()
	rec := httptest.NewRecorder()
	MustEngine(tb).ServeHTTP(rec, httptest.NewRequest(method, target, bytes.NewReader(body)))
	return rec
}

// MustThumbnailSize requests the 256-pixel thumbnail of name and returns its decoded size.
func MustThumbnailSize(tb testing.TB, name string) (int, int) {
	tb.Helper()
	target := imageurl.Thumbnail(libraryID+"/"+name, "", imageurl.ThumbnailSize)
	rec := engineRequest(tb, http.MethodGet, target, nil)
	if rec.Code != http.StatusOK {
		tb.Fatalf("GET %s status=%d body=%s, want 200", target, rec.Code, rec.Body)
	}
	cfg, format, err := image.DecodeConfig(rec.Body)
	if err != nil {
		tb.Fatalf("decode the thumbnail of %s: %v", name, err)
	}
	if format != "webp" {
		tb.Errorf("thumbnail of %s format=%q, want webp", name, format)
	}
	return cfg.Width, cfg.Height
}

func TestEngine_RawThumbnail(t *testing.T) {
	dir := t.TempDir()
	MustEngineLibrary(t, dir)
	big, small := rawtest.JPEG(t, 320, 200), rawtest.JPEG(t, 80, 50)
	files := []struct {
		name         string
		data         []byte
		wantW, wantH int
	}{
		// Orientation 6 and 8 turn the 320x200 preview on its side: 160x256 in a 256 box.
		{"IMG_0001.CR2", rawtest.TIFF("II", 42, &rawtest.IFD{
			Entries: append(rawtest.StripEntries(big), rawtest.Short(rawtest.TagOrientation, 6)),
			Next:    &rawtest.IFD{Entries: rawtest.JPEGEntries(small)},
		}), 160, 256},
		{"DSC_0002.NEF", rawtest.TIFF("MM", 42, &rawtest.IFD{Entries: append(rawtest.JPEGEntries(small),
			rawtest.Short(rawtest.TagOrientation, 8),
			rawtest.Entry{Tag: rawtest.TagSubIFDs, Type: 4, IFDs: []*rawtest.IFD{{Entries: rawtest.JPEGEntries(big)}}},
		)}), 160, 256},
		{"P1000003.RW2", rawtest.TIFF("II", 0x55, &rawtest.IFD{Entries: []rawtest.Entry{
			rawtest.Short(rawtest.TagOrientation, 6),
			{Tag: rawtest.TagRW2JpgFromRaw, Type: 7, Count: uint32(len(big)), Blob: big},
		}}), 160, 256},
		// Orientation 3 turns it upside down: the size stays 256x160.
		{"DSC00004.ARW", rawtest.TIFF("II", 42, &rawtest.IFD{
			Entries: append(rawtest.JPEGEntries(big), rawtest.Short(rawtest.TagOrientation, 3)),
		}), 256, 160},
		{"DSCF0005.RAF", rawtest.RAF(rawtest.WithExifOrientation(big, 6)), 160, 256},
		{"IMG_0006.CR3", rawtest.CR3(8, small, big), 160, 256},
		{"PA070007.ORF", rawtest.TIFF("II", 0x4F52, &rawtest.IFD{
			Entries: append(rawtest.JPEGEntries(big), rawtest.Short(rawtest.TagOrientation, 6)),
		}), 160, 256},
	}
	for _, f := range files {
		MustWriteFile(t, dir, f.name, f.data)
	}
	for _, f := range files {
		t.Run(f.name, func(t *testing.T) {
			w, h := MustThumbnailSize(t, f.name)
			if w != f.wantW || h != f.wantH {
				t.Errorf("thumbnail of %s size=%dx%d, want %dx%d", f.name, w, h, f.wantW, f.wantH)
			}
		})
	}
}

func TestEngine_RawErrors(t *testing.T) {
	dir := t.TempDir()
	MustEngineLibrary(t, dir)
	whole := rawtest.TIFF("II", 42, &rawtest.IFD{Entries: rawtest.JPEGEntries(rawtest.JPEG(t, 320, 200))})
	MustWriteFile(t, dir, "NOPREVIEW.CR2", rawtest.TIFF("II", 42, &rawtest.IFD{
		Entries: rawtest.StripEntries(rawtest.LosslessJPEG(6000, 4000)),
	}))
	MustWriteFile(t, dir, "cut.nef", whole[:20])
	big := rawtest.JPEG(t, 320, 200)
	MustWriteFile(t, dir, "cut preview.CR2", rawtest.TIFF("II", 42, &rawtest.IFD{Entries: rawtest.JPEGEntries(big[:len(big)/2])}))
	MustWriteFile(t, dir, "text.dng", []byte("a text file with a RAW extension"))

	cases := []struct {
		name, wantMessage string
	}{
		{"NOPREVIEW.CR2", "No embedded preview in NOPREVIEW.CR2; the app shows RAW files through their camera preview only"},
		{"cut.nef", "Damaged RAW file cut.nef"},
		{"cut preview.CR2", "Damaged RAW file cut preview.CR2"},
		{"text.dng", "Not a RAW file: text.dng"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			target := imageurl.Thumbnail(libraryID+"/"+tc.name, "", imageurl.ThumbnailSize)
			rec := engineRequest(t, http.MethodGet, target, nil)
			if rec.Code != http.StatusUnprocessableEntity {
				t.Errorf("GET %s status=%d, want 422", target, rec.Code)
			}
			if !strings.Contains(rec.Body.String(), tc.wantMessage) {
				t.Errorf("GET %s body=%s, want it to contain %q", target, rec.Body, tc.wantMessage)
			}
		})
	}
}

// MustFFmpeg returns the path of ffmpeg, failing the test when it is missing: the video tests
// need it, and build/scripts/apt-deps.sh installs it.
func MustFFmpeg(tb testing.TB) string {
	tb.Helper()
	path, err := video.Locate("")
	if err != nil {
		tb.Fatalf("%v (build/scripts/apt-deps.sh installs it)", err)
	}
	return path
}

// MustClip makes a w x h test clip of the given length in seconds with ffmpeg's test source.
func MustClip(tb testing.TB, dir, name string, w, h int, seconds float64, codec ...string) string {
	tb.Helper()
	out := filepath.Join(dir, name)
	args := []string{"-nostdin", "-hide_banner", "-loglevel", "error", "-f", "lavfi",
		"-i", fmt.Sprintf("testsrc=size=%dx%d:rate=25:duration=%g", w, h, seconds), "-pix_fmt", "yuv420p"}
	args = append(append(args, codec...), "-y", out)
	if msg, err := exec.Command(MustFFmpeg(tb), args...).CombinedOutput(); err != nil {
		tb.Fatalf("make %s: %v: %s", name, err, msg)
	}
	return out
}

func TestEngine_VideoThumbnail(t *testing.T) {
	dir := t.TempDir()
	MustEngineLibrary(t, dir)
	MustClip(t, dir, "clip.webm", 320, 240, 2, "-c:v", "libvpx", "-b:v", "200k")
	MustClip(t, dir, "clip.mp4", 240, 320, 2, "-c:v", "libx264", "-preset", "ultrafast")
	// Shorter than the frame offset: the thumbnail is the first frame.
	MustClip(t, dir, "short -x [1].mkv", 320, 180, 0.4, "-c:v", "libx264", "-preset", "ultrafast")

	cases := []struct {
		name         string
		wantW, wantH int
	}{
		{"clip.webm", 256, 192},
		{"clip.mp4", 192, 256},
		{"short -x [1].mkv", 256, 144},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			w, h := MustThumbnailSize(t, tc.name)
			if w != tc.wantW || h != tc.wantH {
				t.Errorf("thumbnail of %s size=%dx%d, want %dx%d", tc.name, w, h, tc.wantW, tc.wantH)
			}
		})
	}

	t.Run("NotAVideo", func(t *testing.T) {
		MustWriteFile(t, dir, "fake.mov", []byte("not a QuickTime movie"))
		target := imageurl.Thumbnail(libraryID+"/fake.mov", "", imageurl.ThumbnailSize)
		rec := engineRequest(t, http.MethodGet, target, nil)
		if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "ffmpeg failed") {
			t.Errorf("GET %s status=%d body=%s, want 422 with the ffmpeg error", target, rec.Code, rec.Body)
		}
	})
}

func TestLoader_VideoWithoutFFmpeg(t *testing.T) {
	loader, lib := newLibrary(t)
	MustWriteFile(t, lib, "clip.mp4", []byte("video bytes"))
	loader.SetFFmpeg("")
	_, err := loader.Get(nil, libraryID+"/clip.mp4")
	if !errors.Is(err, rootloader.ErrNoFFmpeg) {
		t.Fatalf("Get error=%v, want ErrNoFFmpeg", err)
	}
	if !strings.Contains(err.Error(), "Install ffmpeg to see video thumbnails") {
		t.Errorf("error=%q, want it to say to install ffmpeg", err)
	}
}

func TestLoader_VideoSymlinkOutside(t *testing.T) {
	loader, lib := newLibrary(t)
	loader.SetFFmpeg(MustFFmpeg(t))
	MustSymlink(t, "../outside/secret.jpg", lib, "escape.mp4")
	if _, err := loader.Get(nil, libraryID+"/escape.mp4"); !errors.Is(err, rootloader.ErrOutside) {
		t.Errorf("Get error=%v, want ErrOutside", err)
	}
}
