package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/api"
	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/fileops"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/remote"
	"github.com/imagor-studio/desktop/backend/s3"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/sqlite"
	"github.com/imagor-studio/desktop/backend/thumbcache"
)

const testToken = "test-token-0123456789abcdef0123456789abcdef"

// harness is an API server on loopback over the real engine, a real config.db and a real
// thumbnail cache, all in temp folders.
type harness struct {
	t        *testing.T
	URL      string // http://127.0.0.1:PORT
	Port     int
	Server   *api.Server
	Services *api.Services
	Engine   *engine.Engine
	Settings *settings.Service
	Cache    *thumbcache.Cache
}

func mustExecutable(tb testing.TB) string {
	tb.Helper()
	p := os.Getenv(engine.EnvExecutable)
	if p == "" {
		tb.Fatalf("%s is not set: build the engine with `go tool task build:engine` and set it to build/bin/imagor-studio-engine", engine.EnvExecutable)
	}
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("%s=%s: %v; run `go tool task build:engine`", engine.EnvExecutable, p, err)
	}
	return p
}

// newHarness starts a server whose Config is cfg with the test token and a discarding logger
// unless cfg sets them.
func newHarness(t *testing.T, cfg api.Config) *harness {
	t.Helper()
	ctx := context.Background()
	data := t.TempDir()
	db, err := sqlite.Open(ctx, filepath.Join(data, "config.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	box, err := secrets.OpenBox(ctx, secrets.Options{Mode: secrets.ModeFile, DataDir: data, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	prefs := settings.New(db, box)
	logger := slog.New(slog.DiscardHandler)

	eng, err := engine.New(engine.Config{Executable: mustExecutable(t), Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	cache, err := thumbcache.Open(filepath.Join(data, "cache"), 64<<20, logger)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cache.Close() })

	libs := library.NewSet(prefs.Libraries())
	buckets := s3.NewPool()
	// As main.go's syncEngine: folders and buckets to the engine, buckets to the client pool.
	libs.OnChange(func([]library.Library) {
		ctx := context.Background()
		if err := eng.SetLibraries(ctx, libs.Paths()); err != nil {
			t.Errorf("engine libraries: %v", err)
		}
		configs := map[string]s3.Config{}
		for id, bucket := range libs.Buckets() {
			configs[id] = s3.Config(bucket)
		}
		if err := buckets.Sync(configs); err != nil {
			t.Errorf("S3 client pool: %v", err)
		}
		if err := eng.SetS3Libraries(ctx, configs); err != nil {
			t.Errorf("engine S3 libraries: %v", err)
		}
	})
	router := remote.New(eng, prefs.PreviewServer, logger)
	svc := &api.Services{
		Libraries: libs, Lister: listing.NewLister(0), Engine: eng, Buckets: buckets, Settings: prefs,
		Images: imagehandler.New(router, cache, logger), Router: router, Logger: logger,
		Files: fileops.New(libs, buckets, logger),
	}
	if cfg.Token == "" {
		cfg.Token = testToken
	}
	srv, err := api.New(ctx, svc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	port := ts.Listener.Addr().(*net.TCPAddr).Port
	ts.Config.Handler = srv.Handler(port)
	ts.Start()
	t.Cleanup(ts.Close)
	return &harness{t: t, URL: ts.URL, Port: port, Server: srv, Services: svc, Engine: eng, Settings: prefs, Cache: cache}
}

// gqlResponse is a GraphQL response with its HTTP status.
type gqlResponse struct {
	Status int
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// code returns the extensions.code of the first error, or "".
func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	code, _ := r.Errors[0].Extensions["code"].(string)
	return code
}

// post sends a GraphQL request with the test token.
func (h *harness) post(query string, vars map[string]any) gqlResponse {
	h.t.Helper()
	return h.postWith(query, vars, map[string]string{"Authorization": "Bearer " + testToken})
}

func (h *harness) postWith(query string, vars map[string]any, headers map[string]string) gqlResponse {
	h.t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		h.t.Fatal(err)
	}
	return h.postRaw(body, headers)
}

func (h *harness) postRaw(body []byte, headers map[string]string) gqlResponse {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatal(err)
	}
	out := gqlResponse{Status: resp.StatusCode}
	if err := json.Unmarshal(raw, &out); err != nil {
		h.t.Fatalf("response %d is not JSON: %v: %s", resp.StatusCode, err, raw)
	}
	return out
}

// ok fails the test unless the response has data and no errors, and decodes field into v.
func (h *harness) ok(r gqlResponse, field string, v any) {
	h.t.Helper()
	if r.Status != http.StatusOK || len(r.Errors) > 0 {
		h.t.Fatalf("status %d, errors %+v", r.Status, r.Errors)
	}
	if err := json.Unmarshal(r.Data[field], v); err != nil {
		h.t.Fatalf("data.%s: %v: %s", field, err, r.Data[field])
	}
}

// addLibrary opens dir as a library and returns its id.
func (h *harness) addLibrary(dir string) string {
	h.t.Helper()
	var lib struct{ ID string }
	h.ok(h.post(`mutation($p: String!) { addLibrary(path: $p) { id } }`, map[string]any{"p": dir}), "addLibrary", &lib)
	return lib.ID
}

// get fetches url with the headers and returns the status, content type and body.
func get(t *testing.T, url string, headers map[string]string) (int, string, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	client := &http.Client{Timeout: 2 * time.Minute}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

// writeJPEG writes a w x h JPEG with a gradient to path.
func writeJPEG(t testing.TB, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// photoFolder makes a folder with three JPEGs (a.jpg 640x480, b.jpg 300x200, c.jpg 200x300), a
// text file and a subfolder with one JPEG.
func photoFolder(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	writeJPEG(t, filepath.Join(dir, "a.jpg"), 640, 480)
	writeJPEG(t, filepath.Join(dir, "b.jpg"), 300, 200)
	writeJPEG(t, filepath.Join(dir, "c.jpg"), 200, 300)
	writeJPEG(t, filepath.Join(dir, "sub", "d.jpg"), 100, 100)
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not an image"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func hostPort(port int) string { return "127.0.0.1:" + strconv.Itoa(port) }

func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
