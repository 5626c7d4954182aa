package main

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/api"
	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/fileops"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/remote"
	"github.com/imagor-studio/desktop/backend/s3"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/sqlite"
	"github.com/imagor-studio/desktop/backend/thumbcache"
	"github.com/imagor-studio/desktop/backend/video"
	"github.com/imagor-studio/desktop/backend/watch"
)

// services is every backend part the window and the headless server share, wired together.
type services struct {
	logger    *slog.Logger
	cache     *thumbcache.Cache
	engine    *engine.Engine
	db        *sqlite.DB
	settings  *settings.Service
	libraries *library.Set
	buckets   *s3.Pool
	lister    *listing.Lister
	watcher   *watch.Watcher
	router    *remote.Router
	images    *imagehandler.Handler
	files     *fileops.Service // shared by the window and the API, so undo covers both
	media     *video.Server
	desktop   *app.App
	// dataFolders are the config and cache folders, which the API neither imports from nor
	// exports into.
	dataFolders []string
	closers     []func() // run by close in reverse order
}

// openServices opens the cache, the engine and the settings, and restores the libraries. The
// caller must call close.
func openServices(cfg config, logger *slog.Logger) (*services, error) {
	s := &services{logger: logger}
	if err := s.open(cfg); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// open opens the cache, the engine and the settings, then the libraries and what follows them.
// It keeps a closer for each part it opened, so close releases them after an error too.
func (s *services) open(cfg config) error {
	cacheDir, err := cacheFolder(cfg.dataDir)
	if err != nil {
		return err
	}
	s.cache = openCache(cacheDir, cfg.cacheSize, s.logger)
	if s.cache != nil {
		s.closers = append(s.closers, func() { s.cache.Close() })
	}
	configPath, err := configFile(cfg.dataDir)
	if err != nil {
		return err
	}
	s.dataFolders = []string{filepath.Dir(configPath), cacheDir}

	ffmpeg := locateFFmpeg(cfg.ffmpeg, s.logger)
	s.engine, err = engine.New(engine.Config{
		Logger: s.logger.With("subsystem", "engine"),
		Args:   []string{"-ffmpeg", cmp.Or(ffmpeg, video.Disabled)},
	})
	if err != nil {
		return err
	}
	s.closers = append(s.closers, func() { s.engine.Close() })

	s.db, s.settings, err = openSettings(configPath, cfg.keyring, s.logger)
	if err != nil {
		return err
	}
	s.closers = append(s.closers, func() { s.db.Close() })
	return s.openLibraries(cfg, ffmpeg)
}

// openLibraries restores the libraries and wires the parts that follow them: the media server,
// the file operations, the folder watcher, the window's app and the image handler.
func (s *services) openLibraries(cfg config, ffmpeg string) error {
	var err error
	s.libraries = library.NewSet(s.settings.Libraries())
	s.buckets = s3.NewPool()
	s.lister = listing.NewLister(2 * time.Second)
	s.media, err = video.Listen(s.libraries, s.logger.With("subsystem", "media"))
	if err != nil {
		return err
	}
	s.closers = append(s.closers, func() { s.media.Close() })
	s.libraries.OnChange(func([]library.Library) {
		syncEngine(s.engine, s.buckets, s.libraries, s.logger)
	})
	s.files = fileops.New(s.libraries, s.buckets, s.logger.With("subsystem", "files"))
	s.files.Protect(s.dataFolders...)

	// The watcher reports to the app, which is created after it. No event is lost, because no
	// folder is watched before the window requests one through the app.
	s.watcher, err = watch.New(watch.Options{
		Libraries: s.libraries,
		Lister:    s.lister,
		Notify:    func(ev watch.Event) { s.desktop.FolderEvent(ev) },
		Logger:    s.logger.With("subsystem", "watch"),
	})
	if err != nil {
		return err
	}
	s.closers = append(s.closers, func() { s.watcher.Close() })
	s.libraries.OnChange(s.watcher.SyncLibraries)

	s.desktop = app.New(app.Services{
		Files:     s.files,
		Libraries: s.libraries,
		Lister:    s.lister,
		Engine:    s.engine,
		Buckets:   s.buckets,
		Settings:  s.settings,
		Logger:    s.logger,
		Media:     s.media,
		FFmpeg:    ffmpeg,
		Watcher:   s.watcher,
	})
	s.libraries.OnChange(func([]library.Library) { s.desktop.LibrariesChanged() })
	if err := s.desktop.Restore(context.Background()); err != nil {
		return err
	}
	s.desktop.OpenPaths(cfg.paths)

	s.router = remote.New(s.engine, s.settings.PreviewServer, s.logger.With("subsystem", "remote"))
	s.desktop.SetRemote(s.router)
	s.images = imagehandler.New(s.router, s.cache, s.logger.With("subsystem", "images"))
	return nil
}

// apiServices returns the parts the GraphQL API calls: the same instances as the window's.
func (s *services) apiServices() *api.Services {
	return &api.Services{
		Libraries: s.libraries, Lister: s.lister, Engine: s.engine, Buckets: s.buckets,
		Settings: s.settings, Images: s.images, Router: s.router, Files: s.files,
		DataFolders: s.dataFolders, Logger: s.logger.With("subsystem", "api"),
	}
}

// locateFFmpeg returns the ffmpeg that grabs video frames, or "" when there is none; the
// gallery then shows video tiles without a picture.
func locateFFmpeg(configured string, logger *slog.Logger) string {
	path, err := video.Locate(configured)
	switch {
	case err != nil && configured != "" && configured != video.Disabled:
		logger.Warn("video thumbnails off: fix -ffmpeg", "ffmpeg", configured, "error", err)
		return ""
	case err != nil:
		logger.Info("video thumbnails off", "reason", err)
		return ""
	}
	logger.Info("video thumbnails on", "ffmpeg", path)
	return path
}

// close releases what open acquired, the last first.
func (s *services) close() {
	for i := len(s.closers) - 1; i >= 0; i-- {
		s.closers[i]()
	}
	s.closers = nil
}

// openSettings opens config.db at configPath and the secrets key in the given keyring mode (auto,
// keychain or file), and makes sure the app's own URL signing secret exists.
func openSettings(configPath, keyring string, logger *slog.Logger) (*sqlite.DB, *settings.Service, error) {
	db, err := sqlite.Open(context.Background(), configPath)
	if err != nil {
		return nil, nil, err
	}
	box, err := secrets.OpenBox(context.Background(), secrets.Options{
		Mode: keyring, DataDir: filepath.Dir(configPath), Logger: logger.With("subsystem", "secrets"),
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

// openCache opens the thumbnail cache in dir, or returns nil when it cannot be opened (a full
// disk, a folder without write permission). The app then runs without it and renders every
// thumbnail again, which is slower but loses nothing.
func openCache(dir string, maxBytes int64, logger *slog.Logger) *thumbcache.Cache {
	cache, err := thumbcache.Open(dir, maxBytes, logger.With("subsystem", "cache"))
	if err != nil {
		logger.Warn("thumbnail cache off, so every thumbnail is rendered again: free space or fix the folder's permissions, then restart",
			"folder", dir, "error", err)
		return nil
	}
	return cache
}
