package api

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"sync"

	"github.com/imagor-studio/desktop/backend/settings"
)

// apiPreferencePrefix starts the names of the preferences the Switch stores (api.enabled,
// api.port), which setPreference does not write.
const apiPreferencePrefix = "api."

// Status is the window's API server as the settings page shows it.
type Status struct {
	Enabled bool   `json:"enabled"` // the stored switch, or true for --api
	Running bool   `json:"running"`
	Port    int    `json:"port"` // the stored port
	URL     string `json:"url"`  // http://127.0.0.1:PORT/graphql while running, else ""
	Token   string `json:"token"`
	Error   string `json:"error"` // the reason it is not running although enabled, else ""
	// Override is set when the command line (--api, --api-addr) decides for this run.
	Override string `json:"override"`
}

// Switch turns the window's API server on and off from the settings, on the stored port, and
// rotates its token. It is safe for concurrent use.
type Switch struct {
	server   *Server
	settings *settings.Service
	addr     string // --api-addr, or "" for 127.0.0.1 and the stored port
	force    bool   // --api

	op sync.Mutex // held by Open, Close, SetEnabled and SetPort, which start and stop the server
	// rotate is held by RotateToken from storing the new token until the server has it, so
	// the last token stored is the server's.
	rotate  sync.Mutex
	mu      sync.Mutex
	lastErr error
}

// NewSwitch returns a Switch over server. addr and force come from the command line.
func NewSwitch(server *Server, prefs *settings.Service, addr string, force bool) *Switch {
	return &Switch{server: server, settings: prefs, addr: addr, force: force}
}

// Open starts the server when the settings or the command line turn it on. A port that is taken
// does not stop the window: Status reports it.
func (s *Switch) Open(ctx context.Context) error {
	s.op.Lock()
	defer s.op.Unlock()
	prefs, err := s.settings.APIPreferences(ctx)
	if err != nil {
		return err
	}
	if prefs.Enabled || s.force {
		s.start(prefs.Port)
	}
	return nil
}

// Close stops the server, waiting for requests in flight until ctx ends.
func (s *Switch) Close(ctx context.Context) error {
	s.op.Lock()
	defer s.op.Unlock()
	return s.server.Shutdown(ctx)
}

// Status returns the state of the server and its token.
func (s *Switch) Status(ctx context.Context) (Status, error) {
	prefs, err := s.settings.APIPreferences(ctx)
	if err != nil {
		return Status{}, err
	}
	token, err := s.settings.APIToken(ctx)
	if err != nil {
		return Status{}, err
	}
	out := Status{Enabled: prefs.Enabled || s.force, Port: prefs.Port, Token: token}
	if addr := s.server.Addr(); addr != "" {
		out.Running, out.URL = true, "http://"+addr+"/graphql"
	}
	s.mu.Lock()
	if s.lastErr != nil && out.Enabled && !out.Running {
		out.Error = s.lastErr.Error()
	}
	s.mu.Unlock()
	switch {
	case s.addr != "":
		out.Override = "This run listens on " + s.addr + " (--api-addr)."
	case s.force:
		out.Override = "This run serves the API because of --api."
	}
	return out, nil
}

// SetEnabled stores the switch and starts or stops the server.
func (s *Switch) SetEnabled(ctx context.Context, enabled bool) (Status, error) {
	s.op.Lock()
	defer s.op.Unlock()
	prefs, err := s.settings.APIPreferences(ctx)
	if err != nil {
		return Status{}, err
	}
	prefs.Enabled = enabled
	if err := s.settings.SetAPIPreferences(ctx, prefs); err != nil {
		return Status{}, err
	}
	if enabled {
		s.start(prefs.Port)
	} else if err := s.server.Shutdown(ctx); err != nil {
		return Status{}, fmt.Errorf("stop the API server: %w", err)
	}
	return s.Status(ctx)
}

// SetPort stores the port and, when the server runs on the stored port, moves it there.
func (s *Switch) SetPort(ctx context.Context, port int) (Status, error) {
	s.op.Lock()
	defer s.op.Unlock()
	prefs, err := s.settings.APIPreferences(ctx)
	if err != nil {
		return Status{}, err
	}
	prefs.Port = port
	if err := s.settings.SetAPIPreferences(ctx, prefs); err != nil {
		return Status{}, err
	}
	if s.server.Addr() != "" && s.addr == "" {
		if err := s.server.Shutdown(ctx); err != nil {
			return Status{}, fmt.Errorf("stop the API server: %w", err)
		}
		s.start(port)
	}
	return s.Status(ctx)
}

// RotateToken replaces the token; clients holding the old one get 401 from then on.
func (s *Switch) RotateToken(ctx context.Context) (Status, error) {
	s.rotate.Lock()
	token, err := s.settings.RotateAPIToken(ctx)
	if err == nil {
		s.server.SetToken(token)
	}
	s.rotate.Unlock()
	if err != nil {
		return Status{}, err
	}
	return s.Status(ctx)
}

// start listens on --api-addr or on 127.0.0.1:port and keeps the error for Status.
func (s *Switch) start(port int) {
	if s.server.Addr() != "" {
		return
	}
	addr := s.addr
	if addr == "" {
		addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	}
	_, err := s.server.Start(addr)
	s.mu.Lock()
	s.lastErr = err
	s.mu.Unlock()
	if err != nil {
		s.server.cfg.Logger.Warn("API server not started", "addr", addr, "error", err)
	}
}
