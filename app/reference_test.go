//go:build imagorserver

package app_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg"
	_ "image/png"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/settings"
)

// referenceServer is a plain imagor 1.9.4 server (build/imagor-server) over one folder.
type referenceServer struct {
	baseURL string
}

// MustReferenceServer starts $IMAGOR_STUDIO_TEST_IMAGOR_SERVER on a free loopback port over dir,
// with imagor's own flags for the secret, signer and safe characters, and stops it at the end.
func MustReferenceServer(t *testing.T, dir string, flags ...string) referenceServer {
	t.Helper()
	exe := os.Getenv("IMAGOR_STUDIO_TEST_IMAGOR_SERVER")
	if exe == "" {
		t.Fatal("IMAGOR_STUDIO_TEST_IMAGOR_SERVER is unset: build it with `go tool task build:imagor-server`")
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := listener.Addr().String()
	listener.Close()
	args := append([]string{"-bind", addr, "-file-loader-base-dir", dir, "-http-loader-disable"}, flags...)
	cmd := exec.Command(exe, args...)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if resp, err := http.Get("http://" + addr + "/"); err == nil {
			resp.Body.Close()
			return referenceServer{baseURL: "http://" + addr}
		}
	}
	t.Fatalf("imagor server did not answer on %s:\n%s", addr, log.String())
	return referenceServer{}
}

func fetch(t *testing.T, handler http.Handler, url string) (int, []byte) {
	t.Helper()
	if handler != nil {
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, url, nil))
		return rec.Code, rec.Body.Bytes()
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

// samePixels decodes two images and reports where they differ.
func samePixels(a, b []byte) error {
	ia, fa, err := image.Decode(bytes.NewReader(a))
	if err != nil {
		return fmt.Errorf("decode the app's image: %w", err)
	}
	ib, fb, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("decode the server's image: %w", err)
	}
	if fa != fb || ia.Bounds() != ib.Bounds() {
		return fmt.Errorf("app %s %v, server %s %v", fa, ia.Bounds(), fb, ib.Bounds())
	}
	r := ia.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if color.RGBAModel.Convert(ia.At(x, y)) != color.RGBAModel.Convert(ib.At(x, y)) {
				return fmt.Errorf("pixel %d,%d differs", x, y)
			}
		}
	}
	return nil
}

// TestEditor_SignedURLOnImagor copies signed URLs for several edits and checks that a real imagor
// 1.9.4 server with the same secret serves them with the pixels the app's engine renders.
func TestEditor_SignedURLOnImagor(t *testing.T) {
	h := MustEditor(t)
	names := []string{"plain.jpg", "a b+c.jpg", "100% (1).jpg", "日本.jpg", "fit-in/x.jpg"}
	for i, name := range names {
		h.MustPhoto(t, name, 800+i, 600, color.RGBA{R: uint8(40 * i), G: 160, B: 90, A: 255})
	}
	server := MustReferenceServer(t, h.dir, "-imagor-secret", "s3cret", "-imagor-signer-type", "sha256",
		"-imagor-signer-truncate", "40", "-file-safe-chars", "--")
	profile, err := h.settings.SaveProfile(context.Background(), settings.ProfileInput{
		Name: "reference", BaseURL: server.baseURL, Secret: ptrString("s3cret"), Signer: "sha256", Truncate: 40,
		EscapesNames: false, Libraries: []settings.ProfileLibrary{{Library: h.library.ID}},
	})
	if err != nil {
		t.Fatal(err)
	}
	engine := imagehandler.New(h.engine, nil, discard)
	states := map[string]app.EditorState{
		"resize":  {Width: 300, Height: 200, Mode: "fit-in", Format: "png"},
		"crop":    {Crop: &app.EditorBox{Left: 100, Top: 50, Width: 400, Height: 300}, Format: "png"},
		"colour":  {Width: 320, Mode: "cover", Brightness: 20, Contrast: -10, Grayscale: true, Format: "png"},
		"flipped": {Width: 200, Height: 200, Mode: "cover", FlipH: true, Rotate: 90, Format: "png"},
		"webp":    {Width: 256, Format: "webp", Quality: 70},
	}
	for _, name := range names {
		for label, state := range states {
			t.Run(label+"/"+name, func(t *testing.T) {
				req := app.RenderRequest{Library: h.library.ID, Path: name, State: state, ViewWidth: 400, ViewHeight: 300}
				local, err := h.editor.Render(req)
				if err != nil {
					t.Fatal(err)
				}
				req.Profile = profile.ID
				res, err := h.editor.Render(req)
				if err != nil {
					t.Fatal(err)
				}
				if res.Warning != "" {
					t.Errorf("warning %q for a server that takes names as they are", res.Warning)
				}
				status, remote := fetch(t, nil, res.SignedURL)
				if status != http.StatusOK {
					t.Fatalf("GET %s: %d %s", res.SignedURL, status, remote)
				}
				// The copied path names the file relative to the library; the engine's key is
				// the library id and that path.
				ops := strings.TrimSuffix(local.Path, imageurl.EncodeImage(name))
				enginePath := ops + imageurl.EncodeImage(library.Key(h.library.ID, name))
				status, rendered := fetch(t, engine, imagehandler.Prefix+enginePath)
				if status != http.StatusOK {
					t.Fatalf("engine %s: %d %s", enginePath, status, rendered)
				}
				if !bytes.Equal(rendered, remote) {
					if err := samePixels(rendered, remote); err != nil {
						t.Errorf("%s: %v", res.SignedURL, err)
					}
				}
			})
		}
	}
}

// TestEditor_EscapingServerWarning checks the warning against a server with imagor's default
// safe characters: it really cannot find a name with a space.
func TestEditor_EscapingServerWarning(t *testing.T) {
	h := MustEditor(t)
	h.MustPhoto(t, "a b.jpg", 400, 300, color.RGBA{R: 200, A: 255})
	server := MustReferenceServer(t, h.dir, "-imagor-secret", "s3cret")
	profile, err := h.settings.SaveProfile(context.Background(), settings.ProfileInput{
		Name: "escaping", BaseURL: server.baseURL, Secret: ptrString("s3cret"), EscapesNames: true,
		Libraries: []settings.ProfileLibrary{{Library: h.library.ID}},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := h.editor.Render(app.RenderRequest{Library: h.library.ID, Path: "a b.jpg", State: app.EditorState{Width: 100},
		ViewWidth: 400, ViewHeight: 300, Profile: profile.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Warning, "escapes") {
		t.Errorf("warning=%q, want one about the server escaping the name", res.Warning)
	}
	if status, body := fetch(t, nil, res.SignedURL); status == http.StatusOK {
		t.Errorf("the escaping server served %s (%d bytes), so the warning is wrong", res.SignedURL, len(body))
	}
}

func ptrString(s string) *string { return &s }
