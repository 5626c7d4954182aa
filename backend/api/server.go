// Package api is the GraphQL API of the app on a loopback port: POST /graphql for scripts, a
// query page at GET /graphql, and the imagor endpoint under /imagor/. The window serves it
// when the user turns it on, and `imagor-studio serve` runs it without a window. Its resolvers
// call the same backend services as the window's bound methods.
package api

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/imagor-studio/desktop/backend/settings"
)

// Limits of every request, as numbers a client can plan with.
const (
	MaxDepth = 12 // nesting of fields in one operation
	// MaxIntrospectionDepth bounds the nesting under __schema and __type, whose standard query
	// (graphql-js 17's getIntrospectionQuery) is 14 deep.
	MaxIntrospectionDepth = 16
	// MaxSchemaFields bounds the fields selected under __schema, fragments expanded, which
	// the complexity limit does not count. graphql-js 17's getIntrospectionQuery selects 230.
	MaxSchemaFields = 500
	MaxComplexity   = 5000    // gqlgen's complexity: one per field, times first for folder entries
	MaxBodyBytes    = 1 << 20 // request body of POST /graphql
	ReadTimeout     = 10 * time.Second
	RenderTimeout   = 60 * time.Second // one GraphQL request, and one render of the image handler
)

// DefaultAddr is the address of `imagor-studio serve` unless --addr gives another.
const DefaultAddr = "127.0.0.1:7117"

// Config configures a Server.
type Config struct {
	// Token is the bearer token every GraphQL request and every unsafe image URL needs. An empty
	// token lets nothing in.
	Token string
	// AllowHosts are more names accepted in the Host header, beside 127.0.0.1, localhost and
	// [::1], each with the listening port.
	AllowHosts []string
	// AllowRemote lets Listen bind an address other than loopback.
	AllowRemote bool
	// Unsafe serves unsafe /imagor/ URLs without the token, for local experiments.
	Unsafe bool
	Logger *slog.Logger
}

// Server is the API's HTTP server. It is safe for concurrent use.
type Server struct {
	svc           *Services
	cfg           Config
	signingSecret string // settings.SecretURLSigning
	token         atomic.Pointer[[sha256.Size]byte]

	mu     sync.Mutex
	http   *http.Server
	addr   string // the address it listens on, once listening
	closed chan struct{}
}

// New returns a Server over svc. It reads the app's URL signing secret, which does not change
// while the app runs.
func New(ctx context.Context, svc *Services, cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	secret, err := svc.Settings.AppSecret(ctx, settings.SecretURLSigning)
	if err != nil {
		return nil, fmt.Errorf("read the URL signing secret: %w", err)
	}
	s := &Server{svc: svc, cfg: cfg, signingSecret: secret}
	s.SetToken(cfg.Token)
	return s, nil
}

// SetToken replaces the bearer token; requests with the old one get 401 from then on.
func (s *Server) SetToken(token string) {
	var sum *[sha256.Size]byte
	if token != "" {
		h := sha256.Sum256([]byte(token))
		sum = &h
	}
	s.token.Store(sum)
}

// CheckAddr rejects an address that is not loopback, unless allowRemote is set.
func CheckAddr(addr string, allowRemote bool) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("invalid address %q: give HOST:PORT such as %s", addr, DefaultAddr)
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return fmt.Errorf("invalid address %q: port %q is not a number from 0 to 65535", addr, port)
	}
	if allowRemote || host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("address %q is not a loopback address, so other machines could reach the API: "+
		"use 127.0.0.1:PORT, or pass --allow-remote to serve the network on purpose", addr)
}

// Start listens on addr and serves in the background. It returns the address it listens on,
// which differs from addr when addr's port is 0.
func (s *Server) Start(addr string) (string, error) {
	if err := CheckAddr(addr, s.cfg.AllowRemote); err != nil {
		return "", err
	}
	if current := s.Addr(); current != "" {
		return "", fmt.Errorf("listen on %s: the API server already listens on %s; stop it first", addr, current)
	}
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		return "", fmt.Errorf("listen on %s: %w; pick another port", addr, err)
	}
	port := listener.Addr().(*net.TCPAddr).Port
	srv := &http.Server{
		Handler:           s.Handler(port),
		ReadTimeout:       ReadTimeout,
		ReadHeaderTimeout: ReadTimeout,
		WriteTimeout:      RenderTimeout + 15*time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelDebug),
	}
	s.mu.Lock()
	s.http, s.addr, s.closed = srv, listener.Addr().String(), make(chan struct{})
	closed := s.closed
	s.mu.Unlock()

	go func() {
		defer close(closed)
		if err := srv.Serve(listener); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.cfg.Logger.Error("API server stopped", "addr", listener.Addr().String(), "error", err)
		}
	}()
	s.cfg.Logger.Info("API server listening", "addr", listener.Addr().String())
	return listener.Addr().String(), nil
}

// Addr returns the address the server listens on, or "" when it is stopped.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addr
}

// Shutdown stops listening, waits for the requests in flight until ctx ends, and returns when
// the server's goroutine has finished. It does nothing on a stopped server.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	srv, closed := s.http, s.closed
	s.http, s.addr = nil, ""
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	err := srv.Shutdown(ctx)
	if err != nil {
		err = errors.Join(err, srv.Close())
	}
	<-closed
	s.cfg.Logger.Info("API server stopped")
	return err
}
