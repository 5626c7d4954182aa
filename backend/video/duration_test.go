package video_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/video"
)

// MustClipFile makes a 2.5-second clip with ffmpeg and returns its content.
func MustClipFile(t *testing.T, name string, codec ...string) []byte {
	t.Helper()
	ffmpeg, err := video.Locate("")
	if err != nil {
		t.Fatalf("%v (build/scripts/apt-deps.sh installs it)", err)
	}
	out := filepath.Join(t.TempDir(), name)
	args := append([]string{"-nostdin", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=20:duration=2.5",
		"-pix_fmt", "yuv420p"}, codec...)
	if msg, err := exec.Command(ffmpeg, append(args, "-y", out)...).CombinedOutput(); err != nil {
		t.Fatalf("make %s: %v: %s", name, err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestDuration_Containers(t *testing.T) {
	h264 := []string{"-c:v", "libx264", "-preset", "ultrafast"}
	cases := []struct {
		name  string
		codec []string
	}{
		{"clip.mp4", h264},
		{"clip.mov", h264},
		{"faststart.m4v", append(h264, "-movflags", "+faststart", "-f", "mp4")},
		{"clip.webm", []string{"-c:v", "libvpx", "-b:v", "100k"}},
		{"clip.mkv", h264},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			data := MustClipFile(t, tc.name, tc.codec...)
			got, err := video.Duration(bytes.NewReader(data), int64(len(data)), tc.name)
			if err != nil {
				t.Fatalf("Duration: %v", err)
			}
			if got < 2400*time.Millisecond || got > 2600*time.Millisecond {
				t.Errorf("Duration=%s, want about 2.5s", got)
			}
		})
	}
}

func TestDuration_Damaged(t *testing.T) {
	webm := MustClipFile(t, "clip.webm", "-c:v", "libvpx", "-b:v", "100k")
	mp4 := MustClipFile(t, "clip.mp4", "-c:v", "libx264", "-preset", "ultrafast")
	cases := map[string][]byte{
		"clip.webm":  webm[:40],
		"clip.mp4":   mp4[:100],
		"text.mkv":   []byte("not a Matroska file at all"),
		"zeros.mov":  make([]byte, 64),
		"ones.webm":  bytes.Repeat([]byte{0xFF}, 64),
		"other.avi":  mp4,
		"empty.mp4":  nil,
		"sizes.webm": {0x1A, 0x45, 0xDF, 0xA3, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := video.Duration(bytes.NewReader(data), int64(len(data)), name)
			if !errors.Is(err, video.ErrNoDuration) {
				t.Errorf("Duration error=%v, want ErrNoDuration", err)
			}
		})
	}
}

func FuzzDuration(f *testing.F) {
	f.Add([]byte{0x1A, 0x45, 0xDF, 0xA3, 0x80, 0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}, true)
	f.Add([]byte("\x00\x00\x00\x10moov\x00\x00\x00\x08mvhd"), false)
	f.Fuzz(func(t *testing.T, data []byte, matroska bool) {
		name := "x.mp4"
		if matroska {
			name = "x.webm"
		}
		d, err := video.Duration(bytes.NewReader(data), int64(len(data)), name)
		if err == nil && d <= 0 {
			t.Fatalf("Duration=%s with no error", d)
		}
	})
}
