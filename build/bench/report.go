package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"time"
)

// Report is the content of docs/benchmarks.json.
type Report struct {
	Commit   string     `json:"commit"`
	Date     string     `json:"date"`
	Mode     string     `json:"mode"` // "full" or "quick"
	Rounds   int        `json:"rounds"`
	Machine  Machine    `json:"machine"`
	Corpus   CorpusInfo `json:"corpus"`
	Peers    []PeerInfo `json:"peers"`
	Figures  []Figure   `json:"figures"`
	Gallery  Gallery    `json:"gallery"`
	Failures []string   `json:"failures,omitempty"`

	// Throughput ratios of the app (disk cache on, cold) for 256 px WebP thumbnails of the 12 MP
	// set at one request per CPU in flight; 0 when a side did not run.
	AppOverFloor  float64 `json:"app_over_floor"`
	AppOverSharp  float64 `json:"app_over_sharp"`
	AppOverImagor float64 `json:"app_over_imagor"`
	// CPUEfficiency compares the same case by images per CPU second of the peers' processes,
	// which a busy machine disturbs less than images per second.
	CPUEfficiency map[string]float64 `json:"cpu_efficiency"`
}

// Machine describes where the figures were taken.
type Machine struct {
	CPU        string    `json:"cpu"`
	CPUs       int       `json:"cpus"`
	MemoryGiB  float64   `json:"memory_gib"`
	OS         string    `json:"os"`
	Go         string    `json:"go"`
	LoadBefore []float64 `json:"load_average_before"` // 1, 5 and 15 minutes
	LoadAfter  []float64 `json:"load_average_after"`
	Seconds    float64   `json:"seconds"` // duration of the whole run
}

// CorpusInfo summarises the source images.
type CorpusInfo struct {
	Digest string    `json:"digest"`
	Sets   []SetInfo `json:"sets"`
}

// SetInfo is one corpus set.
type SetInfo struct {
	Name  string  `json:"name"`
	Files int     `json:"files"`
	MiB   float64 `json:"mib"`
}

// PeerInfo names a peer and says what it runs.
type PeerInfo struct {
	Name        string `json:"name"`
	Description string `json:"description"`
}

// Figure aggregates the rounds of one peer, set, output and concurrency.
type Figure struct {
	Peer         string  `json:"peer"`
	Set          string  `json:"set"`
	Spec         string  `json:"spec"`
	Concurrency  int     `json:"concurrency"`
	Images       int     `json:"images_per_round"`
	ImagesPerSec Range   `json:"images_per_second"` // median and range over rounds
	P50Ms        float64 `json:"latency_p50_ms"`    // over every image of every round
	P95Ms        float64 `json:"latency_p95_ms"`
	PeakRSSMiB   float64 `json:"peak_rss_mib,omitempty"` // highest over rounds; absent when no peer process ran
	CPUMsPerImg  float64 `json:"cpu_ms_per_image,omitempty"`
	OutputKiB    float64 `json:"output_kib_per_image"`
}

// Range is a median with the lowest and highest value.
type Range struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

// Gallery holds the figures of the gallery around the renders.
type Gallery struct {
	WarmPageMs *Range          `json:"warm_page_60_ms,omitempty"`
	Listing    []ListingFigure `json:"listing,omitempty"`
	Window     *WindowFigures  `json:"window,omitempty"`
}

func newReport(opts options, c corpus, results []runResult, loadBefore []float64, started time.Time) Report {
	r := Report{
		Commit: gitCommit(opts.root),
		Date:   started.UTC().Format(time.RFC3339),
		Mode:   "full",
		Rounds: opts.rounds,
		Machine: Machine{
			CPU: cpuModel(), CPUs: runtime.NumCPU(), MemoryGiB: memoryGiB(),
			OS: runtime.GOOS + "/" + runtime.GOARCH, Go: runtime.Version(),
			LoadBefore: loadBefore, LoadAfter: loadAverage(),
			Seconds: math.Round(time.Since(started).Seconds()),
		},
		Corpus: CorpusInfo{Digest: c.Digest},
	}
	if opts.quick {
		r.Mode = "quick"
	}
	for _, s := range c.Sets {
		var bytes int64
		for _, f := range s.Files {
			bytes += f.Bytes
		}
		r.Corpus.Sets = append(r.Corpus.Sets, SetInfo{Name: s.Name, Files: len(s.Files), MiB: round2(float64(bytes) / (1 << 20))})
	}
	r.Figures, r.Failures = aggregate(results)
	r.AppOverFloor = r.ratio("app", "floor")
	r.AppOverSharp = r.ratio("app", "sharp")
	r.AppOverImagor = r.ratio("app", "imagor")
	r.CPUEfficiency = map[string]float64{}
	for _, base := range []string{"floor", "sharp", "imagor"} {
		r.CPUEfficiency["app_over_"+base] = r.cpuRatio("app", base)
	}
	return r
}

// aggregate groups the passes by peer, set, output and concurrency, in the order they first ran.
func aggregate(results []runResult) ([]Figure, []string) {
	type key struct {
		peer, set, spec string
		conc            int
	}
	groups := map[key][]runResult{}
	var order []key
	var failures []string
	for _, r := range results {
		if r.Err != "" {
			failures = append(failures, fmt.Sprintf("%s %s %s c=%d round %d: %s", r.Peer, r.Set, r.Spec, r.Concurrency, r.Round+1, r.Err))
			continue
		}
		k := key{r.Peer, r.Set, r.Spec, r.Concurrency}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r)
	}
	var figures []Figure
	for _, k := range order {
		figures = append(figures, figureOf(groups[k]))
	}
	return figures, failures
}

func figureOf(runs []runResult) Figure {
	f := Figure{Peer: runs[0].Peer, Set: runs[0].Set, Spec: runs[0].Spec, Concurrency: runs[0].Concurrency, Images: runs[0].Images}
	var rates, cpu, latencies []float64
	var images, bytes int64
	for _, r := range runs {
		rates = append(rates, float64(r.Images)/r.Seconds)
		cpu = append(cpu, 1000*r.CPUSeconds/float64(r.Images))
		latencies = append(latencies, r.Latencies...)
		f.PeakRSSMiB = math.Max(f.PeakRSSMiB, round2(float64(r.PeakRSS)/(1<<20)))
		images += int64(r.Images)
		bytes += r.OutputBytes
	}
	f.ImagesPerSec = rangeOf(rates)
	f.P50Ms = round2(percentile(latencies, 50))
	f.P95Ms = round2(percentile(latencies, 95))
	if f.PeakRSSMiB > 0 {
		f.CPUMsPerImg = round2(rangeOf(cpu).Median)
	}
	f.OutputKiB = round2(float64(bytes) / float64(images) / 1024)
	return f
}

// find returns the figure of peer for set, spec and concurrency.
func (r Report) find(peer, set, spec string, conc int) (Figure, bool) {
	for _, f := range r.Figures {
		if f.Peer == peer && f.Set == set && f.Spec == spec && f.Concurrency == conc {
			return f, true
		}
	}
	return Figure{}, false
}

// ratio compares the median throughput of two peers on the headline case: cold 256 px WebP
// thumbnails of the 12 MP set at one request per CPU in flight.
func (r Report) ratio(peer, base string) float64 {
	conc := concurrencies()[len(concurrencies())-1]
	a, okA := r.find(peer, setPhotos, specs[0].Name, conc)
	b, okB := r.find(base, setPhotos, specs[0].Name, conc)
	if !okA || !okB || b.ImagesPerSec.Median == 0 {
		return 0
	}
	return round2(a.ImagesPerSec.Median / b.ImagesPerSec.Median)
}

// cpuRatio is ratio by CPU time per image: how many images peer makes per CPU second of its
// processes for each one base makes.
func (r Report) cpuRatio(peer, base string) float64 {
	conc := concurrencies()[len(concurrencies())-1]
	a, okA := r.find(peer, setPhotos, specs[0].Name, conc)
	b, okB := r.find(base, setPhotos, specs[0].Name, conc)
	if !okA || !okB || a.CPUMsPerImg == 0 {
		return 0
	}
	return round2(b.CPUMsPerImg / a.CPUMsPerImg)
}

func rangeOf(values []float64) Range {
	sorted := append([]float64(nil), values...)
	sort.Float64s(sorted)
	if len(sorted) == 0 {
		return Range{}
	}
	median := sorted[len(sorted)/2]
	if len(sorted)%2 == 0 {
		median = (sorted[len(sorted)/2-1] + sorted[len(sorted)/2]) / 2
	}
	return Range{Median: round2(median), Min: round2(sorted[0]), Max: round2(sorted[len(sorted)-1])}
}

// percentile returns the p-th percentile of values by the nearest-rank method.
func percentile(values []float64, p float64) float64 {
	if len(values) == 0 {
		return 0
	}
	sorted := append([]float64(nil), values...)
	sort.Float64s(sorted)
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[max(rank, 1)-1]
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// warnRegressions prints a warning for every figure whose median throughput fell by more than
// 20 % against the report committed at path, comparing figures of the same peer, set, output and
// concurrency. A run in the other mode (quick against full) has too few images for that, so then
// only the app's ratios to its peers are compared. It prints and never fails: timings are noisy.
func warnRegressions(path string, now Report, w io.Writer) {
	data, err := os.ReadFile(path)
	if err != nil {
		return
	}
	var before Report
	if err := json.Unmarshal(data, &before); err != nil {
		fmt.Fprintf(w, "warning: %s is not a benchmark report (%v); no regression check\n", path, err)
		return
	}
	if before.Mode != now.Mode {
		warnRatios(path, before, now, w)
		return
	}
	for _, f := range now.Figures {
		old, ok := before.find(f.Peer, f.Set, f.Spec, f.Concurrency)
		if !ok || old.ImagesPerSec.Median == 0 {
			continue
		}
		if change := f.ImagesPerSec.Median/old.ImagesPerSec.Median - 1; change < -0.20 {
			fmt.Fprintf(w, "warning: %s %s %s at concurrency %d: %.1f images/s, %.0f %% below %.1f in %s (commit %s)\n",
				f.Peer, f.Set, f.Spec, f.Concurrency, f.ImagesPerSec.Median, -100*change, old.ImagesPerSec.Median, path, before.Commit)
		}
	}
}

// warnRatios warns when one of the app's CPU-efficiency ratios fell by more than 20 %.
func warnRatios(path string, before, now Report, w io.Writer) {
	for name, old := range before.CPUEfficiency {
		if v, ok := now.CPUEfficiency[name]; ok && old > 0 && v > 0 && v/old-1 < -0.20 {
			fmt.Fprintf(w, "warning: CPU efficiency %s %.2f, %.0f %% below %.2f in %s (commit %s)\n",
				name, v, 100*(1-v/old), old, path, before.Commit)
		}
	}
}

func gitCommit(root string) string {
	out, err := exec.Command("git", "-C", root, "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

func cpuModel() string {
	return procField("/proc/cpuinfo", "model name")
}

func memoryGiB() float64 {
	var kib float64
	fmt.Sscanf(procField("/proc/meminfo", "MemTotal"), "%f", &kib)
	return round2(kib / (1 << 20))
}

// procField returns the value of the first "name: value" line of a /proc file.
func procField(path, name string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		key, value, ok := strings.Cut(scanner.Text(), ":")
		if ok && strings.TrimSpace(key) == name {
			return strings.TrimSpace(value)
		}
	}
	return ""
}
