package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// WindowFigures are the gallery's figures inside the real WebKitGTK window, from
// e2e/window-bench.sh: a folder of 10,000 hard links of the 12 MP photos, scrolled from top to
// end in ten steps.
type WindowFigures struct {
	// FirstThumbnailSeconds is the time from the app's Go start to the first thumbnail painted.
	FirstThumbnailSeconds float64 `json:"first_thumbnail_seconds"`
	DOMNodes              Range   `json:"dom_nodes"`
	Tiles                 Range   `json:"tiles"`
	// WebProcessRSSMiB is the WebKitWebProcess resident set while scrolling. WebKit has no
	// performance.memory, so the JavaScript heap itself is not reported.
	WebProcessRSSMiB Range  `json:"web_process_rss_mib"`
	JSHeap           string `json:"js_heap"`
	Samples          int    `json:"samples"`
}

// windowSample is one line of what app/windowbench.go writes.
type windowSample struct {
	Step          string             `json:"step"`
	Seconds       float64            `json:"seconds"`
	Values        map[string]float64 `json:"values"`
	WebProcessRSS int64              `json:"web_process_rss_bytes"`
}

// runWindow runs e2e/window-bench.sh on the 12 MP photos and summarises its samples.
func runWindow(ctx context.Context, root string, photos corpusSet, logger *slog.Logger) (*WindowFigures, error) {
	if len(photos.Files) == 0 {
		return nil, fmt.Errorf("no photos for the window")
	}
	logger.Info("measuring the gallery in the WebKitGTK window (e2e/window-bench.sh)")
	out := filepath.Join(os.TempDir(), "bench-window.json")
	seeds := filepath.Dir(photos.Files[0].Path)
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(root, "e2e", "window-bench.sh"), out, seeds)
	cmd.Dir = root
	if output, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("e2e/window-bench.sh: %w: %s", err, lastLines(output, 10))
	}
	data, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("read window measurements: %w", err)
	}
	var samples []windowSample
	if err := json.Unmarshal(data, &samples); err != nil {
		return nil, fmt.Errorf("parse window measurements %s: %w", out, err)
	}
	return summariseWindow(samples)
}

func summariseWindow(samples []windowSample) (*WindowFigures, error) {
	w := &WindowFigures{JSHeap: "not available (WebKit has no performance.memory)"}
	var dom, tiles, rss []float64
	for _, s := range samples {
		switch {
		case s.Step == "error":
			return nil, fmt.Errorf("the in-window script failed at %.1f s", s.Seconds)
		case s.Step == "first-thumbnail":
			w.FirstThumbnailSeconds = round2(s.Seconds)
		case strings.HasPrefix(s.Step, "scroll-"):
			dom = append(dom, s.Values["dom_nodes"])
			tiles = append(tiles, s.Values["tiles"])
			rss = append(rss, float64(s.WebProcessRSS)/(1<<20))
			if heap := s.Values["js_heap_bytes"]; heap >= 0 {
				w.JSHeap = fmt.Sprintf("%.0f MiB (performance.memory)", heap/(1<<20))
			}
		}
	}
	if w.FirstThumbnailSeconds == 0 || len(dom) == 0 {
		return nil, fmt.Errorf("window measurements incomplete: %d scroll samples", len(dom))
	}
	w.DOMNodes, w.Tiles, w.WebProcessRSSMiB = rangeOf(dom), rangeOf(tiles), rangeOf(rss)
	w.Samples = len(dom)
	return w, nil
}

func lastLines(output []byte, n int) string {
	lines := bytes.Split(bytes.TrimSpace(output), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}
