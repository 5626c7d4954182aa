// Package remote renders the previews of a library on the user's own imagor server, when an
// imagor profile states that the server serves the library and should render its previews. This lets
// the app show an S3 bucket through the production cluster instead of the local engine. Every
// failure falls back to the local engine, and the reason is kept for the settings page.
package remote

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/cshum/imagor/imagorpath"

	"github.com/imagor-studio/desktop/backend/imageurl"
)

// checkInterval is how long the result of a server check holds before it is made again.
const checkInterval = 5 * time.Minute

// Renderer is the interface of the local engine and of Router: it serves an imagor request for
// an "/unsafe/…" path with the app's own image keys.
type Renderer interface {
	Do(ctx context.Context, path string) (*http.Response, error)
}

// Servers returns the server that renders the previews of a library, if a profile names one.
type Servers func(ctx context.Context, libraryID string) (imageurl.Server, bool, error)

// Status is the state of remote rendering for one library.
type Status struct {
	Library  string    `json:"library"`
	BaseURL  string    `json:"baseUrl"`
	OK       bool      `json:"ok"`
	Reason   string    `json:"reason"` // the reason the local engine renders instead, when not OK
	Checked  time.Time `json:"checked"`
	Fallback int       `json:"fallback"` // requests rendered locally after a remote failure
}

// Router sends each request to the library's remote server when it has one that works, and to
// local otherwise. It is safe for concurrent use.
type Router struct {
	local   Renderer
	servers Servers
	client  *http.Client
	logger  *slog.Logger

	mu     sync.Mutex
	status map[string]*Status
}

// New returns a Router over the local renderer.
func New(local Renderer, servers Servers, logger *slog.Logger) *Router {
	return &Router{
		local: local, servers: servers, logger: logger,
		client: &http.Client{Timeout: 60 * time.Second},
		status: map[string]*Status{},
	}
}

// Do implements Renderer.
func (r *Router) Do(ctx context.Context, path string) (*http.Response, error) {
	remoteURL, libraryID, ok := r.remoteURL(ctx, path)
	if !ok {
		return r.local.Do(ctx, path)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, remoteURL, nil)
	if err == nil {
		var resp *http.Response
		resp, err = r.client.Do(req)
		if err == nil && resp.StatusCode == http.StatusOK {
			return resp, nil
		}
		if err == nil {
			resp.Body.Close()
			err = fmt.Errorf("the server returned %s", resp.Status)
		}
	}
	r.noteFallback(libraryID, err)
	return r.local.Do(ctx, path)
}

// Statuses returns the state of every library that has a remote server.
func (r *Router) Statuses() []Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Status, 0, len(r.status))
	for _, s := range r.status {
		out = append(out, *s)
	}
	return out
}

// Forget drops the cached checks, so the next request checks its server again; the settings
// page calls it after a profile changes.
func (r *Router) Forget() {
	r.mu.Lock()
	clear(r.status)
	r.mu.Unlock()
}

// remoteURL returns the URL of path on the library's remote server, when the library has one
// that passed its check.
func (r *Router) remoteURL(ctx context.Context, path string) (string, string, bool) {
	route, ok := split(path)
	if !ok {
		return "", "", false
	}
	server, ok, err := r.servers(ctx, route.library)
	if err != nil {
		r.logger.Warn("imagor profile not read, rendering locally", "library", route.library, "error", err)
		return "", "", false
	}
	if !ok || !r.check(ctx, route, server) {
		return "", "", false
	}
	u, _, err := server.URL(route.ops, route.rel)
	if err != nil {
		r.noteFallback(route.library, err)
		return "", "", false
	}
	return u, route.library, true
}

// check makes one meta request for the file on the server, at most every checkInterval per
// library, and records whether the server serves it.
func (r *Router) check(ctx context.Context, route route, server imageurl.Server) bool {
	r.mu.Lock()
	s := r.status[route.library]
	if s != nil && s.BaseURL == server.BaseURL && time.Since(s.Checked) < checkInterval {
		ok := s.OK
		r.mu.Unlock()
		return ok
	}
	r.mu.Unlock()

	reason := ""
	metaURL, _, err := server.URL("meta", route.rel)
	if err == nil {
		err = r.probe(ctx, metaURL)
	}
	if err != nil {
		reason = fmt.Sprintf("%s does not serve %s: %v; previews are rendered locally", server.BaseURL, route.rel, err)
		r.logger.Warn("remote imagor check failed, rendering locally", "library", route.library,
			"server", server.BaseURL, "error", err)
	}
	r.mu.Lock()
	r.status[route.library] = &Status{Library: route.library, BaseURL: server.BaseURL, OK: err == nil,
		Reason: reason, Checked: time.Now()}
	r.mu.Unlock()
	return err == nil
}

func (r *Router) probe(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := r.client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("meta request returned %s", resp.Status)
	}
	return nil
}

func (r *Router) noteFallback(libraryID string, err error) {
	r.logger.Warn("remote render failed, rendering locally", "library", libraryID, "error", err)
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.status[libraryID]; s != nil {
		s.Fallback++
		s.Reason = fmt.Sprintf("last remote render failed: %v", err)
	}
}

// route is an app path taken apart: the operations, the library and the path inside it.
type route struct {
	ops, library, rel string
}

// split takes an "/unsafe/<ops>/<image>" path that the app built apart. Editor preview frames
// (preview() and versioned keys) and anything else stay local.
func split(path string) (route, bool) {
	path, _, _ = strings.Cut(path, "?")
	rest, ok := strings.CutPrefix(path, "/unsafe/")
	if !ok || strings.Contains(rest, "preview()") {
		return route{}, false
	}
	key := imagorpath.Parse(path).Image
	library, rel, ok := strings.Cut(key, "/")
	if !ok || rel == "" || strings.Contains(library, "@") {
		return route{}, false
	}
	ops, ok := strings.CutSuffix(rest, imageurl.EncodeImage(key))
	if !ok {
		return route{}, false
	}
	return route{ops: strings.TrimSuffix(ops, "/"), library: library, rel: rel}, true
}

// Recycle restarts the local engine, when it can be restarted, to stop work that timed out.
func (r *Router) Recycle() {
	if recycler, ok := r.local.(interface{ Recycle() }); ok {
		recycler.Recycle()
	}
}
