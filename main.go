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
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/remote"
	"github.com/imagor-studio/desktop/backend/s3"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/sqlite"
	"github.com/imagor-studio/desktop/backend/thumbcache"
)

//go:embed all:frontend/dist
var assets embed.FS

// config is the settings the command line gives.
type config struct {
	dataDir   string
	keyring   string
	cacheSize int64
	logLevel  slog.Level
	paths     []string
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "imagor-studio:", err)
		os.Exit(1)
	}
}

func parseFlags(args []string) (config, error) {
	var cfg config
	flags := flag.NewFlagSet("imagor-studio", flag.ContinueOnError)
	flags.Usage = func() {
		fmt.Fprintln(flags.Output(), "usage: imagor-studio [flags] [FOLDER|FILE ...]")
		flags.PrintDefaults()
	}
	flags.StringVar(&cfg.dataDir, "data-dir", "", "folder for settings (config.db) and the thumbnail cache (default: the OS config and cache folders)")
	cacheMiB := flags.Int64("cache-size", thumbcache.DefaultMaxBytes>>20, "maximum size of the thumbnail cache, in MiB")
	flags.StringVar(&cfg.keyring, "keyring", secrets.ModeAuto, "where the key that protects saved secrets is kept: auto (the OS keychain when one answers, else a file), keychain or file")
	level := flags.String("log-level", "info", "log level: debug, info, warn or error")
	if err := flags.Parse(args); err != nil {
		return config{}, err
	}
	if err := cfg.logLevel.UnmarshalText([]byte(*level)); err != nil {
		return config{}, fmt.Errorf("invalid -log-level %q: use debug, info, warn or error", *level)
	}
	if *cacheMiB < 16 {
		return config{}, fmt.Errorf("invalid -cache-size %d: give at least 16 (MiB)", *cacheMiB)
	}
	cfg.cacheSize = *cacheMiB << 20
	cfg.paths = flags.Args()
	return cfg, nil
}

func run(args []string) error {
	cfg, err := parseFlags(args)
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

	cacheDir, err := cacheFolder(cfg.dataDir)
	if err != nil {
		return err
	}
	cache, err := thumbcache.Open(cacheDir, cfg.cacheSize, logger.With("subsystem", "cache"))
	if err != nil {
		return err
	}
	defer cache.Close()

	eng, err := engine.New(engine.Config{Logger: logger.With("subsystem", "engine")})
	if err != nil {
		return err
	}
	defer eng.Close()

	config, prefs, err := openSettings(cfg, logger)
	if err != nil {
		return err
	}
	defer config.Close()

	libraries := library.NewSet(prefs.Libraries())
	buckets := s3.NewPool()
	libraries.OnChange(func([]library.Library) {
		syncEngine(eng, buckets, libraries, logger)
	})
	desktop := app.New(app.Services{
		Libraries: libraries,
		Lister:    listing.NewLister(2 * time.Second),
		Engine:    eng,
		Buckets:   buckets,
		Settings:  prefs,
		Logger:    logger,
	})
	if err := desktop.Restore(context.Background()); err != nil {
		return err
	}
	desktop.OpenPaths(cfg.paths)

	router := remote.New(eng, prefs.PreviewServer, logger.With("subsystem", "remote"))
	desktop.SetRemote(router)
	images := imagehandler.New(router, cache, logger.With("subsystem", "images"))
	return wails.Run(windowOptions(desktop, images, logger))
}

// openSettings opens config.db and the secrets key, and makes sure the app's own URL signing
// secret exists.
func openSettings(cfg config, logger *slog.Logger) (*sqlite.DB, *settings.Service, error) {
	configPath, err := configFile(cfg.dataDir)
	if err != nil {
		return nil, nil, err
	}
	db, err := sqlite.Open(context.Background(), configPath)
	if err != nil {
		return nil, nil, err
	}
	box, err := secrets.OpenBox(context.Background(), secrets.Options{
		Mode: cfg.keyring, DataDir: filepath.Dir(configPath), Logger: logger.With("subsystem", "secrets"),
	})
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	prefs := settings.New(db, box)
	if _, err := prefs.AppSecret(context.Background(), settings.SecretURLSigning); err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, prefs, nil
}

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

// syncEngine hands the current libraries to the engine and to the S3 client pool.
func syncEngine(eng *engine.Engine, buckets *s3.Pool, libraries *library.Set, logger *slog.Logger) {
	ctx := context.Background()
	if err := eng.SetLibraries(ctx, libraries.Paths()); err != nil {
		logger.Warn("engine libraries not updated", "error", err)
	}
	configs := map[string]s3.Config{}
	for id, bucket := range libraries.Buckets() {
		configs[id] = s3.Config(bucket)
	}
	if err := buckets.Sync(configs); err != nil {
		logger.Warn("S3 library not opened", "error", err)
	}
	if err := eng.SetS3Libraries(ctx, configs); err != nil {
		logger.Warn("engine S3 libraries not updated", "error", err)
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

// configFile returns the path of config.db, creating its folder.
func configFile(dataDir string) (string, error) {
	dir := dataDir
	if dir == "" {
		base, err := os.UserConfigDir()
		if err != nil {
			return "", fmt.Errorf("find the config folder: %w; pass -data-dir", err)
		}
		dir = filepath.Join(base, "imagor-studio")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("create the config folder: %w", err)
	}
	return filepath.Join(dir, "config.db"), nil
}

func cacheFolder(dataDir string) (string, error) {
	if dataDir != "" {
		return filepath.Join(dataDir, "cache"), nil
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("find the cache folder: %w; pass -data-dir", err)
	}
	return filepath.Join(base, "imagor-studio"), nil
}
