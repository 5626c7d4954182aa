package server_test

import (
	"fmt"
	"net/http"
	"sync"
	"testing"

	"github.com/imagor-studio/desktop/backend/engine/server"
	"github.com/imagor-studio/desktop/backend/imageurl"
)

// TestFastPath_ConcurrentFiles renders many JPEGs of distinct sizes at once. The fast path names
// each file by its descriptor number, which the next file reuses, so every response must have
// the size of its own file.
func TestFastPath_ConcurrentFiles(t *testing.T) {
	lib := MustLibrary(t)
	const files = 40
	for i := range files {
		MustWriteFile(t, lib, fmt.Sprintf("%d.jpg", i), MustGrayJPEG(t, 300+10*i, 200))
	}
	var wg sync.WaitGroup
	for worker := range 8 {
		wg.Go(func() {
			for round := range 10 {
				i := (worker*7 + round*3) % files
				path := imageurl.Path("fit-in/1000x1000/filters:format(webp):quality(80)", fmt.Sprintf("%s/%d.jpg", libraryID, i), "")
				rec := serve(http.MethodGet, path, nil)
				if rec.Code != http.StatusOK {
					t.Errorf("%d.jpg: status=%d body=%s, want 200", i, rec.Code, rec.Body)
					continue
				}
				if got := rec.Header().Get(server.RenderHeader); got != "fast" {
					t.Errorf("%d.jpg: %s=%q, want fast", i, server.RenderHeader, got)
				}
				cfg, _ := MustDecodeConfig(t, rec.Body.Bytes())
				if cfg.Width != 300+10*i || cfg.Height != 200 {
					t.Errorf("%d.jpg: %dx%d, want %dx200 (another file's image?)", i, cfg.Width, cfg.Height, 300+10*i)
				}
			}
		})
	}
	wg.Wait()
}
