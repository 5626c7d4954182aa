package server_test

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"testing"

	"github.com/imagor-studio/desktop/backend/imageurl"
)

// TestFastPath_SizeSweep compares the fast path's output size with imagor's over random JPEG
// sizes, thin ones among them, the quarter-turn orientations and odd boxes.
func TestFastPath_SizeSweep(t *testing.T) {
	lib := MustLibrary(t)
	rng := rand.New(rand.NewPCG(1, 2))
	boxes := [][2]int{{1, 1}, {3, 1000}, {10000, 10}, {513, 512}, {100, 80}, {2048, 2048}, {256, 256}, {7, 5}, {999, 1}}
	diffs, fastCount, n := 0, 0, 0
	for i := range 24 {
		w, h := 1+rng.IntN(3000), 1+rng.IntN(3000)
		if i%4 == 0 {
			w = 1 + rng.IntN(40)
		}
		o := uint16(1)
		if i%2 == 1 {
			o = uint16(5 + rng.IntN(4))
		}
		name := fmt.Sprintf("s%d-%dx%d-%d.jpg", i, w, h, o)
		MustWriteFile(t, lib, name, WithOrientation(t, MustGrayJPEG(t, w, h), o))
		for _, box := range boxes {
			ops := fmt.Sprintf("fit-in/%dx%d/filters:format(webp):quality(80)", box[0], box[1])
			fast := serve(http.MethodGet, imageurl.Path(ops, libraryID+"/"+name, "1"), nil)
			slow := serve(http.MethodGet, imageurl.Path(ops+":no_upscale()", libraryID+"/"+name, "1"), nil)
			n++
			if fast.Header().Get("X-Render") == "fast" {
				fastCount++
			}
			if fast.Code != 200 || slow.Code != 200 {
				if fast.Code != slow.Code {
					diffs++
					t.Errorf("%s in %v: fast %d %s, imagor %d %s", name, box, fast.Code, fast.Body, slow.Code, slow.Body)
				}
				continue
			}
			a, _ := MustDecodeConfig(t, fast.Body.Bytes())
			b, _ := MustDecodeConfig(t, slow.Body.Bytes())
			if a.Width != b.Width || a.Height != b.Height {
				diffs++
				t.Errorf("%s in %v: fast %dx%d (%s), imagor %dx%d", name, box, a.Width, a.Height, fast.Header().Get("X-Render"), b.Width, b.Height)
			}
		}
	}
	t.Logf("%d requests, %d by the fast path, %d differ", n, fastCount, diffs)
}
