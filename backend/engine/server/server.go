// Package server is the engine's HTTP side: imagor 1.9.4 with the libvips processor, reading
// library folders through rootloader, plus two control endpoints for the desktop app. It links
// libvips and must never share a process with GTK.
package server

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"time"

	"github.com/cshum/imagor"
	"github.com/cshum/imagor/processor/vipsprocessor"
	"go.uber.org/zap"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
	"github.com/imagor-studio/desktop/backend/engine/s3loader"
	"github.com/imagor-studio/desktop/backend/s3"
)

// Paths of the control endpoints. Everything else is an imagor request.
const (
	HealthPath      = "/-/health"
	LibrariesPath   = "/-/libraries"
	S3LibrariesPath = "/-/s3-libraries"
)

// maxQueued is how many requests may wait for a free slot in the engine.
const maxQueued = 4096

// Limits bound what one request may decode. The defaults let a 12,000 x 3,000 panorama through
// and refuse a decompression bomb from its header, before any pixel is decoded.
type Limits struct {
	MaxSide            int // pixels on either side
	MaxResolution      int // width x height
	MaxAnimationFrames int
	Concurrency        int // images processed at once
	// PreviewCacheBytes is the budget of imagor's in-memory image cache, which keeps a decoded
	// copy of each source (at most 2400 x 2000) for requests with the preview() filter; 0 turns
	// the cache off. The cache is keyed by image key only, so the editor puts the file version
	// in the key of its preview frames.
	PreviewCacheBytes int64
	// PreviewCacheTTL is how long a cached source stays at most. Entries of old file versions
	// leave when it runs out or earlier, when the byte budget evicts them.
	PreviewCacheTTL time.Duration
	// FFmpeg is the ffmpeg executable that grabs the frames of video thumbnails. "" turns
	// video frames off, and video keys then fail with a message to install ffmpeg.
	FFmpeg string
}

// DefaultLimits returns the limits the desktop app runs the engine with.
func DefaultLimits() Limits {
	return Limits{
		MaxSide:            65000,
		MaxResolution:      200_000_000,
		MaxAnimationFrames: 500,
		Concurrency:        runtime.NumCPU(),
		PreviewCacheBytes:  256 << 20,
		PreviewCacheTTL:    10 * time.Minute,
	}
}

// Health is the body of a health response.
type Health struct {
	Imagor string `json:"imagor"`
	Vips   string `json:"vips"`
	Pid    int    `json:"pid"`
}

// Server is the engine's http.Handler. Create it with New, call Startup before serving and
// Shutdown after.
type Server struct {
	app    *imagor.Imagor
	loader *rootloader.Loader
	s3     *s3loader.Loader
	mux    *http.ServeMux
	logger *slog.Logger
	limits Limits
	// slots bounds the images rendered at once, by the fast path and imagor together.
	slots chan struct{}
}

// New builds the imagor app on the libvips processor with the given limits. It serves unsafe
// paths, because only the desktop app can reach the engine's socket.
func New(limits Limits, logger *slog.Logger) *Server {
	loader := rootloader.New()
	loader.SetFFmpeg(limits.FFmpeg)
	buckets := s3loader.New()
	processor := vipsprocessor.NewProcessor(
		vipsprocessor.WithMaxWidth(limits.MaxSide),
		vipsprocessor.WithMaxHeight(limits.MaxSide),
		vipsprocessor.WithMaxResolution(limits.MaxResolution),
		vipsprocessor.WithMaxAnimationFrames(limits.MaxAnimationFrames),
		vipsprocessor.WithConcurrency(1),
		vipsprocessor.WithCacheSize(limits.PreviewCacheBytes),
		vipsprocessor.WithCacheTTL(limits.PreviewCacheTTL),
		vipsprocessor.WithLogger(zap.NewNop()),
	)
	app := imagor.New(
		// One routing loader, so a key gets the error of its own library's loader: imagor
		// reports the last loader's error when several are registered.
		imagor.WithLoaders(buckets.WithFallback(loader)),
		imagor.WithProcessors(processor),
		imagor.WithProcessConcurrency(int64(limits.Concurrency)),
		// Requests beyond the concurrency wait instead of failing with 429: the app schedules
		// its own loads, and a grid page requests more images than there are CPUs.
		imagor.WithProcessQueueSize(maxQueued),
		imagor.WithUnsafe(true),
		imagor.WithLogger(zap.NewNop()),
	)
	s := &Server{
		app: app, loader: loader, s3: buckets, mux: http.NewServeMux(), logger: logger,
		limits: limits, slots: make(chan struct{}, max(limits.Concurrency, 1)),
	}
	s.mux.HandleFunc("GET "+HealthPath, s.health)
	s.mux.HandleFunc("PUT "+LibrariesPath, s.putLibraries)
	s.mux.HandleFunc("GET "+LibrariesPath, s.getLibraries)
	s.mux.HandleFunc("PUT "+S3LibrariesPath, s.putS3Libraries)
	s.mux.HandleFunc("GET "+S3LibrariesPath, s.getS3Libraries)
	s.mux.HandleFunc("/", s.serveImage)
	return s
}

// Startup starts libvips. It must be called once before the first request.
func (s *Server) Startup() error {
	if err := s.app.Startup(context.Background()); err != nil {
		return fmt.Errorf("start imagor: %w", err)
	}
	tuneVips()
	return nil
}

// serveImage serves an imagor request: through the fast path when it takes the request, else
// through imagor. It waits for a free slot first.
func (s *Server) serveImage(w http.ResponseWriter, r *http.Request) {
	select {
	case s.slots <- struct{}{}:
		defer func() { <-s.slots }()
	case <-r.Context().Done():
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"message": "request cancelled while waiting for the engine"})
		return
	}
	if r.Method == http.MethodGet {
		if req, ok := parseFast(r.URL.EscapedPath()); ok && s.serveFast(w, req) {
			return
		}
		if key, ok := parseFastMeta(r.URL.EscapedPath()); ok && s.serveFastMeta(w, key) {
			return
		}
	}
	s.app.ServeHTTP(w, r)
}

// Shutdown stops imagor and libvips.
func (s *Server) Shutdown() error {
	if err := s.app.Shutdown(context.Background()); err != nil {
		return fmt.Errorf("stop imagor: %w", err)
	}
	return nil
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mux.ServeHTTP(w, r)
}

func (s *Server) health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, Health{Imagor: imagor.Version, Vips: vipsVersion(), Pid: os.Getpid()})
}

func (s *Server) getLibraries(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.loader.Libraries())
}

func (s *Server) putLibraries(w http.ResponseWriter, r *http.Request) {
	var libraries map[string]string
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&libraries); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "invalid library map: " + err.Error()})
		return
	}
	if err := s.loader.SetLibraries(libraries); err != nil {
		s.logger.Warn("library not opened", "error", err)
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"message": err.Error()})
		return
	}
	s.logger.Debug("libraries set", "count", len(libraries))
	w.WriteHeader(http.StatusNoContent)
}

// getS3Libraries returns the S3 libraries without their secret keys.
func (s *Server) getS3Libraries(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.s3.Libraries())
}

func (s *Server) putS3Libraries(w http.ResponseWriter, r *http.Request) {
	var libraries map[string]s3.Config
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&libraries); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "invalid S3 library map: " + err.Error()})
		return
	}
	if err := s.s3.SetLibraries(libraries); err != nil {
		s.logger.Warn("S3 library not opened", "error", err)
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"message": err.Error()})
		return
	}
	s.logger.Debug("S3 libraries set", "count", len(libraries))
	w.WriteHeader(http.StatusNoContent)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
