package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"

	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/thumbcache"
)

// benchLibrary is the library id the corpus folder gets in the engine.
const benchLibrary = "bench"

// appPeer is the app's own thumbnail path: backend/imagehandler in this process, as the window
// runs it, on the real imagor-studio-engine process over its Unix socket. With cache set the
// disk cache (backend/thumbcache) is on; with warm set every output is rendered once before the
// timed pass and the engine is then stopped, so each timed request must be a cache read.
type appPeer struct {
	label     string
	cache     bool
	warm      bool
	engineExe string
	engineLog *slog.Logger // receives the engine's own output, at debug level

	tmp     string
	eng     *engine.Engine
	thumbs  *thumbcache.Cache
	handler *imagehandler.Handler
}

func (p *appPeer) name() string { return p.label }

func (p *appPeer) start(ctx context.Context, c corpus) error {
	tmp, err := os.MkdirTemp("", "bench-app-")
	if err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	p.tmp = tmp
	eng, err := engine.New(engine.Config{Executable: p.engineExe, Logger: p.engineLog})
	if err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	p.eng = eng
	if err := eng.SetLibraries(ctx, map[string]string{benchLibrary: c.Dir}); err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	// Start the engine now, outside the timed pass.
	if _, err := eng.Health(ctx); err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	p.thumbs = nil
	if p.cache {
		discard := slog.New(slog.DiscardHandler)
		if p.thumbs, err = thumbcache.Open(filepath.Join(tmp, "cache"), 1<<30, discard); err != nil {
			return fmt.Errorf("start %s: %w", p.label, err)
		}
	}
	p.handler = imagehandler.New(eng, p.thumbs, slog.New(slog.DiscardHandler))
	return nil
}

// prepare fills the cache with every timed output of a warm peer, then stops the engine.
func (p *appPeer) prepare(ctx context.Context, jobs []job) error {
	if !p.warm {
		return nil
	}
	for _, j := range jobs {
		if _, err := p.render(ctx, j); err != nil {
			return err
		}
	}
	return p.eng.Close()
}

// appPath returns the app's URL path for j, as the gallery builds it.
func appPath(j job) string {
	return imagehandler.Prefix + imageurl.Path(j.spec.ops(), library.Key(benchLibrary, j.file.Rel), j.version)
}

func (p *appPeer) render(_ context.Context, j job) (int, error) {
	w := &countingWriter{header: http.Header{}}
	req, err := http.NewRequest(http.MethodGet, appPath(j), nil)
	if err != nil {
		return 0, err
	}
	p.handler.ServeHTTP(w, req)
	if w.status != http.StatusOK {
		return 0, fmt.Errorf("%s %s: status %d: %s", p.label, req.URL.Path, w.status, w.errorBody)
	}
	if hit := w.header.Get("X-Cache") == "hit"; p.warm && !hit && p.eng.Pid() == 0 {
		return 0, fmt.Errorf("%s %s: not served from the cache", p.label, req.URL.Path)
	}
	return w.bytes, nil
}

func (p *appPeer) pids() []int {
	if pid := p.eng.Pid(); pid != 0 {
		return []int{pid}
	}
	return nil
}

func (p *appPeer) stop() error {
	var errs []error
	if p.thumbs != nil {
		errs = append(errs, p.thumbs.Close())
	}
	errs = append(errs, p.eng.Close(), os.RemoveAll(p.tmp))
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("stop %s: %w", p.label, err)
		}
	}
	return nil
}

// countingWriter is an http.ResponseWriter that keeps only the status, the headers, the size of
// the body and, for an error, its first bytes.
type countingWriter struct {
	header    http.Header
	status    int
	bytes     int
	errorBody []byte
}

func (w *countingWriter) Header() http.Header { return w.header }

func (w *countingWriter) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
}

func (w *countingWriter) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	w.bytes += len(b)
	if w.status != http.StatusOK && len(w.errorBody) < 512 {
		w.errorBody = append(w.errorBody, b...)
	}
	return len(b), nil
}
