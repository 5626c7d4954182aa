// Package imagehandler serves "/imagor/…" to the webview: a cached response straight from the
// disk cache, anything else rendered by the engine, stored in the cache and sent. Identical
// requests in flight share one render. Errors go out as JSON with a reason a tile can show.
package imagehandler

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/thumbcache"
)

// Prefix is the URL path prefix the handler serves.
const Prefix = "/imagor"

// maxCachedBytes is the largest response kept in the cache; full-resolution originals above it
// are rendered each time they are opened.
const maxCachedBytes = 32 << 20

// renderTimeout bounds one render, so a stuck decode cannot hold a tile forever.
const renderTimeout = 60 * time.Second

// Renderer renders an imagor path. *engine.Engine implements it.
type Renderer interface {
	Do(ctx context.Context, path string) (*http.Response, error)
}

// Recycler is a Renderer that can be restarted to stop work it can no longer cancel.
type Recycler interface {
	Recycle()
}

// Handler is the http.Handler for Prefix.
type Handler struct {
	renderer Renderer
	cache    *thumbcache.Cache // nil disables caching
	logger   *slog.Logger
	group    singleflight.Group
	lowSpace atomic.Int64 // unix seconds of the last low-space warning
}

// New returns a Handler that renders with renderer and caches in cache (which may be nil).
func New(renderer Renderer, cache *thumbcache.Cache, logger *slog.Logger) *Handler {
	return &Handler{renderer: renderer, cache: cache, logger: logger}
}

// result is one rendered response, shared by every request that asked for it at once.
type result struct {
	status      int
	contentType string
	body        []byte
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusMethodNotAllowed, Failure{Reason: "method", Message: "Only GET and HEAD are served"})
		return
	}
	path, ok := strings.CutPrefix(r.URL.EscapedPath(), Prefix)
	if !ok || !strings.HasPrefix(path, "/") {
		writeError(w, http.StatusNotFound, Failure{Reason: "not-found", Message: "Not an imagor path: " + r.URL.Path})
		return
	}
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}

	if h.cache != nil {
		if entry, ok := h.cache.Get(path); ok {
			defer entry.Body.Close()
			w.Header().Set("Content-Type", entry.ContentType)
			w.Header().Set("Content-Length", strconv.FormatInt(entry.Size, 10))
			w.Header().Set("X-Cache", "hit")
			w.WriteHeader(http.StatusOK)
			if r.Method == http.MethodGet {
				_, _ = io.Copy(w, entry.Body)
			}
			return
		}
	}

	// Checked after the cache, which contains only responses that passed this check, so a cached
	// thumbnail costs no path parsing.
	if failure, ok := checkOutput(path); !ok {
		writeError(w, statusForFailure(failure), failure)
		return
	}
	v, err, _ := h.group.Do(path, func() (any, error) { return h.render(path) })
	if err != nil {
		status, failure := describeError(err)
		h.logger.Warn("render failed", "path", path, "error", err)
		writeError(w, status, failure)
		return
	}
	res := v.(*result)
	if res.status >= 300 && res.status < 400 {
		// The engine's mux redirects paths with ".." or "//" segments; the app never makes one.
		writeError(w, http.StatusForbidden, Failure{Reason: ReasonOutside, Message: "Invalid image path: \"..\" and \"//\" segments are not allowed"})
		return
	}
	if res.status != http.StatusOK {
		failure := describeEngineError(res.status, res.body)
		h.logger.Debug("render refused", "path", path, "status", res.status, "reason", failure.Reason)
		writeError(w, res.status, failure)
		return
	}
	w.Header().Set("Content-Type", res.contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(res.body)))
	w.Header().Set("X-Cache", "miss")
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write(res.body)
	}
}

// render requests path from the engine and caches a successful response. The context is not the
// webview request's: the AssetServer cannot cancel, and requests sharing the render may outlive
// the first one.
func (h *Handler) render(path string) (*result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), renderTimeout)
	defer cancel()
	resp, err := h.renderer.Do(ctx, path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("read engine response: %w", err)
	}
	res := &result{status: resp.StatusCode, contentType: resp.Header.Get("Content-Type"), body: body}
	if res.status == http.StatusRequestTimeout {
		// imagor gave up waiting, but libvips cannot be interrupted and keeps working (and
		// allocating) on the request; restarting the engine is the only way to stop it.
		if recycler, ok := h.renderer.(Recycler); ok {
			h.logger.Warn("render timed out, restarting the engine", "path", path)
			recycler.Recycle()
		}
	}
	if res.status == http.StatusOK && h.cache != nil && len(body) <= maxCachedBytes && !isPreviewFrame(path) {
		if err := h.cache.Put(path, res.contentType, body); err != nil {
			h.warnNotCached(path, err)
		}
	}
	return res, nil
}

// warnNotCached logs a failed cache write; a full disk fails every write, so that case is logged
// once a minute.
func (h *Handler) warnNotCached(path string, err error) {
	if errors.Is(err, thumbcache.ErrLowSpace) {
		now := time.Now().Unix()
		if last := h.lowSpace.Load(); now-last < 60 || !h.lowSpace.CompareAndSwap(last, now) {
			return
		}
	}
	h.logger.Warn("response not cached", "path", path, "error", err)
}

// isPreviewFrame reports an editor frame: one per slider position, read once, and kept in the
// engine's memory cache instead, so it would only push thumbnails out of the disk cache.
func isPreviewFrame(path string) bool {
	return strings.Contains(path, "preview()")
}

func writeError(w http.ResponseWriter, status int, failure Failure) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(failure)
}

func describeError(err error) (int, Failure) {
	switch {
	case errors.Is(err, engine.ErrCrashed):
		return http.StatusBadGateway, Failure{Reason: ReasonEngineCrashed, Message: "The image engine stopped on this file and was restarted"}
	case errors.Is(err, engine.ErrUnavailable):
		return http.StatusServiceUnavailable, Failure{Reason: ReasonEngineUnavailable, Message: "The image engine is not running: " + err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, Failure{Reason: ReasonTimeout, Message: "Rendering took longer than " + renderTimeout.String()}
	}
	return http.StatusBadGateway, Failure{Reason: ReasonInternal, Message: "Rendering failed: " + err.Error()}
}

// engineError is imagor's JSON error body.
type engineError struct {
	Message string `json:"message"`
	Status  int    `json:"status"`
}

func describeEngineError(status int, body []byte) Failure {
	var e engineError
	if err := json.Unmarshal(bytes.TrimSpace(body), &e); err != nil || e.Message == "" {
		e.Message = http.StatusText(status)
	}
	return classify(status, e.Message)
}
