// Command bench is the benchmark harness of Imagor Studio Desktop. It builds a fixed corpus
// (Debian's wallpaper photographs plus generated 12 MP JPEGs, PNGs with alpha, AVIF and an
// animated GIF) and renders the same fit-inside WebP outputs with every peer: the app's image
// handler on the real engine process, sharp, a C program that calls libvips directly (the floor)
// and a plain imagor 1.9.4 server. Peers take turns within each round, so a change of load on the
// machine reaches all of them. It writes docs/benchmarks.json, the harness section of
// docs/benchmarks.md and docs/benchmarks.svg; -quick runs a small corpus for CI and writes only
// to a temp folder.
//
// Run it from the repository root through `go tool task bench` (or `bench:ci`), which builds the
// engine, the imagor server, the floor program and sharp first.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// options are the harness's command-line settings.
type options struct {
	root    string // repository root
	quick   bool
	rounds  int
	outDir  string // where benchmarks.{json,md,svg} go
	listing bool   // also run the listing benchmarks of backend/listing
	window  bool   // also measure the gallery in the WebKitGTK window
	render  bool   // only render benchmarks.md and .svg again from benchmarks.json
	set     string // only this corpus set, when set
	spec    string // only this output, when set
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	opts, err := parseOptions(args)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))

	if opts.render {
		return rerender(opts, logger)
	}
	if missing := missingTools(opts.root); len(missing) > 0 {
		return fmt.Errorf("missing %s: run go tool task bench:deps", strings.Join(missing, ", "))
	}
	loadBefore := loadAverage()
	started := time.Now()
	corpus, err := buildCorpus(opts, logger)
	if err != nil {
		return err
	}
	// The engine's output goes to a file, where a crash leaves its trace.
	logPath := filepath.Join(os.TempDir(), "bench-engine.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		return fmt.Errorf("create engine log: %w", err)
	}
	defer logFile.Close()
	logger.Info("engine output goes to " + logPath)
	engineLog := slog.New(slog.NewTextHandler(logFile, &slog.HandlerOptions{Level: slog.LevelDebug}))
	peers := availablePeers(opts, corpus, engineLog, logger)
	results, err := measureAll(ctx, opts, corpus, peers, logger)
	if err != nil {
		return err
	}
	page, err := measureWarmPage(ctx, opts, corpus, corpus.Sets[0], engineExecutable(opts.root), engineLog)
	if err != nil {
		return err
	}
	report := newReport(opts, corpus, results, loadBefore, started)
	report.Peers = peerInfos(peers)
	pageRange := rangeOf(page)
	report.Gallery.WarmPageMs = &pageRange
	if opts.listing {
		if report.Gallery.Listing, err = runListing(ctx, opts.root, logger); err != nil {
			logger.Warn("listing benchmarks not run", "error", err)
		}
	}
	if opts.window {
		if report.Gallery.Window, err = runWindow(ctx, opts.root, corpus.Sets[0], logger); err != nil {
			report.Failures = append(report.Failures, "window: "+err.Error())
		}
	}
	warnRegressions(filepath.Join(opts.root, "docs", "benchmarks.json"), report, os.Stderr)
	return writeReport(opts, report, logger)
}

func parseOptions(args []string) (options, error) {
	opts := options{}
	flags := flag.NewFlagSet("bench", flag.ContinueOnError)
	flags.StringVar(&opts.root, "root", ".", "repository root")
	flags.BoolVar(&opts.quick, "quick", false, "small corpus and one round, for CI; writes to a temp folder unless -out is given")
	flags.IntVar(&opts.rounds, "rounds", 3, "rounds; each peer runs once per round, in a rotating order")
	flags.StringVar(&opts.outDir, "out", "", "folder for benchmarks.json, .md and .svg (default: docs/, or a temp folder with -quick)")
	flags.BoolVar(&opts.listing, "listing", true, "also run the listing benchmarks of backend/listing (off with -quick)")
	flags.BoolVar(&opts.window, "window", true, "also measure the gallery in the WebKitGTK window under Xvfb, e2e/window-bench.sh (off with -quick)")
	flags.BoolVar(&opts.render, "render", false, "measure nothing: render benchmarks.md and .svg again from the benchmarks.json in -out")
	flags.StringVar(&opts.set, "set", "", "measure only this corpus set: photos-12mp, wallpapers or formats")
	flags.StringVar(&opts.spec, "spec", "", "measure only this output: thumb-256 or preview-1200")
	if err := flags.Parse(args); err != nil {
		return options{}, err
	}
	if opts.rounds < 1 {
		return options{}, fmt.Errorf("invalid -rounds %d: give 1 or more", opts.rounds)
	}
	root, err := filepath.Abs(opts.root)
	if err != nil {
		return options{}, fmt.Errorf("resolve -root %s: %w", opts.root, err)
	}
	opts.root = root
	if opts.quick {
		opts.rounds = 1
		opts.listing = false
		opts.window = false
	}
	if opts.outDir == "" {
		opts.outDir = filepath.Join(root, "docs")
		if opts.quick {
			if opts.outDir, err = os.MkdirTemp("", "bench-quick-"); err != nil {
				return options{}, fmt.Errorf("create output folder: %w", err)
			}
		}
	}
	return opts, nil
}

// concurrencies returns the request counts in flight the harness measures: one, and one per CPU.
func concurrencies() []int {
	if runtime.NumCPU() == 1 {
		return []int{1}
	}
	return []int{1, runtime.NumCPU()}
}
