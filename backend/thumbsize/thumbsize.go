// Package thumbsize computes the output sizes of libvips 8.18's thumbnail operation, which
// imagor uses for fit-in and for resizes at load, without asking libvips. The editor predicts its
// output sizes with it, and the engine's fast path plans a deeper JPEG shrink that still ends at
// imagor's size.
package thumbsize

import "math"

// JPEGShrink returns the factor libvips' thumbnail operation decodes a JPEG at for a shrink of
// shrink: 1/2, 1/4 or 1/8 scale, leaving at least a factor of 2 for the resize
// (libvips resample/thumbnail.c).
func JPEGShrink(shrink float64) int {
	switch {
	case shrink >= 16:
		return 8
	case shrink >= 8:
		return 4
	case shrink >= 4:
		return 2
	}
	return 1
}

// Thumbnail returns the size a libvips thumbnail gives an iw x ih image fitted into tw x th.
// A JPEG is first decoded at the scale JPEGShrink picks. Measured on libvips 8.18, the scaled
// decode rounds each side down: a 640x427 JPEG fitted to a height of 101 comes out 152 wide,
// not 151.
// NOTE: WebP, HEIF and AVIF also shrink on load; they are assumed to round plainly, untested.
func Thumbnail(iw, ih, tw, th int, down, jpeg bool) (int, int) {
	shrink := math.Max(float64(iw)/float64(tw), float64(ih)/float64(th))
	if down && shrink < 1 {
		return iw, ih
	}
	factor := 1
	if jpeg {
		factor = JPEGShrink(shrink)
	}
	return Fit(iw/factor, ih/factor, tw, th, down)
}

// Fit returns the size libvips gives an iw x ih image fitted into tw x th, never larger than the
// image when down is true. Each side is the source side over the shrink, rounded half up.
func Fit(iw, ih, tw, th int, down bool) (int, int) {
	shrink := math.Max(float64(iw)/float64(tw), float64(ih)/float64(th))
	if down && shrink < 1 {
		return iw, ih
	}
	return max(1, int(float64(iw)/shrink+0.5)), max(1, int(float64(ih)/shrink+0.5))
}
