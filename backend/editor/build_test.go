package editor_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cshum/imagor/imagorpath"

	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/imageurl"
)

// trickyNames are file names that imagor would misread unless the image part is encoded.
var trickyNames = []string{
	"plain.jpg", "with space.jpg", "a+b.jpg", "100%.jpg", "what?.jpg", "hash#1.jpg", "a,b.jpg",
	"(paren).jpg", "日本語.jpg", "cafe\u0301.jpg", " leading.jpg", "fit-in/photo.jpg",
}

// buildCase is one row of the table: a state on a fixture.
type buildCase struct {
	name    string
	fixture string // photo (640x427 JPEG), alpha (300x200 PNG) or rotated (EXIF 6, 300x400 shown)
	state   editor.State
}

func buildCases() []buildCase {
	crop := func(l, t, w, h int) *editor.Box { return &editor.Box{Left: l, Top: t, Width: w, Height: h} }
	red := editor.Background{Kind: editor.BackgroundColor, Color: "#FF0000"}
	clear := editor.Background{Kind: editor.BackgroundTransparent}
	all := editor.State{
		Crop: crop(20, 10, 560, 400), Width: 240, Height: 160, Mode: editor.ModeCover, HAlign: "left",
		Focal: &editor.Point{X: 300, Y: 200}, NoUpscale: true, FlipH: true, FlipV: true, Rotate: 90,
		Brightness: 10, Contrast: -10, Saturation: 20, Hue: 30, Grayscale: true, Blur: 1.5, Sharpen: 0.3,
		RoundCorner: 12, Pixelate: 3, RGB: editor.RGB{R: 10, G: -5, B: 0},
		Redact:     []editor.Box{{Left: 100, Top: 100, Width: 50, Height: 40}},
		Background: red, Padding: editor.Padding{Left: 1, Top: 2, Right: 3, Bottom: 4},
		Format: "webp", Quality: 70, StripExif: true, StripIcc: true,
	}
	return []buildCase{
		{"OKFitIn", "photo", editor.State{Width: 320, Height: 240, Mode: editor.ModeFitIn}},
		{"OKOriginal", "photo", editor.State{}},
		{"OKCover", "photo", editor.State{Width: 200, Height: 200, Mode: editor.ModeCover}},
		{"OKCoverLeft", "photo", editor.State{Width: 200, Height: 100, Mode: editor.ModeCover, HAlign: "left"}},
		{"OKCoverTopRight", "photo", editor.State{Width: 100, Height: 200, Mode: editor.ModeCover, HAlign: "right", VAlign: "top"}},
		{"OKStretch", "photo", editor.State{Width: 300, Height: 100, Mode: editor.ModeStretch}},
		{"OKStretchOneSide", "photo", editor.State{Width: 300, Mode: editor.ModeStretch}},
		{"OKSmart", "photo", editor.State{Width: 150, Height: 150, Mode: editor.ModeSmart}},
		{"OKWidthOnly", "photo", editor.State{Width: 301, Mode: editor.ModeCover}},
		{"OKHeightOnly", "photo", editor.State{Height: 101, Mode: editor.ModeFitIn}},
		{"OKCropOnly", "photo", editor.State{Crop: crop(10, 20, 300, 200)}},
		{"OKCropFitIn", "photo", editor.State{Crop: crop(10, 20, 300, 200), Width: 200, Height: 200, Mode: editor.ModeFitIn}},
		{"OKCropToEdge", "photo", editor.State{Crop: crop(340, 127, 300, 300), Width: 100, Height: 100, Mode: editor.ModeCover}},
		{"OKFlips", "photo", editor.State{FlipH: true, FlipV: true}},
		{"OKCropFlips", "photo", editor.State{Crop: crop(0, 0, 100, 50), FlipH: true, FlipV: true}},
		{"OKRotate90", "photo", editor.State{Width: 200, Height: 100, Mode: editor.ModeFitIn, Rotate: 90}},
		{"OKRotatePadding", "photo", editor.State{Width: 300, Height: 300, Mode: editor.ModeFitIn, Rotate: 270,
			Background: red, Padding: editor.Padding{Left: 5, Top: 10, Right: 15, Bottom: 20}}},
		{"OKPaddingNoBox", "photo", editor.State{Rotate: 90, Padding: editor.Padding{Left: 5, Top: 10, Right: 15, Bottom: 20}}},
		{"OKLetterboxTransparent", "alpha", editor.State{Width: 200, Height: 200, Mode: editor.ModeFitIn, Background: clear}},
		{"OKBackgroundFlatten", "alpha", editor.State{Background: red, Format: "png"}},
		{"OKNoUpscaleCover", "photo", editor.State{Width: 2000, Height: 100, Mode: editor.ModeCover, NoUpscale: true}},
		{"OKNoUpscaleCoverBoth", "photo", editor.State{Width: 2000, Height: 1000, Mode: editor.ModeCover, NoUpscale: true}},
		{"OKNoUpscaleStretch", "photo", editor.State{Width: 1000, Height: 1000, Mode: editor.ModeStretch, NoUpscale: true}},
		{"OKUpscaleCover", "photo", editor.State{Width: 900, Height: 700, Mode: editor.ModeCover}},
		{"OKFitInLarger", "photo", editor.State{Width: 4000, Height: 4000, Mode: editor.ModeFitIn, Background: red}},
		{"OKFocal", "photo", editor.State{Width: 100, Height: 300, Mode: editor.ModeCover, Focal: &editor.Point{X: 500, Y: 100}}},
		{"OKFilters", "photo", editor.State{Brightness: -20, Contrast: 30, Saturation: -40, Hue: 180, Grayscale: true,
			Blur: 2, Sharpen: 0.5, RoundCorner: 20, Pixelate: 4, RGB: editor.RGB{R: 50, G: 0, B: -50}}},
		{"OKRedact", "photo", editor.State{Crop: crop(0, 0, 400, 300), Width: 200, Height: 200, Mode: editor.ModeCover,
			Redact: []editor.Box{{Left: 10, Top: 10, Width: 50, Height: 50}, {Left: 380, Top: 280, Width: 100, Height: 100}}}},
		{"OKTrim", "alpha", editor.State{Trim: true, Width: 100, Height: 100, Mode: editor.ModeFitIn}},
		{"OKMaxBytes", "photo", editor.State{Width: 300, Height: 200, MaxBytes: 6000, Format: "jpeg"}},
		{"OKFormatPNG", "photo", editor.State{Width: 100, Height: 80, Format: "png"}},
		{"OKFormatWebP", "photo", editor.State{Width: 100, Height: 80, Format: "webp", Quality: 50}},
		{"OKFormatAVIF", "photo", editor.State{Width: 100, Height: 80, Format: "avif"}},
		{"OKFormatGIF", "photo", editor.State{Width: 100, Height: 80, Format: "gif"}},
		{"OKFormatTIFF", "photo", editor.State{Width: 100, Height: 80, Format: "tiff"}},
		{"OKEverything", "photo", all},
		{"OKRotatedCover", "rotated", editor.State{Width: 150, Height: 100, Mode: editor.ModeCover, Rotate: 90}},
		{"OKRotatedFitInLarger", "rotated", editor.State{Width: 1000, Height: 1000, Mode: editor.ModeFitIn, Rotate: 180, Background: red}},
		{"OKRotatedCropFlipV", "rotated", editor.State{Crop: crop(10, 30, 200, 300), Width: 100, Height: 0, Mode: editor.ModeFitIn, FlipV: true}},
		{"OKRotatedFocal", "rotated", editor.State{Width: 300, Height: 100, Mode: editor.ModeCover, Focal: &editor.Point{X: 150, Y: 350}}},
		{"OKRotatedEverything", "rotated", func() editor.State {
			s := all
			s.Crop, s.Focal, s.Redact = crop(10, 20, 250, 350), &editor.Point{X: 100, Y: 100}, []editor.Box{{Left: 50, Top: 50, Width: 30, Height: 30}}
			return s
		}()},
	}
}

// MustFixtures writes the fixture images under every tricky name into a new library folder and
// returns the folder.
func MustFixtures(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	fixtures := map[string][]byte{
		"photo":   MustJPEG(tb, MustPattern(tb, 640, 427, false), 0),
		"alpha":   MustPNG(tb, MustPattern(tb, 300, 200, true)),
		"rotated": MustJPEG(tb, MustPattern(tb, 400, 300, false), 6),
	}
	for fixture, data := range fixtures {
		for _, name := range trickyNames {
			MustWrite(tb, dir, fixture+"/"+name, data)
		}
	}
	return dir
}

func TestBuild(t *testing.T) {
	dir := MustFixtures(t)
	out := t.TempDir()
	e := MustEngine(t, map[string]string{"lib": dir, "out": out})
	sources := map[string]editor.Source{}
	for _, fixture := range []string{"photo", "alpha", "rotated"} {
		sources[fixture] = MustSource(t, e, "lib/"+fixture+"/plain.jpg")
	}
	for i, tc := range buildCases() {
		rel := tc.fixture + "/" + trickyNames[i%len(trickyNames)]
		t.Run(tc.name, func(t *testing.T) {
			src := sources[tc.fixture]
			ops, err := editor.Build(tc.state, src)
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			path := editor.Path(ops.Ops, imageurl.EncodeImage("lib/"+rel))
			body := MustGet(t, e, path)
			wantFormat := tc.state.Format
			if wantFormat == "" {
				wantFormat = src.Format
			}
			if got := formatOf(body); got != wantFormat {
				t.Errorf("%s: format %s, want %s", path, got, wantFormat)
			}
			name := fmt.Sprintf("%02d.%s", i, wantFormat)
			if err := os.WriteFile(filepath.Join(out, name), body, 0o644); err != nil {
				t.Fatal(err)
			}
			got := MustMeta(t, e, editor.SourceMetaPath("out/"+name))
			want := editor.Meta{Width: ops.Width, Height: ops.Height}
			if !ops.SizeKnown {
				want = MustMeta(t, e, editor.MetaPath(ops.Ops, "lib/"+rel))
			}
			if got.Width != want.Width || got.Height != want.Height {
				t.Errorf("%s: output %dx%d, want %dx%d", path, got.Width, got.Height, want.Width, want.Height)
			}
			if got.Orientation > 1 {
				t.Errorf("%s: output has EXIF orientation %d, want the pixels turned", path, got.Orientation)
			}
			checkParts(t, ops, rel)
			checkSigned(t, ops.Ops, rel)
		})
	}
}

// checkParts checks that the parts join to the path and each has an explanation.
func checkParts(t *testing.T, ops editor.Operations, rel string) {
	t.Helper()
	image := imageurl.EncodeImage(rel)
	parts := editor.PathParts(ops, image, rel)
	var joined strings.Builder
	for _, p := range parts {
		joined.WriteString(p.Text)
		if p.Explanation == "" {
			t.Errorf("part %q has no explanation", p.Text)
		}
	}
	if want := editor.Path(ops.Ops, image); joined.String() != want {
		t.Errorf("parts join to %q, want %q", joined.String(), want)
	}
	if strings.Contains(ops.Ops, "preview(") {
		t.Errorf("ops %q contain preview(), which a copied URL must not", ops.Ops)
	}
}

// checkSigned signs the URL with every signer and truncation and checks it with imagor's own
// signer and parser.
func checkSigned(t *testing.T, ops, rel string) {
	t.Helper()
	algs := map[string]func() hash.Hash{"sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New}
	for name, alg := range algs {
		for _, truncate := range []int{0, 40} {
			server := imageurl.Server{BaseURL: "https://img.example.com/base", Secret: "s3cret", Signer: name, Truncate: truncate}
			url, _, err := server.URL(ops, rel)
			if err != nil {
				t.Fatalf("URL: %v", err)
			}
			rest, ok := strings.CutPrefix(url, "https://img.example.com/base/")
			if !ok {
				t.Fatalf("URL %q does not start with the base URL", url)
			}
			sig, signed, _ := strings.Cut(rest, "/")
			if want := imagorpath.NewHMACSigner(alg, truncate, "s3cret").Sign(signed); sig != want {
				t.Errorf("%s truncate %d: signature %q, imagor signs %q", name, truncate, sig, want)
			}
			if p := imagorpath.Parse(rest); p.Image != rel || p.Hash != sig {
				t.Errorf("%s truncate %d: imagor parses image %q hash %q, want %q and %q", name, truncate, p.Image, p.Hash, rel, sig)
			}
		}
	}
}

func TestBuild_Invalid(t *testing.T) {
	src := editor.Source{Width: 100, Height: 100, Format: "jpeg"}
	cases := []struct {
		name  string
		state editor.State
	}{
		{"ErrCropOutside", editor.State{Crop: &editor.Box{Left: 50, Top: 0, Width: 60, Height: 10}}},
		{"ErrRotate", editor.State{Rotate: 45}},
		{"ErrBrightness", editor.State{Brightness: 101}},
		{"ErrColor", editor.State{Background: editor.Background{Kind: editor.BackgroundColor, Color: "red"}}},
		{"ErrFormat", editor.State{Format: "bmp"}},
		{"ErrMode", editor.State{Mode: "fill"}},
		{"ErrRedactSmart", editor.State{Width: 50, Height: 20, Mode: editor.ModeSmart, Redact: []editor.Box{{Left: 1, Top: 1, Width: 5, Height: 5}}}},
		{"ErrRedactTrim", editor.State{Trim: true, Redact: []editor.Box{{Left: 1, Top: 1, Width: 5, Height: 5}}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := editor.Build(tc.state, src)
			if !errors.Is(err, editor.ErrInvalidState) {
				t.Fatalf("Build = %v, want ErrInvalidState", err)
			}
		})
	}
}
