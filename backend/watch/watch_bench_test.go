package watch_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/watch"
)

// defaultTimings are the watcher's own defaults, which the app runs with.
func defaultTimings() watch.Options {
	return watch.Options{
		Debounce:      watch.DefaultDebounce,
		MaxDelay:      watch.DefaultMaxDelay,
		CheckInterval: watch.DefaultCheckInterval,
		PollInterval:  watch.DefaultPollInterval,
	}
}

// BenchmarkWatcher_EventLatency measures the time from writing a new file in a watched folder to
// the event that reports it, with the app's timings: most of it is the debounce.
func BenchmarkWatcher_EventLatency(b *testing.B) {
	fx := MustWatcher(b, "", defaultTimings())
	fx.mustWatch(b, "grid", "")
	i := 0
	for b.Loop() {
		name := fmt.Sprintf("IMG_%05d.jpg", i)
		from := len(fx.events.snapshot())
		MustWrite(b, fx.path(name), "x")
		fx.events.changesUntil(b, from, watch.Added, name)
		i++
	}
}

// BenchmarkWatcher_Storm creates 20,000 files in a watched folder and renames each, then
// measures how long after the last rename a UI that applies the events (and lists the folder
// again on a resync) shows exactly the folder's names.
func BenchmarkWatcher_Storm(b *testing.B) {
	const n = 20_000
	var converge, write time.Duration
	for b.Loop() {
		b.StopTimer()
		fx := MustWatcher(b, "", defaultTimings())
		fx.mustWatch(b, "grid", "")
		ui := newModel(fx)
		b.StartTimer()

		start := time.Now()
		for i := range n {
			MustWrite(b, fx.path(fmt.Sprintf("new_%05d.jpg", i)), "")
		}
		for i := range n {
			MustRename(b, fx.path(fmt.Sprintf("new_%05d.jpg", i)), fx.path(fmt.Sprintf("IMG_%05d.jpg", i)))
		}
		write += time.Since(start)
		converge += ui.waitFor(b, readDirNames(b, fx.dir))

		b.StopTimer()
		if err := fx.watcher.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(write.Milliseconds())/float64(b.N), "write-ms/op")
	b.ReportMetric(float64(converge.Milliseconds())/float64(b.N), "converge-ms/op")
}
