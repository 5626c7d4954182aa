package editor_test

import (
	"image"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	_ "golang.org/x/image/webp"

	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/listing"
)

// MustVersion returns the listing version of the file at path.
func MustVersion(tb testing.TB, path string) string {
	tb.Helper()
	info, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return listing.Version(info)
}

func TestPreviewFrame(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "photo.jpg", MustJPEG(t, MustPattern(t, 1600, 1200, false), 0))
	MustWrite(t, dir, "turned.jpg", MustJPEG(t, MustPattern(t, 1200, 800, false), 6))
	e := MustEngine(t, map[string]string{"lib": dir})
	view := editor.View{Width: 400, Height: 300}
	cases := []struct {
		name   string
		file   string
		state  editor.State
		view   editor.View
		cached bool
	}{
		{"OKFit", "photo.jpg", editor.State{Brightness: 10}, view, true},
		{"OKCropRotate", "photo.jpg", editor.State{Crop: &editor.Box{Left: 100, Top: 100, Width: 800, Height: 600}, Rotate: 90, FlipH: true}, view, true},
		{"OKCoverPadding", "turned.jpg", editor.State{Width: 300, Height: 300, Mode: editor.ModeCover, Padding: editor.Padding{Left: 20, Top: 20, Right: 20, Bottom: 20}}, view, true},
		{"OKZoom", "photo.jpg", editor.State{Rotate: 270, FlipV: true}, editor.View{Width: 400, Height: 300, Zoom: 4, X: 550, Y: 760}, false},
		{"OKZoomTurned", "turned.jpg", editor.State{Rotate: 90, FlipH: true, Crop: &editor.Box{Left: 50, Top: 100, Width: 700, Height: 1000}}, editor.View{Width: 300, Height: 300, Zoom: 2, X: 430, Y: 280}, false},
		{"OKSmart", "photo.jpg", editor.State{Width: 500, Height: 200, Mode: editor.ModeSmart}, view, false},
		{"OKTrim", "photo.jpg", editor.State{Trim: true}, view, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := MustSource(t, e, "lib/"+tc.file)
			ops, err := editor.Build(tc.state, src)
			if err != nil {
				t.Fatal(err)
			}
			frame, err := editor.PreviewFrame(tc.state, src, tc.view, ops.Width, ops.Height)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(frame.Ops, "preview()") {
				t.Errorf("frame ops %q have no preview()", frame.Ops)
			}
			if tc.view.Zoom > 0 && !regexp.MustCompile(`^\d+x\d+:\d+x\d+/stretch/`).MatchString(frame.Ops) {
				t.Errorf("zoomed frame ops %q, want a crop of the visible source area and a resize", frame.Ops)
			}
			if frame.Cached != tc.cached {
				t.Errorf("frame ops %q: Cached %v, want %v", frame.Ops, frame.Cached, tc.cached)
			}
			version := MustVersion(t, filepath.Join(dir, tc.file))
			path := imageurl.Path(frame.Ops, editor.PreviewKey("lib", version, tc.file), version)
			img := MustDecode(t, MustGet(t, e, path))
			got := img.Bounds().Size()
			if got.X > tc.view.Width || got.Y > tc.view.Height {
				t.Errorf("%s: frame %v is larger than the %dx%d view", path, got, tc.view.Width, tc.view.Height)
			}
			if got.X < frame.Width-2 || got.X > frame.Width+2 || got.Y < frame.Height-2 || got.Y > frame.Height+2 {
				t.Errorf("%s: frame %v, want about %dx%d", path, got, frame.Width, frame.Height)
			}
			output := MustDecode(t, MustGet(t, e, editor.Path(ops.Ops, editor.ImageKey("lib/"+tc.file))))
			window := image.Rect(0, 0, ops.Width, ops.Height)
			if tc.view.Zoom > 0 {
				w, h := int(float64(tc.view.Width)/tc.view.Zoom), int(float64(tc.view.Height)/tc.view.Zoom)
				window = image.Rect(tc.view.X, tc.view.Y, tc.view.X+w, tc.view.Y+h)
			}
			for _, at := range []image.Point{{1, 1}, {3, 1}, {1, 3}, {3, 3}} {
				fx, fy := got.X*at.X/4, got.Y*at.Y/4
				ox := window.Min.X + window.Dx()*at.X/4
				oy := window.Min.Y + window.Dy()*at.Y/4
				if a, b := nearestQuadrant(img.At(fx, fy)), nearestQuadrant(output.At(ox, oy)); a != b {
					t.Errorf("%s: frame pixel %d,%d is %s, output pixel %d,%d is %s", path, fx, fy,
						quadrantName(a), ox, oy, quadrantName(b))
				}
			}
		})
	}
}

func TestPreviewFrame_ChangedFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "photo.jpg")
	solid := func(q int) []byte {
		img := MustPattern(t, 800, 600, false)
		for i := 0; i < len(img.Pix); i += 4 {
			img.Pix[i], img.Pix[i+1], img.Pix[i+2] = quadrants[q].R, quadrants[q].G, quadrants[q].B
		}
		return MustJPEG(t, img, 0)
	}
	MustWrite(t, dir, "photo.jpg", solid(0))
	e := MustEngine(t, map[string]string{"lib": dir})
	src := MustSource(t, e, "lib/photo.jpg")
	state := editor.State{Brightness: 5}
	frame, err := editor.PreviewFrame(state, src, editor.View{Width: 300, Height: 300}, src.Width, src.Height)
	if err != nil {
		t.Fatal(err)
	}
	oldVersion := MustVersion(t, file)
	oldPath := imageurl.Path(frame.Ops, editor.PreviewKey("lib", oldVersion, "photo.jpg"), oldVersion)
	if got := nearestQuadrant(MustDecode(t, MustGet(t, e, oldPath)).At(10, 10)); got != 0 {
		t.Fatalf("first frame is %s, want red", quadrantName(got))
	}

	MustWrite(t, dir, "photo.jpg", solid(2))
	newVersion := MustVersion(t, file)
	if newVersion == oldVersion {
		t.Fatalf("version %q did not change when the file was rewritten", newVersion)
	}
	newPath := imageurl.Path(frame.Ops, editor.PreviewKey("lib", newVersion, "photo.jpg"), newVersion)
	if newPath == oldPath {
		t.Fatalf("preview path %q did not change with the file", newPath)
	}
	if got := nearestQuadrant(MustDecode(t, MustGet(t, e, newPath)).At(10, 10)); got != 2 {
		t.Errorf("frame after the rewrite is %s, want blue", quadrantName(got))
	}
	// The old key still hits the cached decode of the old file: this is why the key carries
	// the version.
	if got := nearestQuadrant(MustDecode(t, MustGet(t, e, oldPath+"&again")).At(10, 10)); got != 0 {
		t.Errorf("old key after the rewrite is %s, want the cached red", quadrantName(got))
	}
}
