package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/imagor-studio/desktop/backend/api"
)

// minTokenLength is the length below which serve warns about a --token: 32 characters of
// random text carry well over 128 bits.
const minTokenLength = 32

// runServe runs the API and the engine without a window until SIGINT or SIGTERM. It creates no
// GTK object, so it works without a display.
func runServe(cfg config, logger *slog.Logger) error {
	folders := cfg.paths
	cfg.paths = nil
	svc, err := openServices(cfg, logger)
	if err != nil {
		return err
	}
	defer svc.close()

	ctx := context.Background()
	if cfg.serve.printToken {
		token, err := svc.settings.APIToken(ctx)
		if err != nil {
			return err
		}
		fmt.Println(token)
		return nil
	}
	if err := addFolders(ctx, svc, folders); err != nil {
		return err
	}
	token := cfg.serve.token
	if token == "" {
		if token, err = svc.settings.APIToken(ctx); err != nil {
			return err
		}
	} else if len(token) < minTokenLength {
		logger.Warn("the -token is short and easy to guess; use at least 32 random characters", "length", len(token))
	}

	server, err := api.New(ctx, svc.apiServices(), api.Config{
		Token: token, AllowHosts: cfg.serve.allowHosts, AllowRemote: cfg.serve.allowRemote,
		Unsafe: cfg.serve.unsafe, Logger: logger.With("subsystem", "api"),
	})
	if err != nil {
		return err
	}
	addr, err := server.Start(cfg.serve.addr)
	if err != nil {
		return err
	}
	fmt.Printf("imagor-studio: serving http://%s/graphql (imagor under http://%s/imagor/)\n", addr, addr)

	stop, cancel := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer cancel()
	<-stop.Done()
	logger.Info("stopping: finishing the requests in flight")
	shutdown, cancelShutdown := context.WithTimeout(ctx, api.RenderTimeout+5*time.Second)
	defer cancelShutdown()
	return server.Shutdown(shutdown)
}

// addFolders opens each folder as a library and puts them first, in the order given.
func addFolders(ctx context.Context, svc *services, folders []string) error {
	for i, folder := range folders {
		abs, err := filepath.Abs(folder)
		if err != nil {
			return fmt.Errorf("folder %q: %w", folder, err)
		}
		lib, err := svc.libraries.Add(abs)
		if err != nil {
			return fmt.Errorf("open folder %q: %w", folder, err)
		}
		if err := svc.libraries.Move(ctx, lib.ID, i); err != nil {
			return fmt.Errorf("put folder %q first: %w", folder, err)
		}
	}
	return nil
}

// openWindowAPI makes the window's API server and its switch, and starts it when the settings
// or --api turn it on. The caller must call Close on the switch.
func openWindowAPI(ctx context.Context, cfg config, svc *services, logger *slog.Logger) (*api.Switch, error) {
	token, err := svc.settings.APIToken(ctx)
	if err != nil {
		return nil, err
	}
	server, err := api.New(ctx, svc.apiServices(), api.Config{Token: token, Logger: logger.With("subsystem", "api")})
	if err != nil {
		return nil, err
	}
	sw := api.NewSwitch(server, svc.settings, cfg.apiAddr, cfg.api)
	if err := sw.Open(ctx); err != nil {
		return nil, err
	}
	svc.desktop.SetAPI(sw)
	return sw, nil
}
