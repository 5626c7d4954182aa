package api_test

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/api"
)

const (
	loadRequests    = 20000
	loadConcurrency = 200
	loadImages      = 40
)

// rssBytes returns the resident set size of this process, from /proc/self/status.
func rssBytes(t *testing.T) int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatalf("read /proc/self/status: %v (this test needs Linux)", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatalf("VmRSS line %q: %v", line, err)
			}
			return kb << 10
		}
	}
	t.Fatal("no VmRSS in /proc/self/status")
	return 0
}

// hammer fetches urls round-robin, n requests at concurrency c, and returns the failures.
func hammer(client *http.Client, urls []string, n, c int) (int64, string) {
	var next, failed atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				resp, err := client.Get(urls[i%int64(len(urls))])
				if err != nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, "status "+resp.Status)
				}
			}
		}()
	}
	wg.Wait()
	msg, _ := firstErr.Load().(string)
	return failed.Load(), msg
}

// waitGoroutines returns the goroutine count once it is at most want or has not changed for
// 2 s, and at the latest after 10 s. Closed connections take a moment to end their goroutines.
func waitGoroutines(want int) int {
	deadline := time.Now().Add(10 * time.Second)
	last, since := runtime.NumGoroutine(), time.Now()
	for {
		n := runtime.NumGoroutine()
		if n != last {
			last, since = n, time.Now()
		}
		if n <= want || time.Since(since) > 2*time.Second || time.Now().After(deadline) {
			return n
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestLoad_Thumbnails(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: 20,000 thumbnail requests")
	}
	h := newHarness(t, api.Config{})
	dir := t.TempDir()
	for i := range loadImages {
		writeJPEG(t, filepath.Join(dir, fmt.Sprintf("img-%02d.jpg", i)), 800+i, 600)
	}
	lib := h.addLibrary(dir)
	var page folderPage
	h.ok(h.post(`query($l: ID!) { folder(library: $l, path: "") { entries { thumbnailUrl } } }`, map[string]any{"l": lib}), "folder", &page)
	var urls []string
	for _, e := range page.Entries {
		urls = append(urls, *e.ThumbnailURL)
	}
	if len(urls) != loadImages {
		t.Fatalf("%d thumbnail URLs, want %d", len(urls), loadImages)
	}

	goroutinesStart := runtime.NumGoroutine()
	transport := &http.Transport{MaxIdleConnsPerHost: loadConcurrency, MaxConnsPerHost: loadConcurrency}
	client := &http.Client{Transport: transport, Timeout: 2 * time.Minute}
	// Warm-up: every thumbnail rendered and cached, and the server's buffers at their working
	// size. Both RSS readings come after returning freed memory to the OS, so they compare what
	// the process keeps, not where the heap happened to peak.
	if failed, msg := hammer(client, urls, 5000, loadConcurrency); failed > 0 {
		t.Fatalf("warm-up: %d requests failed, first: %s", failed, msg)
	}
	transport.CloseIdleConnections()
	// The start count is taken here: by now the engine client keeps its pooled connections
	// (two goroutines each), which are no leak.
	goroutinesBefore := waitGoroutines(goroutinesStart)
	debug.FreeOSMemory()
	rssBefore := rssBytes(t)

	start := time.Now()
	failed, msg := hammer(client, urls, loadRequests, loadConcurrency)
	elapsed := time.Since(start)
	if failed > 0 {
		t.Fatalf("%d of %d requests failed, first: %s", failed, loadRequests, msg)
	}
	transport.CloseIdleConnections()
	goroutinesAfter := waitGoroutines(goroutinesBefore)
	debug.FreeOSMemory()
	rssAfter := rssBytes(t)
	t.Logf("%d requests at concurrency %d in %v (%.0f/s); RSS %d MiB after warm-up, %d MiB after; goroutines %d at start, %d after warm-up, %d after",
		loadRequests, loadConcurrency, elapsed.Round(time.Millisecond), float64(loadRequests)/elapsed.Seconds(),
		rssBefore>>20, rssAfter>>20, goroutinesStart, goroutinesBefore, goroutinesAfter)

	if limit := rssBefore + rssBefore/5; rssAfter > limit {
		t.Errorf("RSS grew from %d to %d bytes, over +20%% (%d)", rssBefore, rssAfter, limit)
	}
	if goroutinesAfter > goroutinesBefore {
		var dump strings.Builder
		_ = pprof.Lookup("goroutine").WriteTo(&dump, 1)
		t.Errorf("goroutines: %d after the load, %d after warm-up:\n%s", goroutinesAfter, goroutinesBefore, dump.String())
	}
}
