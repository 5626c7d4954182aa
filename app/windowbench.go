//go:build windowbench

package app

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// EnvWindowBenchOut names the file the windowbench build writes its measurements to, as JSON.
const EnvWindowBenchOut = "IMAGOR_STUDIO_WINDOW_BENCH_OUT"

//go:embed windowbench.js
var windowBenchScript string

// processStart is when the app's Go code started, the zero point of the first-thumbnail time.
var processStart = time.Now()

// WindowBench receives the in-window measurements of the gallery in the windowbench build: the
// script in windowbench.js calls Report at each step, and the last step writes every sample to
// the file named by EnvWindowBenchOut and closes the app. It is bound only in that build.
type WindowBench struct {
	app *App

	mu      sync.Mutex
	samples []WindowSample
	seen    chan struct{} // closed at the first report, which stops the injection
	once    sync.Once
}

// WindowSample is one step of the measurement.
type WindowSample struct {
	Step string `json:"step"`
	// Seconds is the time since the app's Go code started.
	Seconds float64 `json:"seconds"`
	// Values are the script's figures: dom_nodes, tiles and js_heap_bytes (-1 where WebKit
	// has no performance.memory).
	Values map[string]float64 `json:"values"`
	// WebProcessRSS is the resident set of the WebKitWebProcess children, in bytes, which
	// contain the page's DOM and JavaScript heap.
	WebProcessRSS int64 `json:"web_process_rss_bytes"`
}

var windowBench *WindowBench

// extraBindings returns the WindowBench of this build.
func extraBindings(a *App) []any {
	windowBench = &WindowBench{app: a, seen: make(chan struct{})}
	return []any{windowBench}
}

// startWindowBench injects the script until it reports, because the grid it waits for appears
// only once the start state is loaded.
func (a *App) startWindowBench(ctx context.Context) {
	if windowBench == nil {
		return
	}
	go func() {
		for {
			select {
			case <-windowBench.seen:
				return
			case <-ctx.Done():
				return
			case <-time.After(100 * time.Millisecond):
				runtime.WindowExecJS(ctx, windowBenchScript)
			}
		}
	}()
}

// Report records one step. The steps "done" and "error" also write the file and quit the app.
func (b *WindowBench) Report(step string, values map[string]float64) error {
	b.once.Do(func() { close(b.seen) })
	sample := WindowSample{
		Step: step, Seconds: time.Since(processStart).Seconds(), Values: values,
		WebProcessRSS: webProcessRSS(os.Getpid()),
	}
	b.mu.Lock()
	b.samples = append(b.samples, sample)
	samples := append([]WindowSample(nil), b.samples...)
	b.mu.Unlock()
	if step != "done" && step != "error" {
		return nil
	}
	data, err := json.MarshalIndent(samples, "", "  ")
	if err != nil {
		return fmt.Errorf("encode window measurements: %w", err)
	}
	out := os.Getenv(EnvWindowBenchOut)
	if out == "" {
		return fmt.Errorf("window measurements not written: %s is not set", EnvWindowBenchOut)
	}
	if err := os.WriteFile(out, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write window measurements: %w", err)
	}
	go runtime.Quit(b.app.context())
	return nil
}

// webProcessRSS sums VmRSS over the WebKitWebProcess processes below pid.
func webProcessRSS(pid int) int64 {
	var total int64
	for _, child := range descendants(pid) {
		comm, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(child), "comm"))
		if !strings.HasPrefix(string(comm), "WebKitWebProces") {
			continue
		}
		status, _ := os.ReadFile(filepath.Join("/proc", strconv.Itoa(child), "status"))
		for _, line := range strings.Split(string(status), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				kib, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				total += kib << 10
			}
		}
	}
	return total
}

// descendants returns every process below pid, read from /proc/PID/task/*/children.
func descendants(pid int) []int {
	var out []int
	queue := []int{pid}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		files, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(p), "task", "*", "children"))
		for _, f := range files {
			data, _ := os.ReadFile(f)
			for _, field := range strings.Fields(string(data)) {
				if child, err := strconv.Atoi(field); err == nil {
					out = append(out, child)
					queue = append(queue, child)
				}
			}
		}
	}
	return out
}
