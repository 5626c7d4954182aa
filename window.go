package main

import (
	"errors"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/imagehandler"
)

// windowOptions describes the window, its assets and its bindings.
func windowOptions(desktop *app.App, images http.Handler, logger *slog.Logger) *options.App {
	return &options.App{
		Title:     "Imagor Studio",
		Width:     1280,
		Height:    800,
		MinWidth:  720,
		MinHeight: 480,
		AssetServer: &assetserver.Options{
			Assets:     assets,
			Middleware: serveImages(images),
		},
		BackgroundColour: options.NewRGB(24, 24, 27),
		OnStartup:        desktop.Startup,
		OnShutdown:       desktop.Shutdown,
		Bind:             desktop.Bindings(),
		Menu:             desktop.Menu(),
		DragAndDrop:      &options.DragAndDrop{EnableFileDrop: true, DisableWebViewDrop: true},
		Logger:           app.WailsLogger{Logger: logger},
	}
}

// serveImages sends /imagor/ requests to images before Wails looks for a static asset.
func serveImages(images http.Handler) assetserver.Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.URL.Path, imagehandler.Prefix+"/") {
				images.ServeHTTP(w, r)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// checkDisplay fails with advice when a Linux or BSD session has no display for the window, where
// GTK would otherwise stop the app with a panic.
func checkDisplay() error {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		return nil
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	return errors.New("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): " +
		"start it from a desktop session, or run `imagor-studio serve` for the API without a window")
}
