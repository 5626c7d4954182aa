package app_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	_ "golang.org/x/image/webp"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/sqlite"
)

var discard = slog.New(slog.DiscardHandler)

// editorHarness is an app on the real engine with one library.
type editorHarness struct {
	editor   *app.Editor
	settings *settings.Service
	library  library.Library
	dir      string
	engine   *engine.Engine
}

// MustEngineExecutable returns the built engine: $IMAGOR_STUDIO_ENGINE, else build/bin.
func MustEngineExecutable(tb testing.TB) string {
	tb.Helper()
	p := os.Getenv(engine.EnvExecutable)
	if p == "" {
		p = filepath.Join("..", "build", "bin", engine.ExecutableName)
	}
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("engine executable %s: %v; run `go tool task build:engine` or set %s", p, err, engine.EnvExecutable)
	}
	return p
}

// MustEditor returns an app whose library folder is a new temp folder.
func MustEditor(tb testing.TB) *editorHarness {
	tb.Helper()
	ctx := context.Background()
	dataDir := tb.TempDir()
	db, err := sqlite.Open(ctx, filepath.Join(dataDir, "config.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	box, err := secrets.OpenBox(ctx, secrets.Options{Mode: secrets.ModeFile, DataDir: dataDir})
	if err != nil {
		tb.Fatal(err)
	}
	eng, err := engine.New(engine.Config{Executable: MustEngineExecutable(tb)})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { eng.Close() })
	prefs := settings.New(db, box)
	libraries := library.NewSet(prefs.Libraries())
	libraries.OnChange(func([]library.Library) {
		if err := eng.SetLibraries(ctx, libraries.Paths()); err != nil {
			tb.Errorf("SetLibraries: %v", err)
		}
	})
	dir := tb.TempDir()
	lib, err := libraries.Add(dir)
	if err != nil {
		tb.Fatal(err)
	}
	a := app.New(app.Services{Libraries: libraries, Engine: eng, Settings: prefs, Logger: discard})
	for _, b := range a.Bindings() {
		if e, ok := b.(*app.Editor); ok {
			return &editorHarness{editor: e, settings: prefs, library: lib, dir: dir, engine: eng}
		}
	}
	tb.Fatal("Bindings has no *app.Editor")
	return nil
}

// MustPhoto writes a w x h JPEG of one colour at name in the library.
func (h *editorHarness) MustPhoto(tb testing.TB, name string, w, ht int, c color.RGBA) {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, ht))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = c.R, c.G, c.B, 255
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(h.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func TestEditor_Open(t *testing.T) {
	h := MustEditor(t)
	h.MustPhoto(t, "a folder/my photo+1.jpg", 640, 480, color.RGBA{R: 200, A: 255})
	t.Run("OK", func(t *testing.T) {
		src, err := h.editor.Open(h.library.ID, "a folder/my photo+1.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if src.Width != 640 || src.Height != 480 {
			t.Errorf("size %dx%d, want 640x480", src.Width, src.Height)
		}
		if src.Format != "jpeg" {
			t.Errorf("format %q, want jpeg", src.Format)
		}
		if src.Name != "my photo+1.jpg" {
			t.Errorf("name %q, want my photo+1.jpg", src.Name)
		}
		if src.Version == "" {
			t.Error("version is empty")
		}
		if !strings.HasPrefix(src.Original, imagehandler.Prefix+"/unsafe/") || !strings.Contains(src.Original, "?v=") {
			t.Errorf("original %q, want a versioned /imagor/ path", src.Original)
		}
		if src.Session != nil {
			t.Errorf("session %+v, want none", src.Session)
		}
	})
	t.Run("ErrOutside", func(t *testing.T) {
		if _, err := h.editor.Open(h.library.ID, "../secret.jpg"); err == nil || !strings.Contains(err.Error(), "outside") {
			t.Errorf("Open(../secret.jpg) = %v, want an error about a path outside the library", err)
		}
	})
	t.Run("ErrMissing", func(t *testing.T) {
		if _, err := h.editor.Open(h.library.ID, "gone.jpg"); err == nil || !strings.Contains(err.Error(), "gone.jpg") {
			t.Errorf("Open(gone.jpg) = %v, want an error naming the file", err)
		}
	})
}

func TestEditor_Render(t *testing.T) {
	h := MustEditor(t)
	h.MustPhoto(t, "über photo.jpg", 1200, 800, color.RGBA{G: 200, A: 255})
	state := app.EditorState{Width: 600, Height: 300, Mode: "cover", Brightness: 20, Format: "webp"}
	req := app.RenderRequest{Library: h.library.ID, Path: "über photo.jpg", State: state, ViewWidth: 300, ViewHeight: 200}
	t.Run("OK", func(t *testing.T) {
		res, err := h.editor.Render(req)
		if err != nil {
			t.Fatal(err)
		}
		if res.OutputWidth != 600 || res.OutputHeight != 300 {
			t.Errorf("output %dx%d, want 600x300", res.OutputWidth, res.OutputHeight)
		}
		if !strings.HasPrefix(res.Path, "/unsafe/600x300/filters:brightness(20):format(webp)/b64:") {
			t.Errorf("path %q, want the cover resize, brightness and format of the state", res.Path)
		}
		if strings.Contains(res.Path, "preview(") || strings.Contains(res.Path, "?v=") {
			t.Errorf("path %q has preview() or the version, which a copied URL must not", res.Path)
		}
		var joined strings.Builder
		for _, p := range res.Parts {
			joined.WriteString(p.Text)
		}
		if joined.String() != res.Path {
			t.Errorf("parts join to %q, want %q", joined.String(), res.Path)
		}
		if !strings.Contains(res.Preview, "preview()") || !strings.Contains(res.Preview, "?v=") {
			t.Errorf("preview %q, want preview() and the version", res.Preview)
		}
		server := httptest.NewServer(imagehandler.New(h.engine, nil, discard))
		t.Cleanup(server.Close)
		resp, err := server.Client().Get(server.URL + res.Preview)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		cfg, _, err := image.DecodeConfig(resp.Body)
		if err != nil {
			t.Fatalf("decode the preview %s (status %d): %v", res.Preview, resp.StatusCode, err)
		}
		if cfg.Width > 300 || cfg.Height > 200 {
			t.Errorf("preview %dx%d is larger than the 300x200 view", cfg.Width, cfg.Height)
		}
		if res.SignedURL != "" {
			t.Errorf("signed URL %q without a profile, want none", res.SignedURL)
		}
	})
	t.Run("OKSigned", func(t *testing.T) {
		secret := "s3cret"
		profile, err := h.settings.SaveProfile(context.Background(), settings.ProfileInput{
			Name: "cdn", BaseURL: "https://img.example.com", Secret: &secret, Signer: "sha256", EscapesNames: true,
			Libraries: []settings.ProfileLibrary{{Library: h.library.ID, PathPrefix: "photos/"}},
		})
		if err != nil {
			t.Fatal(err)
		}
		signedReq := req
		signedReq.Profile = profile.ID
		res, err := h.editor.Render(signedReq)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(res.SignedURL, "https://img.example.com/") || strings.Contains(res.SignedURL, "/unsafe/") {
			t.Errorf("signed URL %q, want a signed URL on the profile's server", res.SignedURL)
		}
		if !strings.Contains(res.Warning, "escapes") {
			t.Errorf("warning %q, want one about the server escaping the name", res.Warning)
		}
	})
	t.Run("ErrInvalidState", func(t *testing.T) {
		bad := req
		bad.State.Rotate = 45
		if _, err := h.editor.Render(bad); err == nil || !strings.Contains(err.Error(), "rotate 45") {
			t.Errorf("Render with rotate 45 = %v, want an error naming the value", err)
		}
	})
}

func TestEditor_SaveSession(t *testing.T) {
	h := MustEditor(t)
	h.MustPhoto(t, "photo.jpg", 400, 300, color.RGBA{B: 200, A: 255})
	state := app.EditorState{Crop: &app.EditorBox{Left: 10, Top: 10, Width: 100, Height: 100}, Contrast: 15,
		Redact: []app.EditorBox{{Left: 20, Top: 20, Width: 10, Height: 10}}}
	t.Run("OK", func(t *testing.T) {
		if err := h.editor.SaveSession(h.library.ID, "photo.jpg", state); err != nil {
			t.Fatal(err)
		}
		src, err := h.editor.Open(h.library.ID, "photo.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if src.Session == nil || !reflect.DeepEqual(*src.Session, state) {
			t.Errorf("session %+v, want %+v", src.Session, state)
		}
		if src.SessionStale {
			t.Error("session is stale, but the file did not change")
		}
	})
	t.Run("OKStaleAfterChange", func(t *testing.T) {
		h.MustPhoto(t, "photo.jpg", 500, 300, color.RGBA{R: 200, A: 255})
		src, err := h.editor.Open(h.library.ID, "photo.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if src.Session == nil {
			t.Fatal("session is gone after the file changed, want it kept and marked stale")
		}
		if !src.SessionStale {
			t.Error("session is not stale after the file changed")
		}
		if src.Width != 500 {
			t.Errorf("width %d after the change, want 500", src.Width)
		}
	})
	t.Run("OKDiscard", func(t *testing.T) {
		if err := h.editor.DiscardSession(h.library.ID, "photo.jpg"); err != nil {
			t.Fatal(err)
		}
		src, err := h.editor.Open(h.library.ID, "photo.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if src.Session != nil {
			t.Errorf("session %+v after discard, want none", src.Session)
		}
	})
	t.Run("ErrInvalidState", func(t *testing.T) {
		bad := state
		bad.Crop = &app.EditorBox{Left: 390, Top: 0, Width: 200, Height: 10}
		if err := h.editor.SaveSession(h.library.ID, "photo.jpg", bad); err == nil || !strings.Contains(err.Error(), "crop") {
			t.Errorf("SaveSession with a crop outside = %v, want an error about the crop", err)
		}
	})
}

// TestEditor_RenderOutputLimit checks that a state whose result is larger than the engine may
// make is rejected before any render, as a 65000 x 65000 stretch of a small photo would take
// gigabytes.
func TestEditor_RenderOutputLimit(t *testing.T) {
	h := MustEditor(t)
	h.MustPhoto(t, "small.jpg", 200, 150, color.RGBA{B: 200, A: 255})
	_, err := h.editor.Render(app.RenderRequest{
		Library: h.library.ID, Path: "small.jpg", ViewWidth: 400, ViewHeight: 300,
		State: app.EditorState{Width: 65000, Height: 65000, Mode: "stretch"},
	})
	if err == nil || !strings.Contains(err.Error(), "200 megapixels") {
		t.Errorf("err=%v, want the output limit", err)
	}
}
