// Package engine starts, watches and talks to the imagor-studio-engine process. The desktop app
// links no libvips (the bundled one carries its own GLib, which breaks beside GTK), so every image
// is rendered by that second executable over a private Unix socket. The engine is started on the
// first request, restarted after it exits, and stopped with the app.
package engine

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"

	"github.com/imagor-studio/desktop/backend/s3"
)

// ExecutableName is the engine's file name, without the ".exe" Windows adds.
const ExecutableName = "imagor-studio-engine"

// Errors returned by Do.
var (
	// ErrCrashed means the engine exited while it handled the request, most likely on the file
	// the request asked for. It has been restarted for the next request.
	ErrCrashed = errors.New("the image engine stopped while rendering this image and was restarted")
	// ErrUnavailable means the engine did not start or keeps exiting.
	ErrUnavailable = errors.New("the image engine is not running")
)

// Config configures an Engine.
type Config struct {
	Executable   string        // path of imagor-studio-engine; "" means Locate at first start
	Args         []string      // extra flags for the engine
	StartTimeout time.Duration // how long to wait for the engine's health check; 0 means 15 s
	Logger       *slog.Logger
}

// Engine supervises one engine process. It is safe for concurrent use.
type Engine struct {
	cfg    Config
	dir    string // private folder holding the socket
	socket string
	client *http.Client

	mu        sync.Mutex
	proc      *process
	libraries map[string]string
	buckets   map[string]s3.Config
	starts    []time.Time // recent starts, for the crash-loop back-off
	closed    bool
}

// process is one run of the engine executable.
type process struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	exited chan struct{}
	err    error // set before exited is closed
}

// New returns an Engine that starts cfg.Executable when first needed.
func New(cfg Config) (*Engine, error) {
	if cfg.StartTimeout == 0 {
		cfg.StartTimeout = 15 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	// The socket path must stay under about 100 bytes, so it lives in a short temp folder that
	// only this user can enter.
	dir, err := os.MkdirTemp("", "imagor-studio-")
	if err != nil {
		return nil, fmt.Errorf("create engine socket folder: %w", err)
	}
	e := &Engine{
		cfg: cfg, dir: dir, socket: filepath.Join(dir, "engine.sock"),
		libraries: map[string]string{}, buckets: map[string]s3.Config{},
	}
	e.client = &http.Client{
		// imagor paths never redirect; the engine's mux does for ".." and "//", and following
		// that would serve another image than the one asked for.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				var d net.Dialer
				return d.DialContext(ctx, "unix", e.socket)
			},
			MaxIdleConnsPerHost: 64,
			IdleConnTimeout:     30 * time.Second,
		}}
	return e, nil
}

// Do sends an imagor request for path (with its query) to the engine, starting the engine when
// it is not running. The caller closes the response body.
func (e *Engine) Do(ctx context.Context, path string) (*http.Response, error) {
	proc, err := e.ensure(ctx)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://engine"+path, nil)
	if err != nil {
		return nil, fmt.Errorf("engine request %q: %w", path, err)
	}
	resp, err := e.client.Do(req)
	if err == nil {
		return resp, nil
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	// A transport error while the process is going away is a crash; wait briefly for its exit
	// so the next request starts a new one.
	select {
	case <-proc.exited:
		return nil, ErrCrashed
	case <-time.After(500 * time.Millisecond):
	}
	return nil, fmt.Errorf("engine request %q: %w", path, err)
}

// SetLibraries sets the id to folder map the engine may read, now if it runs and at every start.
func (e *Engine) SetLibraries(ctx context.Context, libraries map[string]string) error {
	e.mu.Lock()
	e.libraries = libraries
	proc := e.proc
	e.mu.Unlock()
	if proc == nil || isExited(proc) {
		return nil
	}
	return e.put(ctx, "/-/libraries", libraries)
}

// SetS3Libraries sets the id to bucket map the engine may read, now if it runs and at every
// start. The configs carry the keys; they go only over the engine's private socket.
func (e *Engine) SetS3Libraries(ctx context.Context, buckets map[string]s3.Config) error {
	e.mu.Lock()
	e.buckets = buckets
	proc := e.proc
	e.mu.Unlock()
	if proc == nil || isExited(proc) {
		return nil
	}
	return e.put(ctx, "/-/s3-libraries", buckets)
}

// Pid returns the process id of the running engine, or 0.
func (e *Engine) Pid() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.proc == nil || isExited(e.proc) {
		return 0
	}
	return e.proc.cmd.Process.Pid
}

// Health requests the versions of the running engine, starting it if needed.
func (e *Engine) Health(ctx context.Context) (map[string]any, error) {
	if _, err := e.ensure(ctx); err != nil {
		return nil, err
	}
	resp, err := e.get(ctx, "/-/health")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var health map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&health); err != nil {
		return nil, fmt.Errorf("engine health: %w", err)
	}
	return health, nil
}

// Close stops the engine: it closes its standard input, which makes it finish and exit, and kills
// it if it is still running after 3 s.
func (e *Engine) Close() error {
	e.mu.Lock()
	e.closed = true
	proc := e.proc
	e.proc = nil
	e.mu.Unlock()

	if proc != nil {
		proc.stop(3 * time.Second)
	}
	e.client.CloseIdleConnections()
	return os.RemoveAll(e.dir)
}

// put sends v as JSON to one of the engine's control endpoints.
func (e *Engine) put(ctx context.Context, path string, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, "http://engine"+path, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("send %s: %w", path, err)
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return fmt.Errorf("send %s: %w", path, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("send %s: engine returned %s: %s", path, resp.Status, bytes.TrimSpace(msg))
	}
	return nil
}

func (e *Engine) get(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://engine"+path, nil)
	if err != nil {
		return nil, err
	}
	return e.client.Do(req)
}

// logOutput forwards the engine's log lines to the app's logger at debug level.
func (e *Engine) logOutput(r io.Reader, pid int) {
	scanner := bufio.NewScanner(r)
	for scanner.Scan() {
		e.cfg.Logger.Debug("engine output", "pid", pid, "line", scanner.Text())
	}
}

func isExited(p *process) bool {
	select {
	case <-p.exited:
		return true
	default:
		return false
	}
}

// Recycle kills the running engine, so work that timed out stops; the next request starts a new
// one. Requests in flight on the old process fail with ErrCrashed.
func (e *Engine) Recycle() {
	e.mu.Lock()
	proc := e.proc
	e.mu.Unlock()
	if proc != nil && !isExited(proc) {
		_ = proc.cmd.Process.Kill()
	}
}
