// Command imagor-studio-engine renders images for Imagor Studio Desktop. The desktop app starts
// it, talks to it over a Unix socket, and stops it by closing its standard input; it is not
// meant to be run by hand except for debugging.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/imagor-studio/desktop/backend/engine/server"
	"github.com/imagor-studio/desktop/backend/video"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "imagor-studio-engine:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	limits := server.DefaultLimits()
	flags := flag.NewFlagSet("imagor-studio-engine", flag.ContinueOnError)
	socket := flags.String("socket", "", "path of the Unix socket to listen on (required)")
	stdinExit := flags.Bool("exit-on-stdin-eof", true, "stop when standard input closes, as it does when the app exits")
	debug := flags.Bool("debug", false, "log every request")
	flags.IntVar(&limits.Concurrency, "concurrency", limits.Concurrency, "images processed at once")
	flags.IntVar(&limits.MaxSide, "max-side", limits.MaxSide, "maximum width or height of a source image, in pixels")
	flags.IntVar(&limits.MaxResolution, "max-resolution", limits.MaxResolution, "maximum width x height of a source image, in pixels")
	flags.IntVar(&limits.MaxAnimationFrames, "max-frames", limits.MaxAnimationFrames, "maximum frames of an animated image")
	previewCacheMiB := flags.Int64("preview-cache-size", limits.PreviewCacheBytes>>20, "memory for decoded sources of preview() frames, in MiB; 0 turns the cache off")
	flags.DurationVar(&limits.PreviewCacheTTL, "preview-cache-ttl", limits.PreviewCacheTTL, "how long a decoded source stays in the preview cache at most")
	ffmpeg := flags.String("ffmpeg", "", "ffmpeg executable for video thumbnails: a path, or a name looked up on PATH; \"\" looks up ffmpeg, "+video.Disabled+" turns video thumbnails off")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *previewCacheMiB < 0 {
		return fmt.Errorf("invalid -preview-cache-size %d: give 0 or more (MiB)", *previewCacheMiB)
	}
	limits.PreviewCacheBytes = *previewCacheMiB << 20
	if *socket == "" {
		return errors.New("missing -socket: give the path of the Unix socket to listen on")
	}

	level := slog.LevelInfo
	if *debug {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	if path, err := video.Locate(*ffmpeg); err != nil {
		logger.Info("video thumbnails off", "reason", err)
	} else {
		limits.FFmpeg = path
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *stdinExit {
		ctx = stopOnEOF(ctx, os.Stdin)
	}
	return serve(ctx, *socket, limits, logger)
}

// serve listens on socket until ctx ends, then finishes requests in flight for up to 5 s.
func serve(ctx context.Context, socket string, limits server.Limits, logger *slog.Logger) error {
	_ = os.Remove(socket)
	listener, err := net.Listen("unix", socket)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", socket, err)
	}
	defer os.Remove(socket)

	engine := server.New(limits, logger)
	if err := engine.Startup(); err != nil {
		return err
	}
	httpServer := &http.Server{Handler: engine, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- httpServer.Serve(listener) }()
	logger.Info("engine ready", "socket", socket, "concurrency", limits.Concurrency)

	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil {
		logger.Warn("requests still running at shutdown", "error", err)
	}
	logger.Info("engine stopped")
	return engine.Shutdown()
}

// stopOnEOF returns a context that ends when r reaches EOF or fails, so the engine exits with the
// app even when the app is killed and cannot stop it.
func stopOnEOF(parent context.Context, r io.Reader) context.Context {
	ctx, cancel := context.WithCancel(parent)
	go func() {
		defer cancel()
		_, _ = io.Copy(io.Discard, r)
	}()
	return ctx
}
