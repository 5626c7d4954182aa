package editor

import (
	"math"

	"github.com/imagor-studio/desktop/backend/thumbsize"
)

// planResize mirrors imagor's choice between a libvips thumbnail at load and a resize of the
// decoded image, because the two round and treat no_upscale differently.
func (p *plan) planResize() {
	s := p.state
	iw, ih := p.crop.Width, p.crop.Height
	p.region = rectOf(p.crop)
	if s.Trim {
		p.sizeKnown, p.regionKnown = false, false
	}
	p.upscale = p.mode != ModeFitIn && !(s.NoUpscale && p.mode != "")
	p.thumbnail = !p.rawLoad && p.urlCrop == nil && !p.cropFilter && p.mode != "" && p.thumbnailEligible()
	if p.mode == "" {
		p.boxW, p.boxH, p.resizedW, p.resizedH = iw, ih, iw, ih
		return
	}
	if p.thumbnail {
		p.resizeThumbnail(iw, ih)
	} else {
		p.resizeImage(iw, ih)
	}
	if p.mode == ModeSmart && (p.resizedW*ih != p.resizedH*iw) {
		p.regionKnown = false
	}
}

// thumbnailEligible reports whether imagor decodes with a sized libvips thumbnail for the mode,
// the box and the alignment (loadAndProcess in process.go).
func (p *plan) thumbnailEligible() bool {
	s := p.state
	switch p.mode {
	case ModeFitIn:
		return true
	case ModeStretch:
		return s.Width > 0 && s.Height > 0
	}
	if s.Width == 0 || s.Height == 0 || p.mode == ModeSmart {
		return true
	}
	h, v := p.hAlign(), p.vAlign()
	return h == "" || v == ""
}

func (p *plan) hAlign() string {
	if a := p.state.HAlign; a == "left" || a == "right" {
		return a
	}
	return ""
}

func (p *plan) vAlign() string {
	if a := p.state.VAlign; a == "top" || a == "bottom" {
		return a
	}
	return ""
}

// autoBox returns imagor's target size for an image of iw x ih: a zero side follows the aspect
// ratio in integer arithmetic, and without upscaling it stops at the image's own side.
func autoBox(w, h, iw, ih int, upscale bool) (int, int) {
	switch {
	case w == 0 && h == 0:
		return iw, ih
	case w == 0:
		w = iw * h / ih
		if !upscale && w > iw {
			w = iw
		}
	case h == 0:
		h = ih * w / iw
		if !upscale && h > ih {
			h = ih
		}
	}
	return w, h
}

func (p *plan) resizeThumbnail(iw, ih int) {
	s := p.state
	switch {
	case p.mode == ModeFitIn:
		tw, th := s.Width, s.Height
		if tw == 0 {
			tw = maxSide
		}
		if th == 0 {
			th = maxSide
		}
		p.resizedW, p.resizedH = thumbsize.Thumbnail(iw, ih, tw, th, true, p.src.Format == "jpeg")
		p.boxW, p.boxH = autoBox(s.Width, s.Height, p.resizedW, p.resizedH, false)
	case s.Width == 0 || s.Height == 0:
		tw, th := s.Width, s.Height
		if tw == 0 {
			tw = maxSide
		}
		if th == 0 {
			th = maxSide
		}
		p.resizedW, p.resizedH = thumbsize.Thumbnail(iw, ih, tw, th, !p.upscale, p.src.Format == "jpeg")
		p.boxW, p.boxH = autoBox(s.Width, s.Height, p.resizedW, p.resizedH, p.upscale)
	case p.mode == ModeStretch:
		p.resizedW, p.resizedH = s.Width, s.Height
		p.boxW, p.boxH = s.Width, s.Height
		p.region = rectOf(p.crop)
	default:
		p.boxW, p.boxH = s.Width, s.Height
		p.coverThumbnail(iw, ih)
	}
}

// coverThumbnail mirrors libvips thumbnail with a crop: shrink until the box is covered (not
// below 1 without upscaling), then cut the box out at the interest.
func (p *plan) coverThumbnail(iw, ih int) {
	w, h := p.boxW, p.boxH
	shrink := math.Min(float64(iw)/float64(w), float64(ih)/float64(h))
	if !p.upscale && shrink < 1 {
		shrink = 1
	}
	sw, sh := roundInt(float64(iw)/shrink), roundInt(float64(ih)/shrink)
	p.resizedW, p.resizedH = min(w, sw), min(h, sh)
	interest := "centre"
	switch {
	case p.vAlign() == "top" && p.hAlign() == "", p.hAlign() == "left" && p.vAlign() == "":
		interest = "low"
	case p.vAlign() == "bottom" && p.hAlign() == "", p.hAlign() == "right" && p.vAlign() == "":
		interest = "high"
	}
	left, top := offset(sw, p.resizedW, interest), offset(sh, p.resizedH, interest)
	scaleX, scaleY := float64(iw)/float64(sw), float64(ih)/float64(sh)
	p.region = rect{
		float64(p.crop.Left) + float64(left)*scaleX, float64(p.crop.Top) + float64(top)*scaleY,
		float64(p.resizedW) * scaleX, float64(p.resizedH) * scaleY,
	}
}

func offset(big, small int, interest string) int {
	switch interest {
	case "low":
		return 0
	case "high":
		return big - small
	}
	return (big - small) / 2
}

// resizeImage mirrors applyTransformations for a decoded image of iw x ih.
func (p *plan) resizeImage(iw, ih int) {
	s := p.state
	w, h := autoBox(s.Width, s.Height, iw, ih, p.upscale)
	p.boxW, p.boxH = w, h
	p.resizedW, p.resizedH = iw, ih
	switch p.mode {
	case ModeFitIn:
		if w < iw || h < ih {
			p.resizeRuns = true
			p.resizedW, p.resizedH = thumbsize.Fit(iw, ih, w, h, false)
		}
	case ModeStretch:
		if p.upscale || (w < iw && h < ih) {
			p.resizeRuns = true
			p.resizedW, p.resizedH = w, h
		}
	default:
		if p.upscale || w < iw || h < ih {
			p.resizeRuns = true
			p.resizedW, p.resizedH = w, h
			p.coverImage(iw, ih)
		}
	}
	// NOTE: with trim the image's size is unknown here, so a trimmed, EXIF-oriented file that
	// is not resized keeps its stored orientation and its tag.
	p.exact = !p.resizeRuns && p.rawLoad && p.src.Orientation > 1 && !s.Trim
}

// coverImage finds the area a cover resize of the decoded image keeps: around the focal point,
// or at the alignment on the side that is cut.
func (p *plan) coverImage(iw, ih int) {
	w, h := p.boxW, p.boxH
	aspect := float64(iw) / float64(ih)
	wider := float64(w)/float64(h) > aspect
	var rw, rh int
	if wider {
		rw, rh = thumbsize.Fit(iw, ih, w, maxSide, false)
	} else {
		rw, rh = thumbsize.Fit(iw, ih, maxSide, h, false)
	}
	var left, top int
	if p.focal != nil {
		fx, fy := p.focalFraction()
		left = int(math.Max(0, math.Min(float64(rw)*fx-float64(w)/2, float64(rw-w))))
		top = int(math.Max(0, math.Min(float64(rh)*fy-float64(h)/2, float64(rh-h))))
	} else {
		interest := "centre"
		if wider {
			interest = map[string]string{"top": "low", "bottom": "high"}[p.vAlign()]
		} else {
			interest = map[string]string{"left": "low", "right": "high"}[p.hAlign()]
		}
		left, top = offset(rw, w, interest), offset(rh, h, interest)
	}
	scaleX, scaleY := float64(iw)/float64(rw), float64(ih)/float64(rh)
	p.region = rect{
		float64(p.crop.Left) + float64(left)*scaleX, float64(p.crop.Top) + float64(top)*scaleY,
		float64(w) * scaleX, float64(h) * scaleY,
	}
}

// focalArg returns the focal point as written in focal(). imagor reads it in the frame it loaded,
// stored pixels because focal() turns auto-rotation off, but applies its fraction of the crop to
// the oriented image. So the point goes at the oriented fraction of the stored crop.
func (p *plan) focalArg() (int, int) {
	c := p.crop
	fx := float64(p.focal.X-c.Left) / float64(c.Width)
	fy := float64(p.focal.Y-c.Top) / float64(c.Height)
	frame := c
	if p.urlCrop != nil {
		frame = *p.urlCrop
	} else if swapsSides(p.src.Orientation) {
		frame = Box{0, 0, c.Height, c.Width}
	}
	return frame.Left + roundInt(fx*float64(frame.Width)), frame.Top + roundInt(fy*float64(frame.Height))
}

// focalFraction returns the fraction imagor computes from focalArg.
func (p *plan) focalFraction() (float64, float64) {
	x, y := p.focalArg()
	frame := p.crop
	if p.urlCrop != nil {
		frame = *p.urlCrop
	} else if swapsSides(p.src.Orientation) {
		frame = Box{0, 0, p.crop.Height, p.crop.Width}
	}
	return float64(x-frame.Left) / float64(frame.Width), float64(y-frame.Top) / float64(frame.Height)
}
