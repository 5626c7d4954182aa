package editor

// rect is a rectangle with fractional coordinates, for mapping boxes between frames.
type rect struct {
	x, y, w, h float64
}

func rectOf(b Box) rect {
	return rect{float64(b.Left), float64(b.Top), float64(b.Width), float64(b.Height)}
}

// box returns r rounded to whole pixels.
func (r rect) box() Box {
	return Box{Left: roundInt(r.x), Top: roundInt(r.y), Width: roundInt(r.w), Height: roundInt(r.h)}
}

// intersect returns the part of r inside o, with zero size when they do not overlap.
func (r rect) intersect(o rect) rect {
	x0, y0 := max(r.x, o.x), max(r.y, o.y)
	x1, y1 := min(r.x+r.w, o.x+o.w), min(r.y+r.h, o.y+o.h)
	if x1 <= x0 || y1 <= y0 {
		return rect{}
	}
	return rect{x0, y0, x1 - x0, y1 - y0}
}

// swapsSides reports whether EXIF orientation o turns the stored image by 90 degrees.
func swapsSides(o int) bool {
	return o >= 5 && o <= 8
}

// toStored maps b, in the oriented image of width w and height h, to the stored pixels of a
// file with EXIF orientation o. libvips applies orientation 6 as a 90 degree clockwise turn, so
// an oriented point (x, y) is the stored point (y, w-x). The other cases follow the EXIF table.
func toStored(b Box, o, w, h int) Box {
	x, y, bw, bh := b.Left, b.Top, b.Width, b.Height
	switch o {
	case 2:
		return Box{w - x - bw, y, bw, bh}
	case 3:
		return Box{w - x - bw, h - y - bh, bw, bh}
	case 4:
		return Box{x, h - y - bh, bw, bh}
	case 5:
		return Box{y, x, bh, bw}
	case 6:
		return Box{y, w - x - bw, bh, bw}
	case 7:
		return Box{h - y - bh, w - x - bw, bh, bw}
	case 8:
		return Box{h - y - bh, x, bh, bw}
	}
	return b
}

// toOriented is the inverse of toStored: it maps b, in the stored pixels of width sw and height
// sh, to the oriented image.
func toOriented(b Box, o, sw, sh int) Box {
	x, y, bw, bh := b.Left, b.Top, b.Width, b.Height
	switch o {
	case 2:
		return Box{sw - x - bw, y, bw, bh}
	case 3:
		return Box{sw - x - bw, sh - y - bh, bw, bh}
	case 4:
		return Box{x, sh - y - bh, bw, bh}
	case 5:
		return Box{y, x, bh, bw}
	case 6:
		return Box{sh - y - bh, x, bh, bw}
	case 7:
		return Box{sh - y - bh, sw - x - bw, bh, bw}
	case 8:
		return Box{y, sw - x - bw, bh, bw}
	}
	return b
}

// storedSize returns the stored width and height of src.
func storedSize(src Source) (int, int) {
	if swapsSides(src.Orientation) {
		return src.Height, src.Width
	}
	return src.Width, src.Height
}

func roundInt(v float64) int {
	if v < 0 {
		return -int(-v + 0.5)
	}
	return int(v + 0.5)
}
