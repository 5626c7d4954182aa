package imagehandler_test

import (
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/thumbcache"
)

// benchPhotoCount 12 MP JPEGs are made per run; cold iterations cycle through them with a new
// version query each time, so every request is a real render.
const benchPhotoCount = 4

// benchEngineExecutable finds the engine binary the way the tests do.
func benchEngineExecutable(b *testing.B) string {
	b.Helper()
	if p := os.Getenv(engine.EnvExecutable); p != "" {
		return p
	}
	p, err := filepath.Abs("../../build/bin/imagor-studio-engine")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := os.Stat(p); err != nil {
		b.Fatalf("engine not built (%v): run go tool task build:engine", err)
	}
	return p
}

// benchPhoto writes a 4000x3000 JPEG at quality 90 with smooth gradients and grain, so it
// compresses about like a photograph rather than like a flat test card.
func benchPhoto(b *testing.B, path string, seed uint64) {
	b.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4000, 3000))
	rng := rand.New(rand.NewPCG(seed, 1))
	for y := 0; y < 3000; y++ {
		for x := 0; x < 4000; x++ {
			fx, fy := float64(x)/4000, float64(y)/3000
			grain := rng.IntN(24)
			img.SetRGBA(x, y, color.RGBA{
				R: uint8(120 + 100*math.Sin(fx*7+float64(seed)) + float64(grain)/2),
				G: uint8(110 + 90*math.Cos(fy*5+fx*3) + float64(grain)/3),
				B: uint8(100 + 80*math.Sin((fx+fy)*9) + float64(grain)/2),
				A: 255,
			})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := jpeg.Encode(f, img, &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
}

// coldVersions numbers the version queries of cold requests across every run of the benchmark,
// so no cold request can hit the cache a previous run filled.
var coldVersions atomic.Int64

type benchSetup struct {
	handler http.Handler
	keys    []string
}

func newBenchSetup(b *testing.B) benchSetup {
	b.Helper()
	dir := b.TempDir()
	libs := library.NewSet(nil)
	lib, err := libs.Add(dir)
	if err != nil {
		b.Fatal(err)
	}
	var keys []string
	for i := range benchPhotoCount {
		name := fmt.Sprintf("photo-%d.jpg", i)
		benchPhoto(b, filepath.Join(dir, name), uint64(i))
		keys = append(keys, library.Key(lib.ID, name))
	}
	eng, err := engine.New(engine.Config{Executable: benchEngineExecutable(b)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { eng.Close() })
	if err := eng.SetLibraries(b.Context(), libs.Paths()); err != nil {
		b.Fatal(err)
	}
	cache, err := thumbcache.Open(filepath.Join(dir, ".cache"), 1<<30, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { cache.Close() })
	return benchSetup{handler: imagehandler.New(eng, cache, slog.New(slog.DiscardHandler)), keys: keys}
}

func (s benchSetup) fetch(b *testing.B, path string) {
	rec := httptest.NewRecorder()
	s.handler.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, imagehandler.Prefix+path, nil))
	if rec.Code != http.StatusOK {
		b.Fatalf("%s: status %d: %s", path, rec.Code, rec.Body.String())
	}
}

// BenchmarkThumbnail measures 256 px WebP thumbnails of 12 MP JPEGs through the app's image
// handler and the real engine process, with as many requests in flight as there are CPUs.
// "cold" renders every request (a new version query each time); "cached" reads the disk cache.
func BenchmarkThumbnail(b *testing.B) {
	s := newBenchSetup(b)
	for _, key := range s.keys {
		s.fetch(b, imageurl.Thumbnail(key, "warm", imageurl.ThumbnailSize)) // starts the engine
	}

	b.Run("cold", func(b *testing.B) {
		b.SetParallelism(1) // GOMAXPROCS goroutines: one request per CPU in flight
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := coldVersions.Add(1)
				key := s.keys[int(i)%len(s.keys)]
				s.fetch(b, imageurl.Thumbnail(key, fmt.Sprintf("cold-%d", i), imageurl.ThumbnailSize))
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "img/s")
		b.ReportMetric(float64(runtime.GOMAXPROCS(0)), "in-flight")
	})

	b.Run("cached", func(b *testing.B) {
		var n atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				key := s.keys[int(n.Add(1))%len(s.keys)]
				s.fetch(b, imageurl.Thumbnail(key, "warm", imageurl.ThumbnailSize))
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "img/s")
	})
}
