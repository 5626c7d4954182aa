package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Markers around the part of docs/benchmarks.md the harness writes. Everything outside them is
// kept as it is.
const (
	markStart = "<!-- bench:start: written by `go tool task bench` from benchmarks.json; edit outside the markers -->"
	markEnd   = "<!-- bench:end -->"
)

// writeReport writes benchmarks.json, benchmarks.svg and the harness section of benchmarks.md
// into opts.outDir.
func writeReport(opts options, r Report, logger *slog.Logger) error {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encode report: %w", err)
	}
	if err := writeFile(filepath.Join(opts.outDir, "benchmarks.json"), append(data, '\n')); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(opts.outDir, "benchmarks.svg"), []byte(renderChart(r))); err != nil {
		return err
	}
	mdPath := filepath.Join(opts.outDir, "benchmarks.md")
	old, err := os.ReadFile(mdPath)
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("read %s: %w", mdPath, err)
	}
	if err := writeFile(mdPath, []byte(spliceSection(string(old), renderMarkdown(r)))); err != nil {
		return err
	}
	logger.Info("report written", "folder", opts.outDir, "app_over_floor", r.AppOverFloor,
		"app_over_sharp", r.AppOverSharp, "app_over_imagor", r.AppOverImagor)
	if len(r.Failures) > 0 {
		return fmt.Errorf("%d passes failed, first: %s", len(r.Failures), r.Failures[0])
	}
	return nil
}

// rerender reads benchmarks.json from opts.outDir and writes the report again, so a change to
// the rendering needs no new run.
func rerender(opts options, logger *slog.Logger) error {
	path := filepath.Join(opts.outDir, "benchmarks.json")
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read report: %w", err)
	}
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		return fmt.Errorf("parse report %s: %w", path, err)
	}
	return writeReport(opts, r, logger)
}

// writeFile writes data through a temp file and a rename, so a reader never sees half a report.
func writeFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// spliceSection puts section between the markers of doc. A document without markers gets the
// section before its first "## " heading, or at its end.
func spliceSection(doc, section string) string {
	block := markStart + "\n\n" + strings.TrimSpace(section) + "\n\n" + markEnd
	if start := strings.Index(doc, markStart); start >= 0 {
		if end := strings.Index(doc[start:], markEnd); end >= 0 {
			return doc[:start] + block + doc[start+end+len(markEnd):]
		}
	}
	if doc == "" {
		return "# Benchmarks\n\n" + block + "\n"
	}
	if i := strings.Index(doc, "\n## "); i >= 0 {
		return doc[:i+1] + block + "\n\n" + doc[i+1:]
	}
	return strings.TrimRight(doc, "\n") + "\n\n" + block + "\n"
}

// renderMarkdown renders the harness section of docs/benchmarks.md.
func renderMarkdown(r Report) string {
	var b strings.Builder
	conc := concurrencies()[len(concurrencies())-1]
	fmt.Fprintf(&b, "## The app against sharp, the libvips floor and plain imagor (`go tool task bench`)\n\n")
	fmt.Fprintf(&b, "Commit %s, %s, rounds: %d, every peer on the same files in turn within each round. "+
		"Machine: %s, %d CPUs, %.0f GiB, %s, %s; load average %s before and %s after the %.0f s run.\n\n",
		r.Commit, r.Date, r.Rounds, r.Machine.CPU, r.Machine.CPUs, r.Machine.MemoryGiB, r.Machine.OS,
		r.Machine.Go, formatLoad(r.Machine.LoadBefore), formatLoad(r.Machine.LoadAfter), r.Machine.Seconds)
	b.WriteString(corpusLine(r) + "\n\n")
	fmt.Fprintf(&b, "Cold 256 px WebP q80 thumbnails of the 12 MP set at %d requests in flight: the app "+
		"(disk cache on) makes **%.2f ×** the images per second of the floor, **%.2f ×** sharp's and "+
		"**%.2f ×** plain imagor's. Per CPU second of the peers' processes, which a busy machine "+
		"disturbs less, the app makes %.2f × the floor's images, %.2f × sharp's and %.2f × imagor's.\n\n",
		conc, r.AppOverFloor, r.AppOverSharp, r.AppOverImagor,
		r.CPUEfficiency["app_over_floor"], r.CPUEfficiency["app_over_sharp"], r.CPUEfficiency["app_over_imagor"])
	b.WriteString("![Thumbnails per second](benchmarks.svg)\n\n")
	b.WriteString("Peers:\n\n")
	for _, p := range r.Peers {
		fmt.Fprintf(&b, "- `%s`: %s\n", p.Name, p.Description)
	}
	b.WriteString("\nImages per second are the median over rounds, with the range in brackets. Latencies pool every " +
		"image of every round. Peak RSS is the highest VmHWM of the peer's processes (the engine for " +
		"the app, node for sharp, the C program, the imagor server) over the rounds. CPU is the " +
		"processes' user plus system time per image. For the app that is the engine and the harness's own " +
		"process, where the image handler runs as it runs in the window's; the RSS is the engine's.\n")
	for _, set := range r.Corpus.Sets {
		for _, s := range specs {
			writeTable(&b, r, set.Name, s.Name)
		}
	}
	writeGallery(&b, r)
	if len(r.Failures) > 0 {
		b.WriteString("\nFailed passes:\n\n")
		for _, f := range r.Failures {
			fmt.Fprintf(&b, "- %s\n", f)
		}
	}
	return b.String()
}

func corpusLine(r Report) string {
	var parts []string
	for _, s := range r.Corpus.Sets {
		parts = append(parts, fmt.Sprintf("`%s` %d files, %.0f MiB", s.Name, s.Files, s.MiB))
	}
	return "Corpus (digest " + shortDigest(r.Corpus.Digest) + "): " + strings.Join(parts, "; ") +
		". `photos-12mp` is generated 4000 x 3000 JPEG q90, `wallpapers` Debian's plasma-workspace-wallpapers " +
		"photographs (JPEG and PNG up to 5120 x 2880), `formats` PNG with alpha (2000 x 1500), " +
		"AVIF (2400 x 1600) and a 12-frame 480 x 270 GIF."
}

func shortDigest(d string) string {
	if len(d) > 12 {
		return d[:12]
	}
	return d
}

func formatLoad(load []float64) string {
	if len(load) == 0 {
		return "unknown"
	}
	parts := make([]string, len(load))
	for i, v := range load {
		parts[i] = fmt.Sprintf("%.2f", v)
	}
	return strings.Join(parts, " / ")
}

func writeTable(b *strings.Builder, r Report, set, spec string) {
	var rows []Figure
	for _, f := range r.Figures {
		if f.Set == set && f.Spec == spec {
			rows = append(rows, f)
		}
	}
	if len(rows) == 0 {
		return
	}
	sortFigures(rows, r.Peers)
	fmt.Fprintf(b, "\n### %s, %s\n\n", set, spec)
	b.WriteString("| peer | in flight | images/s | p50 ms | p95 ms | peak RSS MiB | CPU ms/image | KiB/image | × floor |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, f := range rows {
		rss, cpu := "–", "–"
		if f.PeakRSSMiB > 0 {
			rss, cpu = fmt.Sprintf("%.0f", f.PeakRSSMiB), fmt.Sprintf("%.1f", f.CPUMsPerImg)
		}
		overFloor := "–"
		if base, ok := r.find("floor", f.Set, f.Spec, f.Concurrency); ok && base.ImagesPerSec.Median > 0 {
			overFloor = fmt.Sprintf("%.2f", f.ImagesPerSec.Median/base.ImagesPerSec.Median)
		}
		fmt.Fprintf(b, "| %s | %d | %.1f (%.1f–%.1f) | %.1f | %.1f | %s | %s | %.1f | %s |\n",
			f.Peer, f.Concurrency, f.ImagesPerSec.Median, f.ImagesPerSec.Min, f.ImagesPerSec.Max,
			f.P50Ms, f.P95Ms, rss, cpu, f.OutputKiB, overFloor)
	}
}

func writeGallery(b *strings.Builder, r Report) {
	if r.Gallery.WarmPageMs != nil {
		w := r.Gallery.WarmPageMs
		fmt.Fprintf(b, "\nA gallery page of %d cached 256 px thumbnails through the app's image handler, "+
			"%d requests in flight, engine stopped: %.1f ms median (%.1f–%.1f) over the rounds.\n",
			warmPageSize, r.Machine.CPUs, w.Median, w.Min, w.Max)
	}
	if w := r.Gallery.Window; w != nil {
		fmt.Fprintf(b, "\nIn the real WebKitGTK window (`e2e/window-bench.sh`: the production build with the `windowbench` "+
			"tag, Xvfb at 1280 x 800), the app opens a folder of 10,000 hard links of the 12 MP photos. The first "+
			"thumbnail is painted %.2f s after the app's Go code starts. Scrolling from top to end in %d steps: "+
			"%.0f–%.0f DOM nodes (%.0f–%.0f tiles), WebKitWebProcess RSS %.0f–%.0f MiB. JavaScript heap: %s.\n",
			w.FirstThumbnailSeconds, w.Samples-1, w.DOMNodes.Min, w.DOMNodes.Max, w.Tiles.Min, w.Tiles.Max,
			w.WebProcessRSSMiB.Min, w.WebProcessRSSMiB.Max, w.JSHeap)
	}
	if len(r.Gallery.Listing) > 0 {
		b.WriteString("\nListing a folder (`go test -bench . ./backend/listing`, three iterations each):\n\n")
		b.WriteString("| benchmark | entries | ms per listing |\n| --- | ---: | ---: |\n")
		for _, l := range r.Gallery.Listing {
			name := l.Name
			if label, ok := listingLabels[l.Name]; ok {
				name = label + " (`" + l.Name + "`)"
			}
			fmt.Fprintf(b, "| %s | %d | %.3f |\n", name, l.Entries, l.Ms)
		}
	}
}

// sortFigures orders figures by concurrency, then in the order of peers.
func sortFigures(rows []Figure, peers []PeerInfo) {
	order := map[string]int{}
	for i, p := range peers {
		order[p.Name] = i
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Concurrency != rows[j].Concurrency {
			return rows[i].Concurrency < rows[j].Concurrency
		}
		return order[rows[i].Peer] < order[rows[j].Peer]
	})
}

// listingLabels describes the listing benchmarks of backend/listing.
var listingLabels = map[string]string{
	"List_Cold":          "whole folder, first visit: read, sort, first page",
	"List_WarmFirstPage": "first page in another sort order, folder listed before",
}
