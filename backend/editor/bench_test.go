package editor_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/imageurl"
)

// BenchmarkPreviewFrame measures a preview frame of a 12 MP JPEG from the state change to the
// decoded frame: PreviewFrame, the engine's render with the preview cache on, and decoding. Each
// iteration changes the brightness, so no response is reused.
func BenchmarkPreviewFrame(b *testing.B) {
	dir := b.TempDir()
	MustWrite(b, dir, "big.jpg", MustJPEG(b, MustPattern(b, 4000, 3000, false), 0))
	e := MustEngine(b, map[string]string{"lib": dir})
	src := MustSource(b, e, "lib/big.jpg")
	version := MustVersion(b, filepath.Join(dir, "big.jpg"))
	key := editor.PreviewKey("lib", version, "big.jpg")
	view := editor.View{Width: 1280, Height: 800}
	state := editor.State{Crop: &editor.Box{Left: 200, Top: 100, Width: 3600, Height: 2700}, Contrast: 10}

	// The first frame decodes the file into the cache; the benchmark is about the edits after it.
	frame, err := editor.PreviewFrame(state, src, view, src.Width, src.Height)
	if err != nil {
		b.Fatal(err)
	}
	MustDecode(b, MustGet(b, e, imageurl.Path(frame.Ops, key, version)))

	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		state.Brightness = i%200 - 100
		ops, err := editor.Build(state, src)
		if err != nil {
			b.Fatal(err)
		}
		frame, err := editor.PreviewFrame(state, src, view, ops.Width, ops.Height)
		if err != nil {
			b.Fatal(err)
		}
		MustDecode(b, MustGet(b, e, imageurl.Path(frame.Ops, key, version)))
		durations = append(durations, time.Since(start))
	}
	slices.Sort(durations)
	p95 := durations[(len(durations)*95+99)/100-1]
	b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
}
