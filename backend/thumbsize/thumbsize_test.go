package thumbsize_test

import (
	"testing"

	"github.com/imagor-studio/desktop/backend/thumbsize"
)

// The expected sizes are what libvips 8.18.7's vips_thumbnail made of JPEG files of these sizes.
func TestThumbnail_JPEGSizes(t *testing.T) {
	tests := []struct {
		name           string
		iw, ih, tw, th int
		wantW, wantH   int
	}{
		{"Shrink2", 1200, 799, 256, 256, 256, 170},
		{"Shrink4", 2400, 1601, 300, 90, 135, 90},
		{"Shrink8", 4000, 3000, 256, 256, 256, 192},
		{"HeightBound", 640, 427, 1000, 101, 152, 101},
		{"SmallerThanBox", 200, 100, 256, 256, 200, 100},
		{"OnePixelHigh", 4000, 1, 256, 256, 256, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w, h := thumbsize.Thumbnail(tc.iw, tc.ih, tc.tw, tc.th, true, true)
			if w != tc.wantW || h != tc.wantH {
				t.Errorf("Thumbnail(%d, %d, %d, %d)=%dx%d, want %dx%d", tc.iw, tc.ih, tc.tw, tc.th, w, h, tc.wantW, tc.wantH)
			}
		})
	}
}

func TestJPEGShrink_Factors(t *testing.T) {
	tests := []struct {
		shrink float64
		want   int
	}{{1, 1}, {3.99, 1}, {4, 2}, {8, 4}, {15.9, 4}, {16, 8}, {100, 8}}
	for _, tc := range tests {
		if got := thumbsize.JPEGShrink(tc.shrink); got != tc.want {
			t.Errorf("JPEGShrink(%g)=%d, want %d", tc.shrink, got, tc.want)
		}
	}
}
