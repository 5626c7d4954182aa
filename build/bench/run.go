package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sync"
	"time"
)

// runResult is one timed pass of one peer over one set, output and concurrency.
type runResult struct {
	Peer        string
	Set         string
	Spec        string
	Concurrency int
	Round       int
	Images      int
	Seconds     float64
	Latencies   []float64 // milliseconds, one per image
	PeakRSS     int64     // bytes; 0 when no peer process ran during the pass
	CPUSeconds  float64   // of the peer's processes during the pass
	OutputBytes int64
	Err         string
	unsupported bool // the peer does not make this output
}

// preparer is a peer that needs work done before its timed pass.
type preparer interface {
	prepare(ctx context.Context, jobs []job) error
}

// minImages is the fewest images of a timed pass; small sets are cycled to reach it.
func minImages(quick bool, s spec) int {
	switch {
	case quick:
		return 2
	case s.Meta:
		return 20
	case s.Size <= 256:
		return 40
	default:
		return 20
	}
}

// measureAll runs every peer on every set, output and concurrency, once per round. Within a
// round the peers take turns in an order that rotates from one case to the next, so none is
// always first after another peer's pass.
func measureAll(ctx context.Context, opts options, c corpus, peers []peer, logger *slog.Logger) ([]runResult, error) {
	var results []runResult
	nonce := time.Now().UnixNano()
	turn := 0
	for round := range opts.rounds {
		for _, set := range c.Sets {
			for _, s := range specs {
				if !s.measuredOn(set.Name) || (opts.set != "" && opts.set != set.Name) || (opts.spec != "" && opts.spec != s.Name) {
					continue
				}
				for _, conc := range concurrencies() {
					for i := range peers {
						p := peers[(i+turn)%len(peers)]
						jobs := makeJobs(set, s, minImages(opts.quick, s), fmt.Sprintf("r%d-c%d-%d", round, conc, nonce))
						r := measureOne(ctx, p, c, jobs, conc)
						if r.unsupported {
							continue
						}
						r.Round = round
						logResult(logger, r)
						results = append(results, r)
						if ctx.Err() != nil {
							return results, ctx.Err()
						}
					}
					turn++
				}
			}
		}
	}
	return results, nil
}

func logResult(logger *slog.Logger, r runResult) {
	if r.Err != "" {
		logger.Error("pass failed", "peer", r.Peer, "set", r.Set, "spec", r.Spec, "concurrency", r.Concurrency, "error", r.Err)
		return
	}
	logger.Info("pass", "round", r.Round+1, "peer", r.Peer, "set", r.Set, "spec", r.Spec,
		"concurrency", r.Concurrency, "img_per_s", fmt.Sprintf("%.1f", float64(r.Images)/r.Seconds),
		"peak_rss_mib", r.PeakRSS>>20)
}

// makeJobs returns n jobs cycling through the files of set, each with its own version.
func makeJobs(set corpusSet, s spec, n int, version string) []job {
	n = max(n, len(set.Files))
	jobs := make([]job, n)
	for i := range jobs {
		jobs[i] = job{file: set.Files[i%len(set.Files)], spec: s, version: fmt.Sprintf("%s-%d", version, i)}
	}
	return jobs
}

// measureOne starts p, renders one untimed image (engine start, codec set-up, JIT), prepares,
// then times jobs with conc requests in flight, and stops p.
func measureOne(ctx context.Context, p peer, c corpus, jobs []job, conc int) runResult {
	r := runResult{Peer: p.name(), Set: setOf(jobs), Spec: jobs[0].spec.Name, Concurrency: conc}
	fail := func(err error) runResult {
		r.Err = err.Error()
		return r
	}
	if err := p.start(ctx, c); err != nil {
		return fail(err)
	}
	defer func() {
		if err := p.stop(); err != nil && r.Err == "" {
			r.Err = err.Error()
		}
	}()
	warmup := jobs[0]
	warmup.version += "-warmup"
	if _, err := p.render(ctx, warmup); errors.Is(err, errUnsupported) {
		r.unsupported = true
		return r
	} else if err != nil {
		return fail(fmt.Errorf("warm-up: %w", err))
	}
	if prep, ok := p.(preparer); ok {
		if err := prep.prepare(ctx, jobs); err != nil {
			return fail(fmt.Errorf("prepare: %w", err))
		}
	}

	pids := p.pids()
	cpuPids := pids
	if _, ok := p.(*appPeer); ok && len(pids) > 0 {
		// The app's image handler runs in this process, as it runs in the window's.
		cpuPids = append([]int{os.Getpid()}, pids...)
	}
	cpuBefore := cpuSeconds(cpuPids)
	start := time.Now()
	latencies, bytes, err := renderAll(ctx, p, jobs, conc)
	r.Seconds = time.Since(start).Seconds()
	if err != nil {
		return fail(err)
	}
	r.CPUSeconds = cpuSeconds(cpuPids) - cpuBefore
	r.PeakRSS, _ = peakRSS(pids)
	r.Images, r.Latencies, r.OutputBytes = len(jobs), latencies, bytes
	return r
}

func setOf(jobs []job) string {
	name := jobs[0].file.Rel
	for i := range name {
		if name[i] == '/' {
			return name[:i]
		}
	}
	return name
}

// renderAll renders jobs with conc workers and returns each job's latency in milliseconds and
// the total output size. The first error stops the pass.
func renderAll(ctx context.Context, p peer, jobs []job, conc int) ([]float64, int64, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	latencies := make([]float64, len(jobs))
	sizes := make([]int, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var firstErr error
	for range conc {
		wg.Go(func() {
			for i := range next {
				t := time.Now()
				n, err := p.render(ctx, jobs[i])
				latencies[i] = float64(time.Since(t).Microseconds()) / 1000
				sizes[i] = n
				if err != nil {
					once.Do(func() { firstErr = fmt.Errorf("%s: %w", jobs[i].file.Rel, err); cancel() })
				}
			}
		})
	}
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(next)
	wg.Wait()
	var total int64
	for _, n := range sizes {
		total += int64(n)
	}
	if firstErr == nil && ctx.Err() != nil && !errors.Is(ctx.Err(), context.Canceled) {
		firstErr = ctx.Err()
	}
	return latencies, total, firstErr
}

// warmPageSize is the number of tiles on a gallery page the warm figure is taken for.
const warmPageSize = 60

// measureWarmPage times a page of warmPageSize cached thumbnails of set, fetched through the
// app's image handler with one request per CPU in flight and the engine stopped, once per round.
// It returns the milliseconds of each round.
func measureWarmPage(ctx context.Context, opts options, c corpus, set corpusSet, engineExe string, engineLog *slog.Logger) ([]float64, error) {
	var out []float64
	for round := range opts.rounds {
		p := &appPeer{label: "app-warm-page", cache: true, warm: true, engineExe: engineExe, engineLog: engineLog}
		jobs := makeJobs(set, specs[0], warmPageSize, fmt.Sprintf("page-r%d-%d", round, time.Now().UnixNano()))[:warmPageSize]
		if err := p.start(ctx, c); err != nil {
			return nil, err
		}
		err := p.prepare(ctx, jobs)
		if err == nil {
			start := time.Now()
			_, _, err = renderAll(ctx, p, jobs, runtime.NumCPU())
			out = append(out, float64(time.Since(start).Microseconds())/1000)
		}
		if stopErr := p.stop(); err == nil {
			err = stopErr
		}
		if err != nil {
			return nil, fmt.Errorf("warm page: %w", err)
		}
	}
	return out, nil
}
