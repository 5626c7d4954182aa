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

func quadrantName(i int) string {
	return fmt.Sprint([]string{"red", "green", "blue", "yellow"}[i])
}

// samples are the points checked in each output, as quarters of its width and height.
var samples = []image.Point{{1, 1}, {3, 1}, {1, 3}, {3, 3}}

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
	cases := []struct {
		name  string
		state editor.State
		want  [4]int // colours at the samples
	}{
		{"OKCropFilter", editor.State{Crop: crop}, [4]int{blue, red, yellow, green}},
		{"OKThumbnail", editor.State{Crop: crop, Width: 80, Height: 100, Mode: editor.ModeFitIn}, [4]int{blue, red, yellow, green}},
		{"OKStoredFrame", editor.State{Crop: crop, Width: 80, Height: 100, Mode: editor.ModeFitIn, MaxBytes: 1 << 20}, [4]int{blue, red, yellow, green}},
		{"OKStoredFrameNoResize", editor.State{Crop: crop, Width: 1000, Height: 1000, Mode: editor.ModeFitIn, MaxBytes: 1 << 20}, [4]int{blue, red, yellow, green}},
		{"OKFlipsAndHalfTurn", editor.State{Crop: crop, Width: 80, Height: 100, Mode: editor.ModeCover, FlipH: true, FlipV: true, Rotate: 180}, [4]int{blue, red, yellow, green}},
		{"OKCoverNoUpscale", editor.State{Crop: crop, Width: 500, Height: 500, Mode: editor.ModeCover, NoUpscale: true, Rotate: 180, FlipH: true, FlipV: true}, [4]int{blue, red, yellow, green}},
		{"OKRotateClockwise", editor.State{Crop: crop, Rotate: 90}, [4]int{yellow, blue, green, red}},
		{"OKFlipH", editor.State{Crop: crop, Width: 80, Height: 100, FlipH: true}, [4]int{red, blue, green, yellow}},
		{"OKFlipV", editor.State{Crop: crop, FlipV: true}, [4]int{yellow, green, blue, red}},
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
			for i, at := range samples {
				x, y := bounds.Dx()*at.X/4, bounds.Dy()*at.Y/4
				if got := nearestQuadrant(img.At(x, y)); got != tc.want[i] {
					t.Errorf("%s: pixel %d,%d is %s, want %s", path, x, y, quadrantName(got), quadrantName(tc.want[i]))
				}
			}
		})
	}
}

// TestBuild_EveryOrientation checks crops and focal points against imagor's own auto-rotated
// rendering of the same file, for all eight EXIF orientations.
func TestBuild_EveryOrientation(t *testing.T) {
	dir := t.TempDir()
	for o := 1; o <= 8; o++ {
		MustWrite(t, dir, fmt.Sprintf("o%d.jpg", o), MustJPEG(t, MustPattern(t, 300, 200, false), o))
	}
	e := MustEngine(t, map[string]string{"lib": dir})
	for o := 1; o <= 8; o++ {
		key := fmt.Sprintf("lib/o%d.jpg", o)
		src := MustSource(t, e, key)
		reference := MustDecode(t, MustGet(t, e, editor.Path("", editor.ImageKey(key))))
		// A box centred on the image, so each quarter of it has one colour of the pattern.
		crop := &editor.Box{Left: src.Width / 10, Top: src.Height / 10, Width: src.Width * 8 / 10, Height: src.Height * 8 / 10}
		states := map[string]editor.State{
			"CropFilter":    {Crop: crop},
			"Thumbnail":     {Crop: crop, Width: 100, Height: 100, Mode: editor.ModeFitIn},
			"StoredFrame":   {Crop: crop, Width: 100, Height: 100, Mode: editor.ModeFitIn, MaxBytes: 1 << 20},
			"StoredNoScale": {Crop: crop, Width: 1000, Height: 1000, Mode: editor.ModeFitIn, FlipV: true, FlipH: true, Rotate: 180},
		}
		for name, state := range states {
			t.Run(fmt.Sprintf("OKOrientation%d%s", o, name), func(t *testing.T) {
				ops, err := editor.Build(state, src)
				if err != nil {
					t.Fatal(err)
				}
				path := editor.Path(ops.Ops, editor.ImageKey(key))
				img := MustDecode(t, MustGet(t, e, path))
				for _, at := range samples {
					x, y := img.Bounds().Dx()*at.X/4, img.Bounds().Dy()*at.Y/4
					rx, ry := crop.Left+crop.Width*at.X/4, crop.Top+crop.Height*at.Y/4
					got, want := nearestQuadrant(img.At(x, y)), nearestQuadrant(reference.At(rx, ry))
					if got != want {
						t.Errorf("%s: pixel %d,%d is %s, the source at %d,%d is %s", path, x, y, quadrantName(got), rx, ry, quadrantName(want))
					}
				}
			})
		}
		t.Run(fmt.Sprintf("OKOrientation%dFocal", o), func(t *testing.T) {
			focal := &editor.Point{X: src.Width * 85 / 100, Y: src.Height / 2}
			state := editor.State{Width: 20, Height: src.Height, Mode: editor.ModeCover, Focal: focal}
			ops, err := editor.Build(state, src)
			if err != nil {
				t.Fatal(err)
			}
			path := editor.Path(ops.Ops, editor.ImageKey(key))
			img := MustDecode(t, MustGet(t, e, path))
			for _, y := range []int{src.Height / 4, src.Height * 3 / 4} {
				got, want := nearestQuadrant(img.At(10, y)), nearestQuadrant(reference.At(focal.X, y))
				if got != want {
					t.Errorf("%s: strip at row %d is %s, the source at the focal column is %s", path, y, quadrantName(got), quadrantName(want))
				}
			}
		})
	}
}
