package server

import "testing"

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
