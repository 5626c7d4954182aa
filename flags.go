package main

import (
	"flag"
	"fmt"
	"log/slog"
	"strings"

	"github.com/imagor-studio/desktop/backend/api"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/thumbcache"
	"github.com/imagor-studio/desktop/backend/video"
)

// config contains the settings the command line gives.
type config struct {
	dataDir   string
	keyring   string
	cacheSize int64
	logLevel  slog.Level
	ffmpeg    string // -ffmpeg: "" looks ffmpeg up on PATH, video.Disabled turns it off
	paths     []string

	// The window's API switch for this run: api turns the server on, apiAddr replaces the
	// address from the settings.
	api     bool
	apiAddr string

	serve serveConfig
}

// serveConfig contains the flags `imagor-studio serve` takes beside the global ones.
type serveConfig struct {
	addr        string
	token       string
	allowRemote bool
	allowHosts  []string
	unsafe      bool
	printToken  bool
}

// newFlagSet returns a flag set named name with the flags every mode takes, which prints usage
// before the flags' defaults, and the function that parses args into cfg and checks those flags.
func newFlagSet(name, usage string, cfg *config) (*flag.FlagSet, func(args []string) error) {
	flags := flag.NewFlagSet(name, flag.ContinueOnError)
	flags.Usage = func() {
		fmt.Fprintln(flags.Output(), usage)
		flags.PrintDefaults()
	}
	check := globalFlags(flags, cfg)
	parse := func(args []string) error {
		if err := flags.Parse(args); err != nil {
			return err
		}
		return check()
	}
	return flags, parse
}

// globalFlags registers the flags every mode takes and returns the function that checks them
// after parsing.
func globalFlags(flags *flag.FlagSet, cfg *config) func() error {
	flags.StringVar(&cfg.dataDir, "data-dir", "", "folder for settings (config.db) and the thumbnail cache (default: the OS config and cache folders)")
	cacheMiB := flags.Int64("cache-size", thumbcache.DefaultMaxBytes>>20, "maximum size of the thumbnail cache, in MiB")
	flags.StringVar(&cfg.keyring, "keyring", secrets.ModeAuto, "where the key that protects saved secrets is kept: auto (the OS keychain when one responds, else a file), keychain or file")
	level := flags.String("log-level", "info", "log level: debug, info, warn or error")
	flags.StringVar(&cfg.ffmpeg, "ffmpeg", "", "ffmpeg executable for video thumbnails, a path or a name looked up on PATH (default: ffmpeg on PATH; "+video.Disabled+" turns video thumbnails off)")
	return func() error {
		if err := cfg.logLevel.UnmarshalText([]byte(*level)); err != nil {
			return fmt.Errorf("invalid -log-level %q: use debug, info, warn or error", *level)
		}
		if *cacheMiB < 16 {
			return fmt.Errorf("invalid -cache-size %d: give at least 16 (MiB)", *cacheMiB)
		}
		cfg.cacheSize = *cacheMiB << 20
		cfg.paths = flags.Args()
		return nil
	}
}

func parseFlags(args []string) (config, error) {
	var cfg config
	flags, parse := newFlagSet("imagor-studio", "usage: imagor-studio [flags] [FOLDER|FILE ...]\n"+
		"       imagor-studio serve [flags] [FOLDER ...]   (the API without a window; serve -h lists its flags)", &cfg)
	flags.BoolVar(&cfg.api, "api", false, "serve the GraphQL API on loopback for this run, whatever the settings say")
	flags.StringVar(&cfg.apiAddr, "api-addr", "", "address of the API for this run (default: 127.0.0.1 and the port from the settings, 7117)")
	if err := parse(args); err != nil {
		return config{}, err
	}
	if cfg.apiAddr != "" {
		if err := api.CheckAddr(cfg.apiAddr, false); err != nil {
			return config{}, fmt.Errorf("invalid -api-addr: %w", err)
		}
	}
	return cfg, nil
}

// hostList is a flag that may be given more than once.
type hostList []string

// String returns the names, separated by commas, for flag's usage output.
func (h *hostList) String() string { return strings.Join(*h, ",") }

// Set adds the name v, rejecting an empty one and one with a slash or a space.
func (h *hostList) Set(v string) error {
	if v == "" || strings.ContainsAny(v, "/ ") {
		return fmt.Errorf("invalid host name %q: give a name such as studio.local", v)
	}
	*h = append(*h, v)
	return nil
}

func parseServeFlags(args []string) (config, error) {
	var cfg config
	flags, parse := newFlagSet("imagor-studio serve", "usage: imagor-studio serve [flags] [FOLDER ...]\n"+
		"Serves the GraphQL API and the imagor endpoint without a window. Flags go before the folders.", &cfg)
	s := &cfg.serve
	flags.StringVar(&s.addr, "addr", api.DefaultAddr, "address to listen on, HOST:PORT; loopback only unless -allow-remote")
	flags.StringVar(&s.token, "token", "", "bearer token for this run, kept in memory only (default: the token stored in the settings)")
	flags.BoolVar(&s.allowRemote, "allow-remote", false, "allow an -addr that is not loopback, so other machines can reach the API")
	flags.Var((*hostList)(&s.allowHosts), "allow-host", "a name to accept in the Host header besides 127.0.0.1, localhost and [::1] (repeatable)")
	flags.BoolVar(&s.unsafe, "unsafe", false, "serve unsafe /imagor/ URLs without the token (local experiments only)")
	flags.BoolVar(&s.printToken, "print-token", false, "print the token stored in the settings and exit")
	if err := parse(args); err != nil {
		return config{}, err
	}
	if err := api.CheckAddr(s.addr, s.allowRemote); err != nil {
		return config{}, err
	}
	return cfg, nil
}
