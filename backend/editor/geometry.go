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
	// exact is true when the URL gives the image's own size in the default mode instead of the
	// state's box. Loaded without auto-rotation, imagor applies the EXIF orientation only when
	// it resizes, so a box the image already fits would leave the file's orientation as it is.
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
