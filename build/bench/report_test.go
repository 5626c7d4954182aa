package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpliceSection_ReplacesBetweenMarkers(t *testing.T) {
	doc := "# Benchmarks\n\nIntro.\n\n" + markStart + "\n\nold figures\n\n" + markEnd + "\n\n## Listing\n\nHand-written.\n"
	got := spliceSection(doc, "new figures")
	if strings.Contains(got, "old figures") {
		t.Errorf("old section kept:\n%s", got)
	}
	if !strings.Contains(got, "new figures") {
		t.Errorf("new section missing:\n%s", got)
	}
	for _, kept := range []string{"Intro.", "## Listing\n\nHand-written."} {
		if !strings.Contains(got, kept) {
			t.Errorf("text outside the markers lost: %q", kept)
		}
	}
	if again := spliceSection(got, "new figures"); again != got {
		t.Errorf("second splice changed the document:\n%s", again)
	}
}

func TestSpliceSection_NoMarkers(t *testing.T) {
	got := spliceSection("# Benchmarks\n\nIntro.\n\n## Listing\n\nText.\n", "figures")
	start, section, listing := strings.Index(got, markStart), strings.Index(got, "figures"), strings.Index(got, "## Listing")
	if start < 0 || section < start || listing < section {
		t.Errorf("section not placed before the first heading:\n%s", got)
	}
	if !strings.HasPrefix(spliceSection("", "figures"), "# Benchmarks") {
		t.Error("empty document: no title")
	}
}

func TestParseListing_OK(t *testing.T) {
	out := []byte("goos: linux\nBenchmarkList_Cold/entries=10000-2         \t       3\t  35123456 ns/op\n" +
		"BenchmarkList_WarmFirstPage/entries=100000-2 \t       3\t     14000 ns/op\nPASS\n")
	got, err := parseListing(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d figures, want 2: %+v", len(got), got)
	}
	if got[0].Name != "List_Cold" || got[0].Entries != 10000 || got[0].Ms != 35.123456 {
		t.Errorf("first figure=%+v, want List_Cold 10000 35.123456 ms", got[0])
	}
	if got[1].Name != "List_WarmFirstPage" || got[1].Entries != 100000 || got[1].Ms != 0.014 {
		t.Errorf("second figure=%+v, want List_WarmFirstPage 100000 0.014 ms", got[1])
	}
	if _, err := parseListing([]byte("PASS\n")); err == nil {
		t.Error("output without results: no error")
	}
}

func TestPercentile_NearestRank(t *testing.T) {
	values := []float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10}
	if got := percentile(values, 50); got != 5 {
		t.Errorf("p50=%v, want 5", got)
	}
	if got := percentile(values, 95); got != 10 {
		t.Errorf("p95=%v, want 10", got)
	}
	if got := percentile(nil, 95); got != 0 {
		t.Errorf("p95 of nothing=%v, want 0", got)
	}
}

func TestAggregate_RatiosAndFailures(t *testing.T) {
	conc := concurrencies()[len(concurrencies())-1]
	pass := func(peer string, images int, seconds float64) runResult {
		return runResult{Peer: peer, Set: setPhotos, Spec: specs[0].Name, Concurrency: conc, Images: images,
			Seconds: seconds, Latencies: []float64{1, 2}, PeakRSS: 64 << 20, CPUSeconds: 1, OutputBytes: 2048}
	}
	results := []runResult{
		pass("app", 40, 1), pass("app", 40, 2), pass("app", 40, 4),
		pass("floor", 20, 1), pass("sharp", 10, 1),
		{Peer: "imagor", Set: setPhotos, Spec: specs[0].Name, Concurrency: conc, Err: "exited"},
	}
	r := Report{}
	r.Figures, r.Failures = aggregate(results)
	app, ok := r.find("app", setPhotos, specs[0].Name, conc)
	if !ok {
		t.Fatal("no figure for app")
	}
	if app.ImagesPerSec != (Range{Median: 20, Min: 10, Max: 40}) {
		t.Errorf("app images/s=%+v, want median 20 in 10–40", app.ImagesPerSec)
	}
	if app.PeakRSSMiB != 64 {
		t.Errorf("app peak RSS=%v MiB, want 64", app.PeakRSSMiB)
	}
	if got := r.ratio("app", "floor"); got != 1 {
		t.Errorf("app over floor=%v, want 1", got)
	}
	if got := r.ratio("app", "sharp"); got != 2 {
		t.Errorf("app over sharp=%v, want 2", got)
	}
	if got := r.ratio("app", "imagor"); got != 0 {
		t.Errorf("app over a failed imagor=%v, want 0", got)
	}
	if len(r.Failures) != 1 || !strings.Contains(r.Failures[0], "exited") {
		t.Errorf("failures=%q, want the imagor pass", r.Failures)
	}
}

func TestWarnRegressions_Threshold(t *testing.T) {
	figure := func(rate float64) Figure {
		return Figure{Peer: "app", Set: setPhotos, Spec: specs[0].Name, Concurrency: 2, ImagesPerSec: Range{Median: rate}}
	}
	path := filepath.Join(t.TempDir(), "benchmarks.json")
	data, err := json.Marshal(Report{Commit: "abc", Figures: []Figure{figure(100)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	warnRegressions(path, Report{Figures: []Figure{figure(85)}}, &out)
	if out.Len() != 0 {
		t.Errorf("15 %% slower: warned %q, want nothing", out.String())
	}
	warnRegressions(path, Report{Figures: []Figure{figure(70)}}, &out)
	if !strings.Contains(out.String(), "30 % below") {
		t.Errorf("30 %% slower: warned %q, want a warning", out.String())
	}
}

func TestWarnRegressions_OtherModeComparesRatios(t *testing.T) {
	path := filepath.Join(t.TempDir(), "benchmarks.json")
	data, err := json.Marshal(Report{Mode: "full", Commit: "abc", CPUEfficiency: map[string]float64{"app_over_floor": 1.2},
		Figures: []Figure{{Peer: "app", Set: setPhotos, Spec: specs[0].Name, Concurrency: 2, ImagesPerSec: Range{Median: 100}}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	quick := Report{Mode: "quick", CPUEfficiency: map[string]float64{"app_over_floor": 1.1},
		Figures: []Figure{{Peer: "app", Set: setPhotos, Spec: specs[0].Name, Concurrency: 2, ImagesPerSec: Range{Median: 10}}}}
	warnRegressions(path, quick, &out)
	if out.Len() != 0 {
		t.Errorf("quick run, ratio 8 %% lower: warned %q, want nothing", out.String())
	}
	quick.CPUEfficiency["app_over_floor"] = 0.8
	warnRegressions(path, quick, &out)
	if !strings.Contains(out.String(), "app_over_floor") {
		t.Errorf("quick run, ratio 33 %% lower: warned %q, want a warning", out.String())
	}
}

func TestRenderChart_OneBarPerPeer(t *testing.T) {
	conc := concurrencies()[len(concurrencies())-1]
	r := Report{Corpus: CorpusInfo{Sets: []SetInfo{{Name: setPhotos}}}}
	for _, peer := range []string{"app", "app-warm", "floor"} {
		r.Figures = append(r.Figures, Figure{Peer: peer, Set: setPhotos, Spec: specs[0].Name, Concurrency: conc,
			ImagesPerSec: Range{Median: 10, Min: 9, Max: 11}})
	}
	svg := renderChart(r)
	if !strings.HasPrefix(svg, "<svg") || !strings.HasSuffix(svg, "</svg>\n") {
		t.Fatalf("not an SVG document:\n%s", svg)
	}
	if got := strings.Count(svg, "<rect x="); got != 2 {
		t.Errorf("%d bars, want 2 (app and floor; cache reads are left out)", got)
	}
}

func TestSummariseWindow_OK(t *testing.T) {
	samples := []windowSample{
		{Step: "first-thumbnail", Seconds: 1.234, Values: map[string]float64{"dom_nodes": 120, "js_heap_bytes": -1}},
		{Step: "scroll-0", Values: map[string]float64{"dom_nodes": 127, "tiles": 25, "js_heap_bytes": -1}, WebProcessRSS: 200 << 20},
		{Step: "scroll-1", Values: map[string]float64{"dom_nodes": 144, "tiles": 35, "js_heap_bytes": -1}, WebProcessRSS: 220 << 20},
		{Step: "done", Values: map[string]float64{"dom_nodes": 124}},
	}
	w, err := summariseWindow(samples)
	if err != nil {
		t.Fatal(err)
	}
	if w.FirstThumbnailSeconds != 1.23 {
		t.Errorf("first thumbnail=%v s, want 1.23", w.FirstThumbnailSeconds)
	}
	if w.DOMNodes.Min != 127 || w.DOMNodes.Max != 144 {
		t.Errorf("DOM nodes=%+v, want 127–144 (scroll steps only)", w.DOMNodes)
	}
	if w.WebProcessRSSMiB.Max != 220 {
		t.Errorf("web process RSS max=%v MiB, want 220", w.WebProcessRSSMiB.Max)
	}
	if !strings.HasPrefix(w.JSHeap, "not available") {
		t.Errorf("JS heap=%q, want not available", w.JSHeap)
	}
}

func TestSummariseWindow_ErrScriptFailed(t *testing.T) {
	if _, err := summariseWindow([]windowSample{{Step: "error", Seconds: 3}}); err == nil {
		t.Error("a failed script: no error")
	}
	if _, err := summariseWindow([]windowSample{{Step: "done"}}); err == nil {
		t.Error("no first thumbnail and no scroll samples: no error")
	}
}
