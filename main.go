// Command imagor-studio is Imagor Studio Desktop: a gallery and non-destructive editor for images
// served through imagor URLs. It opens the folders given as arguments.
package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"

	"github.com/imagor-studio/desktop/backend/secrets"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "imagor-studio:", err)
		os.Exit(1)
	}
}

// run opens the window, or runs the headless server for "serve". The window and the server wire
// the same services (services.go).
func run(args []string) error {
	parse := parseFlags
	serve := len(args) > 0 && args[0] == "serve"
	if serve {
		parse, args = parseServeFlags, args[1:]
	}
	cfg, err := parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.logLevel}))
	if generatingBindings {
		dir, err := os.MkdirTemp("", "imagor-studio-bindings-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.dataDir, cfg.keyring = dir, secrets.ModeFile
	}

	if serve {
		return runServe(cfg, logger)
	}
	if !generatingBindings {
		if err := checkDisplay(); err != nil {
			return err
		}
	}

	svc, err := openServices(cfg, logger)
	if err != nil {
		return err
	}
	defer svc.close()
	apiSwitch, err := openWindowAPI(context.Background(), cfg, svc, logger)
	if err != nil {
		return err
	}
	defer func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := apiSwitch.Close(ctx); err != nil {
			logger.Warn("API server not stopped cleanly", "error", err)
		}
	}()
	return wails.Run(windowOptions(svc.desktop, svc.images, logger))
}
