package app_test

import (
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/video"
)

// mediaApp returns the Gallery and Media bindings of an app over one folder library holding a
// clip, a RAW file and a JPEG, with a running media server and the given ffmpeg.
func mediaApp(t *testing.T, ffmpeg string) (*app.Gallery, *app.Media, library.Library) {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string]string{"fake.mp4": "clip bytes", "IMG_1.CR2": "raw", "a.jpg": "jpeg"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ffmpegPath, err := video.Locate("")
	if err != nil {
		t.Fatalf("%v (build/scripts/apt-deps.sh installs it)", err)
	}
	clip := exec.Command(ffmpegPath, "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:duration=1.5",
		"-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", filepath.Join(dir, "clip.mp4"))
	if msg, err := clip.CombinedOutput(); err != nil {
		t.Fatalf("make clip.mp4: %v: %s", err, msg)
	}
	set := library.NewSet(nil)
	lib, err := set.Add(dir)
	if err != nil {
		t.Fatal(err)
	}
	server, err := video.Listen(set, discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { server.Close() })
	a := app.New(app.Services{Libraries: set, Lister: listing.NewLister(0), Logger: discard, Media: server, FFmpeg: ffmpeg})
	var gallery *app.Gallery
	var media *app.Media
	for _, b := range a.Bindings() {
		switch b := b.(type) {
		case *app.Gallery:
			gallery = b
		case *app.Media:
			media = b
		}
	}
	return gallery, media, lib
}

func entries(t *testing.T, g *app.Gallery, lib library.Library) map[string]app.Entry {
	t.Helper()
	page, err := g.List(app.ListRequest{Library: lib.ID})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	out := map[string]app.Entry{}
	for _, e := range page.Entries {
		out[e.Name] = e
	}
	return out
}

func TestGallery_ListMedia(t *testing.T) {
	g, media, lib := mediaApp(t, "/usr/bin/ffmpeg")
	got := entries(t, g, lib)
	if e := got["IMG_1.CR2"]; e.Kind != "image" || !e.Raw || e.Thumbnail == "" {
		t.Errorf("RAW entry=%+v, want an image with raw set and a thumbnail", e)
	}
	if e := got["a.jpg"]; e.Raw {
		t.Errorf("JPEG entry raw=true, want false")
	}
	if e := got["clip.mp4"]; e.Kind != "video" || e.Thumbnail == "" || e.Preview == "" {
		t.Errorf("video entry=%+v, want a video with frame URLs", e)
	}
	if d := got["clip.mp4"].Duration; d < 1400 || d > 1600 {
		t.Errorf("video duration=%d ms, want about 1500", d)
	}
	if d := got["fake.mp4"].Duration; d != 0 {
		t.Errorf("duration of a damaged video=%d ms, want 0 (unknown)", d)
	}
	if s := media.Status(); !s.FFmpeg || s.FFmpegMessage != "" {
		t.Errorf("Status=%+v, want ffmpeg on and no message", s)
	}

	g, media, lib = mediaApp(t, "")
	if e := entries(t, g, lib)["clip.mp4"]; e.Thumbnail != "" || e.Preview != "" {
		t.Errorf("video entry without ffmpeg=%+v, want no frame URLs", e)
	}
	if s := media.Status(); s.FFmpeg || s.FFmpegMessage != "Install ffmpeg to see video thumbnails" {
		t.Errorf("Status without ffmpeg=%+v, want the install message", s)
	}
}

func TestMedia_VideoURL(t *testing.T) {
	_, media, lib := mediaApp(t, "")
	u, err := media.VideoURL(lib.ID, "fake.mp4")
	if err != nil {
		t.Fatalf("VideoURL: %v", err)
	}
	if !strings.HasPrefix(u, "http://127.0.0.1:") {
		t.Errorf("VideoURL=%q, want a 127.0.0.1 URL", u)
	}
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(body) != "clip bytes" {
		t.Errorf("GET %s status=%d with %d bytes, want 200 and the 10 bytes of fake.mp4", u, resp.StatusCode, len(body))
	}

	for _, tc := range []struct{ library, path, want string }{
		{lib.ID, "a.jpg", "not a video file"},
		{lib.ID, "../clip.mp4", "outside"},
		{"nope", "clip.mp4", "not found"},
	} {
		if _, err := media.VideoURL(tc.library, tc.path); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("VideoURL(%q, %q) error=%v, want it to say %q", tc.library, tc.path, err, tc.want)
		}
	}
}
