package server

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/cshum/vipsgen/vips"
)

func TestJPEGShrink_Factors(t *testing.T) {
	tests := []struct {
		name                      string
		width, height, boxW, boxH int
		want                      int
	}{
		{"Thumbnail12MP", 4000, 3000, 256, 256, 8},
		{"Preview12MP", 4000, 3000, 1200, 1200, 2},
		{"ExactlyEight", 2048, 1536, 256, 256, 8},
		{"JustUnderFour", 1000, 750, 256, 256, 2},
		{"Viewer", 4000, 3000, 2048, 2048, 1},
		{"SmallerThanBox", 200, 100, 256, 256, 1},
		{"PortraitInWideBox", 3000, 4000, 512, 256, 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := jpegShrink(tc.width, tc.height, tc.boxW, tc.boxH); got != tc.want {
				t.Errorf("jpegShrink(%d, %d, %d, %d)=%d, want %d", tc.width, tc.height, tc.boxW, tc.boxH, got, tc.want)
			}
		})
	}
}

func TestParseFast_Paths(t *testing.T) {
	tests := []struct {
		name string
		path string
		want bool
	}{
		{"OKThumbnail", "/unsafe/fit-in/256x256/filters:format(webp):quality(80)/lib/a.jpg", true},
		{"OKPreview", "/unsafe/fit-in/2048x2048/filters:format(webp):quality(90)/lib/b%20c.png", true},
		{"OKBase64Key", "/unsafe/fit-in/256x256/filters:format(webp):quality(80)/b64:bGliL2EuanBn", true},
		{"Signed", "/0123456789abcdef0123456789/fit-in/256x256/filters:format(webp):quality(80)/lib/a.jpg", false},
		{"NoFitIn", "/unsafe/256x256/filters:format(webp):quality(80)/lib/a.jpg", false},
		{"Flip", "/unsafe/fit-in/-256x256/filters:format(webp):quality(80)/lib/a.jpg", false},
		{"JPEGOutput", "/unsafe/fit-in/256x256/filters:format(jpeg):quality(80)/lib/a.jpg", false},
		{"NoQuality", "/unsafe/fit-in/256x256/filters:format(webp)/lib/a.jpg", false},
		{"OtherFilter", "/unsafe/fit-in/256x256/filters:format(webp):quality(80):blur(2)/lib/a.jpg", false},
		{"GIF", "/unsafe/fit-in/256x256/filters:format(webp):quality(80)/lib/a.gif", false},
		{"RAW", "/unsafe/fit-in/256x256/filters:format(webp):quality(80)/lib/a.cr2", false},
		{"Video", "/unsafe/fit-in/256x256/filters:format(webp):quality(80)/lib/a.mp4", false},
		{"Meta", "/unsafe/meta/fit-in/256x256/filters:format(webp):quality(80)/lib/a.jpg", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, got := parseFast(tc.path); got != tc.want {
				t.Errorf("parseFast(%q) took=%v, want %v", tc.path, got, tc.want)
			}
		})
	}
}

func TestParseFastMeta_Paths(t *testing.T) {
	if key, ok := parseFastMeta("/unsafe/meta/lib/a.jpg"); !ok || key != "lib/a.jpg" {
		t.Errorf("plain meta: key=%q ok=%v, want lib/a.jpg", key, ok)
	}
	for _, path := range []string{
		"/unsafe/meta/fit-in/100x100/lib/a.jpg",
		"/unsafe/meta/filters:strip_exif()/lib/a.jpg",
		"/unsafe/meta/lib/a.gif",
		"/unsafe/fit-in/100x100/lib/a.jpg",
	} {
		if _, ok := parseFastMeta(path); ok {
			t.Errorf("parseFastMeta(%q) took it, want imagor to serve it", path)
		}
	}
}

// TestThumbnailSize_MatchesLibvips compares the planned size with vips_thumbnail's on the file,
// imagor's path, over a sweep of JPEG sizes, boxes and both kinds of orientation.
func TestThumbnailSize_MatchesLibvips(t *testing.T) {
	vips.Startup(nil)
	dir := t.TempDir()
	boxes := [][2]int{{256, 256}, {100, 80}, {1200, 1200}, {300, 90}, {2048, 2048}, {512, 256}}
	checked := 0
	for width := 301; width < 4200; width += 293 {
		for _, height := range []int{width*3/4 + 1, width*2/3 - 1, width * 16 / 9, width/3 + 7} {
			for _, orientation := range []int{1, 6} {
				name := writeBlackJPEG(t, dir, width, height, orientation)
				for _, box := range boxes {
					req := fastRequest{width: box[0], height: box[1], quality: 80}
					upW, upH := width, height
					if orientation >= 5 {
						upW, upH = height, width
					}
					gotW, gotH := thumbnailSize(upW, upH, orientation >= 5, req)
					want, err := vips.NewThumbnail(name, box[0], &vips.ThumbnailOptions{Height: box[1], Size: vips.SizeDown})
					if err != nil {
						t.Fatal(err)
					}
					if gotW != want.Width() || gotH != want.Height() {
						t.Errorf("%dx%d orientation %d in %dx%d: planned %dx%d, vips_thumbnail %dx%d",
							width, height, orientation, box[0], box[1], gotW, gotH, want.Width(), want.Height())
					}
					want.Close()
					checked++
				}
			}
		}
	}
	t.Logf("compared %d sizes", checked)
}

// writeBlackJPEG writes a black width x height JPEG with the given EXIF orientation to dir.
func writeBlackJPEG(t *testing.T, dir string, width, height, orientation int) string {
	t.Helper()
	img, err := vips.NewBlack(width, height, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer img.Close()
	if err := img.SetOrientation(orientation); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, fmt.Sprintf("%dx%d-%d.jpg", width, height, orientation))
	if err := img.Jpegsave(name, nil); err != nil {
		t.Fatal(err)
	}
	return name
}

func TestFastRequest_Effort(t *testing.T) {
	tests := []struct {
		width, height, want int
	}{
		{256, 256, webpThumbnailEffort},
		{512, 512, webpThumbnailEffort},
		{512, 513, webpEffort},
		{2048, 2048, webpEffort},
	}
	for _, tc := range tests {
		req := fastRequest{width: tc.width, height: tc.height, quality: 80}
		if got := req.effort(); got != tc.want {
			t.Errorf("effort for %dx%d=%d, want %d", tc.width, tc.height, got, tc.want)
		}
	}
}
