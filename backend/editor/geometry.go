package editor

import (
	"fmt"
	"math"
)

// maxSide is the engine's limit on either side of an image, which imagor also uses as the box
// of a resize with one automatic side.
const maxSide = 65000

// plan is the geometry imagor 1.9.4 applies for a state, step by step as its vips processor does
// it (processor/vipsprocessor/process.go): crop, resize, flips, then filters in their order.
type plan struct {
	src   Source
	state State

	// rawLoad is true when imagor loads the file without auto-rotation (it does for trim, a
	// vertical flip, rotate(), focal() and max_bytes()), so a URL crop is in stored pixels.
	rawLoad bool
	// crop is the oriented source box the output shows before the resize; the whole image when
	// there is no crop.
	crop Box
	// urlCrop is the crop as written in the URL, in the frame imagor crops in; nil when there is
	// no URL crop.
	urlCrop *Box
	// cropFilter is true when the crop goes in a crop() filter, which imagor runs after the
	// resize, so it has neither the URL crop's lost last pixel nor its orientation frame.
	cropFilter bool

	mode       string // "" when nothing is resized
	resizeRuns bool   // imagor resizes the decoded image, which also applies the orientation
	// exact is true when the URL asks for the image's own size in the default mode instead of
	// the state's box: loaded without auto-rotation, imagor applies the EXIF orientation only
	// when it resizes, and a box the image already fits would leave the file's orientation.
	exact      bool
	upscale    bool
	thumbnail  bool // imagor decodes with libvips thumbnail (shrink-on-load)
	boxW, boxH int  // imagor's target width and height once the automatic sides are known
	focal      *Point
	resizedW   int
	resizedH   int
	imageW     int // after pixelate(), which rounds each side to whole blocks
	imageH     int
	// region is the oriented source area shown in the resized image; unknown for smart crop
	// and trim, which libvips decides from the pixels.
	region      rect
	regionKnown bool
	sizeKnown   bool

	letterbox bool    // fill() up to the fit-in box
	prePad    Padding // padding in the frame before the rotation
	canvasW   int     // before the rotation
	canvasH   int
	imageX    int // position of the resized image on the canvas
	imageY    int
	outW      int
	outH      int
}

// newPlan computes the geometry of s on src. s must be valid for src.
func newPlan(s State, src Source) *plan {
	s = s.normalized()
	p := &plan{src: src, state: s, sizeKnown: true, regionKnown: true}
	if s.Width > 0 || s.Height > 0 {
		p.mode = s.Mode
	}
	if p.mode == ModeCover && s.Focal != nil && s.Width > 0 && s.Height > 0 {
		p.focal = s.Focal
	}
	p.rawLoad = s.Trim || s.FlipV || s.Rotate != 0 || p.focal != nil || s.MaxBytes > 0
	p.planCrop()
	p.planResize()
	p.planCanvas()
	return p
}

// normalized returns s with empty fields set to their defaults.
func (s State) normalized() State {
	if s.Mode == "" {
		s.Mode = ModeFitIn
	}
	if s.Background.Kind == "" {
		s.Background.Kind = BackgroundNone
	}
	return s
}

func (p *plan) planCrop() {
	s, src := p.state, p.src
	p.crop = Box{0, 0, src.Width, src.Height}
	if s.Crop == nil || *s.Crop == p.crop {
		return
	}
	if p.mode == "" && !s.Trim {
		p.cropFilter = true
		p.crop = *s.Crop
		return
	}
	// imagor cuts the URL crop at width-1 and height-1 of the image it crops, so a crop that
	// reaches the right or bottom edge loses that column or row.
	if p.rawLoad && src.Orientation > 1 {
		sw, sh := storedSize(src)
		stored := clipURLCrop(toStored(*s.Crop, src.Orientation, src.Width, src.Height), sw, sh)
		p.urlCrop = &stored
		p.crop = toOriented(stored, src.Orientation, sw, sh)
		return
	}
	oriented := clipURLCrop(*s.Crop, src.Width, src.Height)
	p.urlCrop = &oriented
	p.crop = oriented
}

func clipURLCrop(b Box, w, h int) Box {
	right, bottom := min(b.Left+b.Width, w-1), min(b.Top+b.Height, h-1)
	return Box{b.Left, b.Top, right - b.Left, bottom - b.Top}
}

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

// thumbnailFitSize returns the size a libvips thumbnail gives an iw x ih image fitted into
// tw x th. A JPEG is first decoded at 1/2, 1/4 or 1/8 scale, leaving at least a factor of 2 for
// the resize (libvips resample/thumbnail.c). The scaled decode rounds each side down, which we
// found by measuring libvips 8.18 (a 640x427 JPEG fitted to a height of 101 comes out 152 wide,
// not 151); NOTE: WebP, HEIF and AVIF also shrink on load, and are assumed to round plainly.
func thumbnailFitSize(iw, ih, tw, th int, down, jpeg bool) (int, int) {
	shrink := math.Max(float64(iw)/float64(tw), float64(ih)/float64(th))
	if down && shrink < 1 {
		return iw, ih
	}
	factor := 1
	switch {
	case !jpeg:
	case shrink >= 16:
		factor = 8
	case shrink >= 8:
		factor = 4
	case shrink >= 4:
		factor = 2
	}
	return fitSize(iw/factor, ih/factor, tw, th, down)
}

// fitSize returns the size libvips gives an iw x ih image fitted into tw x th, never larger
// than the image when down is true. Each side is the source side over the shrink, rounded.
func fitSize(iw, ih, tw, th int, down bool) (int, int) {
	shrink := math.Max(float64(iw)/float64(tw), float64(ih)/float64(th))
	if down && shrink < 1 {
		return iw, ih
	}
	return max(1, roundInt(float64(iw)/shrink)), max(1, roundInt(float64(ih)/shrink))
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
		p.resizedW, p.resizedH = thumbnailFitSize(iw, ih, tw, th, true, p.src.Format == "jpeg")
		p.boxW, p.boxH = autoBox(s.Width, s.Height, p.resizedW, p.resizedH, false)
	case s.Width == 0 || s.Height == 0:
		tw, th := s.Width, s.Height
		if tw == 0 {
			tw = maxSide
		}
		if th == 0 {
			th = maxSide
		}
		p.resizedW, p.resizedH = thumbnailFitSize(iw, ih, tw, th, !p.upscale, p.src.Format == "jpeg")
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
			p.resizedW, p.resizedH = fitSize(iw, ih, w, h, false)
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
		rw, rh = fitSize(iw, ih, w, maxSide, false)
	} else {
		rw, rh = fitSize(iw, ih, maxSide, h, false)
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

// focalArg returns the focal point as written in focal(): imagor reads it in the frame it loaded
// (stored pixels, since focal() turns auto-rotation off) but applies its fraction of the crop to
// the oriented image, so the point is placed at the oriented fraction of the stored crop.
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

// planCanvas adds the letterbox and the padding, then turns the canvas by the rotation.
func (p *plan) planCanvas() {
	s := p.state
	p.letterbox = p.mode == ModeFitIn && s.Width > 0 && s.Height > 0 && s.Background.Kind != BackgroundNone
	p.prePad = preRotationPadding(s.Padding, s.Rotate)
	p.imageW, p.imageH = p.resizedW, p.resizedH
	if n := s.Pixelate; n > 1 {
		// libvips shrinks by n with rounding, then zooms back by n.
		p.imageW = max(1, roundInt(float64(p.imageW)/float64(n))) * n
		p.imageH = max(1, roundInt(float64(p.imageH)/float64(n))) * n
	}
	pad := p.prePad
	if p.letterbox {
		p.canvasW, p.canvasH = p.boxW+pad.Left+pad.Right, p.boxH+pad.Top+pad.Bottom
		p.imageX = (p.boxW-p.imageW)/2 + pad.Left
		p.imageY = (p.boxH-p.imageH)/2 + pad.Top
	} else {
		p.canvasW, p.canvasH = p.imageW+pad.Left+pad.Right, p.imageH+pad.Top+pad.Bottom
		p.imageX, p.imageY = pad.Left, pad.Top
	}
	if p.exact && p.letterbox {
		// The URL's box is the image itself, so the letterbox becomes padding.
		extraW, extraH := p.boxW-p.imageW, p.boxH-p.imageH
		p.prePad.Left += extraW / 2
		p.prePad.Right += extraW - extraW/2
		p.prePad.Top += extraH / 2
		p.prePad.Bottom += extraH - extraH/2
		p.letterbox = false
	}
	p.outW, p.outH = p.canvasW, p.canvasH
	if s.Rotate == 90 || s.Rotate == 270 {
		p.outW, p.outH = p.canvasH, p.canvasW
	}
}

// preRotationPadding returns the padding that ends on the given output sides once the canvas is
// turned clockwise by degrees.
func preRotationPadding(out Padding, degrees int) Padding {
	switch degrees {
	case 90:
		return Padding{Left: out.Top, Top: out.Right, Right: out.Bottom, Bottom: out.Left}
	case 180:
		return Padding{Left: out.Right, Top: out.Bottom, Right: out.Left, Bottom: out.Top}
	case 270:
		return Padding{Left: out.Bottom, Top: out.Left, Right: out.Top, Bottom: out.Right}
	}
	return out
}

// redactBoxes maps the redaction boxes to the resized, flipped image, rounded outwards so each
// covers its whole area.
func (p *plan) redactBoxes() ([]Box, error) {
	if len(p.state.Redact) == 0 {
		return nil, nil
	}
	if !p.regionKnown {
		return nil, fmt.Errorf("%w: redaction boxes cannot be placed when smart crop or trim "+
			"picks the area from the pixels: turn those off to redact", ErrInvalidState)
	}
	sx, sy := float64(p.resizedW)/p.region.w, float64(p.resizedH)/p.region.h
	var out []Box
	for _, b := range p.state.Redact {
		r := rectOf(b).intersect(p.region)
		if r.w == 0 {
			continue
		}
		x0, y0 := math.Floor((r.x-p.region.x)*sx), math.Floor((r.y-p.region.y)*sy)
		x1, y1 := math.Ceil((r.x+r.w-p.region.x)*sx), math.Ceil((r.y+r.h-p.region.y)*sy)
		box := Box{int(x0), int(y0), int(x1 - x0), int(y1 - y0)}
		if p.state.FlipH {
			box.Left = p.resizedW - box.Left - box.Width
		}
		if p.state.FlipV {
			box.Top = p.resizedH - box.Top - box.Height
		}
		out = append(out, box)
	}
	return out, nil
}
