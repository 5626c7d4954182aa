package video_test

import (
	"bytes"
	"context"
	"errors"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/video"
)

func TestLocate_NoFFmpegOnPath(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := video.Locate(""); !errors.Is(err, video.ErrNoFFmpeg) {
		t.Errorf("Locate(\"\") error=%v, want ErrNoFFmpeg", err)
	}
	_, err := video.Locate("/nonexistent/ffmpeg")
	if !errors.Is(err, video.ErrNoFFmpeg) {
		t.Errorf("Locate(missing path) error=%v, want ErrNoFFmpeg", err)
	}
	if _, err := video.Locate(video.Disabled); !errors.Is(err, video.ErrNoFFmpeg) {
		t.Errorf("Locate(%q) error=%v, want ErrNoFFmpeg", video.Disabled, err)
	}
}

func TestFrame_OK(t *testing.T) {
	ffmpeg, err := video.Locate("")
	if err != nil {
		t.Fatalf("%v (build/scripts/apt-deps.sh installs it)", err)
	}
	// A file name that looks like an option and a protocol reaches ffmpeg only as a descriptor.
	name := filepath.Join(t.TempDir(), "-i http:x.webm")
	out, err := exec.Command(ffmpeg, "-nostdin", "-loglevel", "error", "-f", "lavfi",
		"-i", "testsrc=size=3000x200:rate=10:duration=1.5", "-c:v", "libvpx", "-y", "file:"+name).CombinedOutput()
	if err != nil {
		t.Fatalf("make the clip: %v: %s", err, out)
	}
	file, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()

	frame, err := video.Frame(context.Background(), ffmpeg, file)
	if err != nil {
		t.Fatalf("Frame: %v", err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(frame))
	if err != nil {
		t.Fatalf("decode the frame: %v", err)
	}
	// Frames are at most 2048 pixels on the longer side.
	if cfg.Width != 2048 || cfg.Height != 136 {
		t.Errorf("frame size=%dx%d, want 2048x136", cfg.Width, cfg.Height)
	}
}

func TestFrame_Errors(t *testing.T) {
	if _, err := video.Frame(context.Background(), "", nil); !errors.Is(err, video.ErrNoFFmpeg) {
		t.Errorf("Frame without ffmpeg error=%v, want ErrNoFFmpeg", err)
	}
	ffmpeg, err := video.Locate("")
	if err != nil {
		t.Fatalf("%v (build/scripts/apt-deps.sh installs it)", err)
	}
	name := filepath.Join(t.TempDir(), "fake.mp4")
	if err := os.WriteFile(name, []byte("not a movie"), 0o644); err != nil {
		t.Fatal(err)
	}
	file, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	_, err = video.Frame(context.Background(), ffmpeg, file)
	if err == nil {
		t.Fatal("Frame of a text file returned no error")
	}
	if strings.Contains(err.Error(), "/dev/fd/") {
		t.Errorf("Frame error=%q, want it without ffmpeg's name for the descriptor", err)
	}
}
