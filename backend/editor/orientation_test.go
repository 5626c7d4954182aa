package editor_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg"
	"testing"

	"github.com/imagor-studio/desktop/backend/editor"
)

// MustDecode decodes an encoded image with Go's decoders, which ignore EXIF orientation.
func MustDecode(tb testing.TB, data []byte) image.Image {
	tb.Helper()
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("decode: %v", err)
	}
	return img
}

// nearestQuadrant returns the index of the quadrant colour closest to c.
func nearestQuadrant(c color.Color) int {
	r, g, b, _ := c.RGBA()
	best, bestDist := -1, int64(1<<62)
	for i, q := range quadrants {
		dr, dg, db := int64(r>>8)-int64(q.R), int64(g>>8)-int64(q.G), int64(b>>8)-int64(q.B)
		if d := dr*dr + dg*dg + db*db; d < bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

func TestBuild_Orientation6Crop(t *testing.T) {
	dir := t.TempDir()
	// Stored 300x200 with orientation 6, so it shows as 200x300 turned clockwise: the shown
	// top-left quarter is the stored bottom-left (blue), top-right is red, bottom-left is
	// yellow and bottom-right is green.
	MustWrite(t, dir, "turned.jpg", MustJPEG(t, MustPattern(t, 300, 200, false), 6))
	e := MustEngine(t, map[string]string{"lib": dir})
	src := MustSource(t, e, "lib/turned.jpg")
	if src.Width != 200 || src.Height != 300 || src.Orientation != 6 {
		t.Fatalf("source %+v, want 200x300 with orientation 6", src)
	}
	// The box is centred on the shown image's centre, so each of its quarters has one colour.
	crop := &editor.Box{Left: 20, Top: 50, Width: 160, Height: 200}
	blue, red, yellow, green := 2, 0, 3, 1
	want := [4]int{blue, red, yellow, green}
	cases := []struct {
		name  string
		state editor.State
	}{
		{"OKCropFilter", editor.State{Crop: crop}},
		{"OKThumbnail", editor.State{Crop: crop, Width: 80, Height: 100, Mode: editor.ModeFitIn}},
		{"OKStoredFrame", editor.State{Crop: crop, Width: 80, Height: 100, Mode: editor.ModeFitIn, MaxBytes: 1 << 20}},
		{"OKStoredFrameNoResize", editor.State{Crop: crop, Width: 1000, Height: 1000, Mode: editor.ModeFitIn, MaxBytes: 1 << 20}},
		{"OKFlipsAndHalfTurn", editor.State{Crop: crop, Width: 80, Height: 100, Mode: editor.ModeCover, FlipH: true, FlipV: true, Rotate: 180}},
		{"OKCoverNoUpscale", editor.State{Crop: crop, Width: 500, Height: 500, Mode: editor.ModeCover, NoUpscale: true, Rotate: 180, FlipH: true, FlipV: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ops, err := editor.Build(tc.state, src)
			if err != nil {
				t.Fatal(err)
			}
			path := editor.Path(ops.Ops, editor.ImageKey("lib/turned.jpg"))
			img := MustDecode(t, MustGet(t, e, path))
			bounds := img.Bounds()
			if bounds.Dx() != ops.Width || bounds.Dy() != ops.Height {
				t.Errorf("%s: decoded %dx%d, want %dx%d", path, bounds.Dx(), bounds.Dy(), ops.Width, ops.Height)
			}
			for i, at := range []image.Point{{1, 1}, {3, 1}, {1, 3}, {3, 3}} {
				x, y := bounds.Dx()*at.X/4, bounds.Dy()*at.Y/4
				if got := nearestQuadrant(img.At(x, y)); got != want[i] {
					t.Errorf("%s: pixel %d,%d is %v (%s), want %s", path, x, y, img.At(x, y),
						quadrantName(got), quadrantName(want[i]))
				}
			}
		})
	}
}

func quadrantName(i int) string {
	return fmt.Sprint([]string{"red", "green", "blue", "yellow"}[i])
}
