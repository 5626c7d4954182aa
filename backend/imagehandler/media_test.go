package imagehandler_test

import (
	"bytes"
	"image"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/rawpreview/rawtest"
	"github.com/imagor-studio/desktop/backend/video"
)

// TestHandler_Media renders a RAW preview and a video frame through the engine process, and
// checks the failures of a RAW file without a preview and of a video when ffmpeg is off.
func TestHandler_Media(t *testing.T) {
	dir := t.TempDir()
	id := library.IDFor(dir)
	MustWriteFile(t, dir, "IMG_1.CR2", rawtest.TIFF("II", 42, &rawtest.IFD{
		Entries: append(rawtest.JPEGEntries(rawtest.JPEG(t, 300, 200)), rawtest.Short(rawtest.TagOrientation, 6)),
	}))
	MustWriteFile(t, dir, "NONE.CR2", rawtest.TIFF("II", 42, &rawtest.IFD{
		Entries: rawtest.StripEntries(rawtest.LosslessJPEG(600, 400)),
	}))
	ffmpeg, err := video.Locate("")
	if err != nil {
		t.Fatalf("%v (build/scripts/apt-deps.sh installs it)", err)
	}
	clip := exec.Command(ffmpeg, "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:duration=2",
		"-c:v", "libvpx", "-y", filepath.Join(dir, "clip.webm"))
	if msg, err := clip.CombinedOutput(); err != nil {
		t.Fatalf("make clip.webm: %v: %s", err, msg)
	}

	withFFmpeg := MustServer(t, MustEngineWith(t, engine.Config{
		Executable: MustExecutable(t), Args: []string{"-ffmpeg", ffmpeg},
	}, map[string]string{id: dir}), MustCache(t))
	withoutFFmpeg := MustServer(t, MustEngineWith(t, engine.Config{
		Executable: MustExecutable(t), Args: []string{"-ffmpeg", video.Disabled},
	}, map[string]string{id: dir}), MustCache(t))

	sizes := map[string][2]int{"IMG_1.CR2": {171, 256}, "clip.webm": {256, 192}}
	for name, want := range sizes {
		url := withFFmpeg + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, name), "1", imageurl.ThumbnailSize)
		resp := MustFetch(t, "GET", url)
		if resp.Status != 200 {
			t.Fatalf("GET %s status=%d body=%s, want 200", name, resp.Status, resp.Body)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(resp.Body))
		if err != nil {
			t.Fatalf("decode the thumbnail of %s: %v", name, err)
		}
		if cfg.Width != want[0] || cfg.Height != want[1] {
			t.Errorf("thumbnail of %s size=%dx%d, want %dx%d", name, cfg.Width, cfg.Height, want[0], want[1])
		}
	}

	failures := []struct {
		server, name, wantReason, wantMessage string
	}{
		{withFFmpeg, "NONE.CR2", imagehandler.ReasonRawPreview, "No embedded preview in NONE.CR2; the app shows RAW files through their camera preview only"},
		{withoutFFmpeg, "clip.webm", imagehandler.ReasonNoFFmpeg, "Install ffmpeg to see video thumbnails"},
	}
	for _, tc := range failures {
		url := tc.server + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, tc.name), "1", imageurl.ThumbnailSize)
		resp := MustFetch(t, "GET", url)
		failure := failureBody(t, resp)
		if failure.Reason != tc.wantReason {
			t.Errorf("%s reason=%q (message %q), want %q", tc.name, failure.Reason, failure.Message, tc.wantReason)
		}
		if !strings.Contains(failure.Message, tc.wantMessage) {
			t.Errorf("%s message=%q, want %q", tc.name, failure.Message, tc.wantMessage)
		}
	}
}
