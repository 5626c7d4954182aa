package main

import (
	"flag"
	"fmt"
	"log/slog"

	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/thumbcache"
	"github.com/imagor-studio/desktop/backend/video"
)

// config is the settings the command line gives.
type config struct {
	dataDir   string
	keyring   string
	cacheSize int64
	logLevel  slog.Level
	ffmpeg    string // -ffmpeg: "" looks ffmpeg up on PATH, video.Disabled turns it off
	paths     []string
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
	flags.StringVar(&cfg.ffmpeg, "ffmpeg", "", "ffmpeg executable for video thumbnails, a path or a name looked up on PATH (default: ffmpeg on PATH; "+video.Disabled+" turns video thumbnails off)")
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
