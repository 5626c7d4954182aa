//go:build imagorserver

package remote_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	_ "golang.org/x/image/webp"

	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/remote"
)

// countingLocal stands in for the local engine and counts the requests that reach it.
type countingLocal struct{ calls atomic.Int64 }

func (c *countingLocal) Do(context.Context, string) (*http.Response, error) {
	c.calls.Add(1)
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(bytes.NewReader([]byte("local")))}, nil
}

// MustImagor starts the plain imagor server of $IMAGOR_STUDIO_TEST_IMAGOR_SERVER over dir.
func MustImagor(t *testing.T, dir, secret string) string {
	t.Helper()
	exe := os.Getenv("IMAGOR_STUDIO_TEST_IMAGOR_SERVER")
	if exe == "" {
		t.Fatal("IMAGOR_STUDIO_TEST_IMAGOR_SERVER is unset: build it with `go tool task build:imagor-server`")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := exec.Command(exe, "-bind", addr, "-file-loader-base-dir", dir, "-http-loader-disable",
		"-imagor-secret", secret, "-file-safe-chars", "--")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/"); err == nil {
			resp.Body.Close()
			return "http://" + addr
		}
	}
	t.Fatal("imagor server did not start")
	return ""
}

func TestRouter_Do(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "bucket", "photos"), 0o755); err != nil {
		t.Fatal(err)
	}
	img := image.NewRGBA(image.Rect(0, 0, 640, 480))
	for i := range img.Pix {
		img.Pix[i] = 200
	}
	img.Set(0, 0, color.RGBA{A: 255})
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bucket", "photos", "a b.jpg"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	base := MustImagor(t, dir, "s3cret")
	server := imageurl.Server{BaseURL: base, Secret: "s3cret", PathPrefix: "bucket/photos/"}
	servers := func(_ context.Context, id string) (imageurl.Server, bool, error) {
		return server, id == "lib", nil
	}
	local := &countingLocal{}
	router := remote.New(local, servers, slog.New(slog.DiscardHandler))

	t.Run("OK", func(t *testing.T) {
		resp, err := router.Do(context.Background(), imageurl.Thumbnail("lib/a b.jpg", "1", 256))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		cfg, format, err := image.DecodeConfig(resp.Body)
		if err != nil {
			t.Fatalf("remote thumbnail: %v", err)
		}
		if format != "webp" && format != "jpeg" || cfg.Width != 256 || cfg.Height != 192 {
			t.Errorf("remote thumbnail %s %dx%d, want 256x192", format, cfg.Width, cfg.Height)
		}
		if local.calls.Load() != 0 {
			t.Errorf("local engine asked %d times, want 0", local.calls.Load())
		}
		statuses := router.Statuses()
		if len(statuses) != 1 || !statuses[0].OK {
			t.Errorf("statuses=%+v, want one OK", statuses)
		}
	})

	t.Run("MissingFileFallsBack", func(t *testing.T) {
		before := local.calls.Load()
		resp, err := router.Do(context.Background(), imageurl.Thumbnail("lib/missing.jpg", "1", 256))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if local.calls.Load() != before+1 {
			t.Errorf("a file the server lacks was not rendered locally")
		}
	})

	t.Run("OtherLibraryStaysLocal", func(t *testing.T) {
		before := local.calls.Load()
		resp, err := router.Do(context.Background(), imageurl.Thumbnail("other/a b.jpg", "1", 256))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if local.calls.Load() != before+1 {
			t.Error("a library without a remote server did not render locally")
		}
	})

	t.Run("WrongSecretFallsBack", func(t *testing.T) {
		wrong := remote.New(local, func(context.Context, string) (imageurl.Server, bool, error) {
			s := server
			s.Secret = "wrong"
			return s, true, nil
		}, slog.New(slog.DiscardHandler))
		before := local.calls.Load()
		resp, err := wrong.Do(context.Background(), imageurl.Thumbnail("lib/a b.jpg", "1", 256))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if local.calls.Load() != before+1 {
			t.Error("a server refusing the signature did not fall back to local")
		}
		statuses := wrong.Statuses()
		if len(statuses) != 1 || statuses[0].OK || statuses[0].Reason == "" {
			t.Errorf("statuses=%+v, want a failed check with its reason", statuses)
		}
	})
}
