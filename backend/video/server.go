package video

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
	"strings"
	"time"

	"github.com/imagor-studio/desktop/backend/listing"
)

// Roots gives the open folder of a library; library.Set implements it. The server does not
// close the roots it gets.
type Roots interface {
	Root(id string) (*os.Root, error)
}

// contentTypes are the media types of the video extensions the gallery lists.
var contentTypes = map[string]string{
	".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/quicktime",
	".webm": "video/webm", ".mkv": "video/x-matroska",
}

// Server serves video files of the open libraries over HTTP on 127.0.0.1, for the webview's
// media player. Every URL carries a random token made at start, so another local user cannot
// guess a URL. A request must name the server's own address as its Host, so a web page that
// rebinds a DNS name to 127.0.0.1 cannot read the library. Files are opened through the
// library's os.Root, so no path leads outside it, and only video files are served.
type Server struct {
	roots    Roots
	token    string
	host     string // 127.0.0.1:port, the only Host accepted
	listener net.Listener
	http     *http.Server
	logger   *slog.Logger
	done     chan error
}

// Listen starts a Server on a random loopback port. Close stops it.
func Listen(roots Roots, logger *slog.Logger) (*Server, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	secret := make([]byte, 24)
	if _, err := rand.Read(secret); err != nil {
		return nil, fmt.Errorf("make media server token: %w", err)
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start media server: %w", err)
	}
	s := &Server{
		roots: roots, token: base64.RawURLEncoding.EncodeToString(secret),
		host: listener.Addr().String(), listener: listener, logger: logger, done: make(chan error, 1),
	}
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
	go func() { s.done <- s.http.Serve(listener) }()
	logger.Info("media server started", "address", s.host)
	return s, nil
}

// Close stops the server and waits for its connections to close, at most 2 s.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	err := s.http.Shutdown(ctx)
	if errors.Is(<-s.done, http.ErrServerClosed) || err == nil {
		s.logger.Info("media server stopped")
	}
	return err
}

// Host returns the server's address, 127.0.0.1:port.
func (s *Server) Host() string {
	return s.host
}

// URL returns the address of the file rel (slash-separated) of a library.
func (s *Server) URL(libraryID, rel string) string {
	segments := strings.Split(rel, "/")
	for i, seg := range segments {
		segments[i] = url.PathEscape(seg)
	}
	return "http://" + s.host + "/" + s.token + "/" + url.PathEscape(libraryID) + "/" + strings.Join(segments, "/")
}

// ServeHTTP serves GET and HEAD requests for video files, with Range support.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	if r.Host != s.host {
		http.Error(w, "wrong host", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	token, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	if subtle.ConstantTimeCompare([]byte(token), []byte(s.token)) != 1 {
		http.NotFound(w, r)
		return
	}
	id, rel, _ := strings.Cut(rest, "/")
	if err := checkRel(rel); err != nil {
		http.Error(w, err.Error(), http.StatusForbidden)
		return
	}
	if listing.KindOf(rel) != listing.KindVideo {
		http.Error(w, "not a video file", http.StatusNotFound)
		return
	}
	s.serveFile(w, r, id, rel)
}

// checkRel rejects a path that is empty, absolute, or has an empty, "." or ".." segment.
func checkRel(rel string) error {
	if rel == "" || strings.ContainsRune(rel, 0) || strings.ContainsRune(rel, '\\') {
		return errors.New("invalid path")
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return errors.New("path is outside the library")
		}
	}
	return nil
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, id, rel string) {
	root, err := s.roots.Root(id)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	// Opening a named pipe blocks until another process writes to it, so only a regular file
	// is opened. The check is repeated on the open file below.
	info, err := root.Stat(rel)
	if err == nil && !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	var file *os.File
	if err == nil {
		file, err = root.Open(rel)
	}
	if err != nil {
		status := http.StatusNotFound
		if !errors.Is(err, fs.ErrNotExist) {
			status = http.StatusForbidden // a symlink out of the library, or no permission
		}
		s.logger.Debug("media file not served", "library", id, "path", rel, "error", err)
		http.Error(w, http.StatusText(status), status)
		return
	}
	defer file.Close()
	info, err = file.Stat()
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", contentTypes[strings.ToLower(path.Ext(rel))])
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", info.ModTime(), file)
}
