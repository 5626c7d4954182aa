package editor

import (
	"fmt"
	"math"
	"strconv"

	"github.com/imagor-studio/desktop/backend/thumbsize"
)

// Preview cache bounds: imagor 1.9.4's defaults for CacheMaxWidth and CacheMaxHeight. A frame
// is served from the cache only when its resize box fits in them.
const (
	CacheMaxWidth  = 2400
	CacheMaxHeight = 2000
)

// View is the preview area of a frame, in device pixels.
type View struct {
	Width  int
	Height int
	// Zoom is the output scale; 0 or a zoom at or below the fit shows the whole output.
	Zoom float64
	X, Y int // top-left of the visible region in output pixels, when zoomed
}

// Frame is one preview frame: the operations for the versioned preview key.
type Frame struct {
	Ops    string
	Width  int // size of the frame, in device pixels
	Height int
	// Cached is true when imagor can serve the frame from its in-memory image cache.
	Cached bool
	// Note is set when the frame shows less than was asked, for the UI to say so.
	Note string
}

// PreviewFrame returns the frame of s on src for view: imagor's preview() filter on a
// shrink-on-load or cached decode, never the full-size output. outW and outH are the output
// size (from Build, or from the engine when Build cannot know it).
func PreviewFrame(s State, src Source, view View, outW, outH int) (Frame, error) {
	if err := s.Validate(src); err != nil {
		return Frame{}, err
	}
	if view.Width <= 0 || view.Height <= 0 || outW <= 0 || outH <= 0 {
		return Frame{}, fmt.Errorf("%w: preview area %dx%d for an output of %dx%d: both need pixels",
			ErrInvalidState, view.Width, view.Height, outW, outH)
	}
	p := newPlan(s, src)
	fit := math.Min(1, math.Min(float64(view.Width)/float64(outW), float64(view.Height)/float64(outH)))
	window := rect{0, 0, float64(outW), float64(outH)}
	scale := fit
	if view.Zoom > fit {
		scale = view.Zoom
		w, h := math.Min(float64(view.Width)/scale, float64(outW)), math.Min(float64(view.Height)/scale, float64(outH))
		x := math.Max(0, math.Min(float64(view.X), float64(outW)-w))
		y := math.Max(0, math.Min(float64(view.Y), float64(outH)-h))
		window = rect{x, y, w, h}
	}
	if !p.regionKnown || !p.sizeKnown {
		frame, err := p.scaledFrame(fit, outW, outH)
		if err == nil && scale != fit {
			frame.Note = "Zoom shows the fitted frame while smart crop or trim is on."
		}
		return frame, err
	}
	return p.windowFrame(window, scale)
}

// windowFrame renders the part of the output inside window (output pixels) at scale: the source
// area behind it resized to the frame, then the same filters with sizes scaled.
func (p *plan) windowFrame(window rect, scale float64) (Frame, error) {
	canvasWindow := p.unrotate(window)
	image := rect{float64(p.imageX), float64(p.imageY), float64(p.imageW), float64(p.imageH)}
	visible := canvasWindow.intersect(image)
	if visible.w == 0 {
		visible = rect{image.x, image.y, 1, 1}
	}
	// The visible part in the resized image, then in the oriented source before the flips.
	inImage := rect{visible.x - image.x, visible.y - image.y, visible.w, visible.h}
	if p.state.FlipH {
		inImage.x = image.w - inImage.x - inImage.w
	}
	if p.state.FlipV {
		inImage.y = image.h - inImage.y - inImage.h
	}
	sx, sy := p.region.w/float64(p.imageW), p.region.h/float64(p.imageH)
	source := rect{p.region.x + inImage.x*sx, p.region.y + inImage.y*sy, inImage.w * sx, inImage.h * sy}
	// Snap the edges, not the sizes, so the image and padding add up to the frame.
	edge := func(v, origin float64) int { return roundInt((v - origin) * scale) }
	x0, x1 := edge(visible.x, canvasWindow.x), edge(visible.x+visible.w, canvasWindow.x)
	y0, y1 := edge(visible.y, canvasWindow.y), edge(visible.y+visible.h, canvasWindow.y)
	targetW, targetH := max(1, x1-x0), max(1, y1-y0)
	pad := Padding{
		Left: x0, Top: y0,
		Right:  edge(canvasWindow.x+canvasWindow.w, canvasWindow.x) - x1,
		Bottom: edge(canvasWindow.y+canvasWindow.h, canvasWindow.y) - y1,
	}

	var b opsBuilder
	frame := Frame{}
	if aw, ah, ok := p.cacheableSize(source, targetW, targetH); ok {
		frame.Cached = true
		b.segment("stretch", "")
		b.segment(p.flipped(aw, ah), "")
		b.filter("preview()", "")
		left := roundInt(source.x * float64(aw) / float64(p.src.Width))
		top := roundInt(source.y * float64(ah) / float64(p.src.Height))
		if p.state.FlipH {
			left = aw - left - targetW
		}
		if p.state.FlipV {
			top = ah - top - targetH
		}
		b.filter(fmt.Sprintf("crop(%d,%d,%d,%d)", max(0, left), max(0, top), targetW, targetH), "")
	} else {
		p.writeFrameCrop(&b, source)
		b.segment("stretch", "")
		b.segment(p.flipped(targetW, targetH), "")
		b.filter("preview()", "")
	}
	p.writeFrameFilters(&b, visible, scale, canvasWindow, pad)
	frame.Ops = b.ops()
	frame.Width, frame.Height = roundInt(window.w*scale), roundInt(window.h*scale)
	return frame, nil
}

// cacheableSize returns the size to stretch the whole source to so that source comes out at
// targetW x targetH, when imagor's preview cache holds enough pixels for it.
func (p *plan) cacheableSize(source rect, targetW, targetH int) (int, int, bool) {
	aw := roundInt(float64(p.src.Width) * float64(targetW) / source.w)
	ah := roundInt(float64(p.src.Height) * float64(targetH) / source.h)
	cw, ch := thumbsize.Fit(p.src.Width, p.src.Height, CacheMaxWidth, CacheMaxHeight, true)
	return aw, ah, aw >= 1 && ah >= 1 && aw <= cw && ah <= ch
}

func (p *plan) flipped(w, h int) string {
	ws, hs := strconv.Itoa(w), strconv.Itoa(h)
	if p.state.FlipH {
		ws = "-" + ws
	}
	if p.state.FlipV {
		hs = "-" + hs
	}
	return ws + "x" + hs
}

// writeFrameCrop writes a URL crop of the source area, in stored pixels when the frame loads
// without auto-rotation (its rotate() or vertical flip turns that off).
func (p *plan) writeFrameCrop(b *opsBuilder, source rect) {
	x0, y0 := int(math.Floor(source.x)), int(math.Floor(source.y))
	x1, y1 := int(math.Ceil(source.x+source.w)), int(math.Ceil(source.y+source.h))
	box := Box{max(0, x0), max(0, y0), min(p.src.Width, x1) - max(0, x0), min(p.src.Height, y1) - max(0, y0)}
	if box == (Box{0, 0, p.src.Width, p.src.Height}) {
		return
	}
	if (p.state.Rotate != 0 || p.state.FlipV) && p.src.Orientation > 1 {
		box = toStored(box, p.src.Orientation, p.src.Width, p.src.Height)
	}
	b.segment(fmt.Sprintf("%dx%d:%dx%d", box.Left, box.Top, box.Left+box.Width, box.Top+box.Height), "")
}

// writeFrameFilters writes the state's filters for the visible part of the canvas at scale, with
// pad the canvas around it in frame pixels.
func (p *plan) writeFrameFilters(b *opsBuilder, visible rect, scale float64, canvasWindow rect, pad Padding) {
	s := p.state
	writeTone(b, s)
	writeEffects(b, s, scale)
	redact, _ := p.redactBoxes()
	for _, r := range redact {
		box := rect{float64(r.Left + p.imageX), float64(r.Top + p.imageY), float64(r.Width), float64(r.Height)}.intersect(visible)
		if box.w == 0 {
			continue
		}
		x0, y0 := math.Floor((box.x-visible.x)*scale), math.Floor((box.y-visible.y)*scale)
		x1, y1 := math.Ceil((box.x+box.w-visible.x)*scale), math.Ceil((box.y+box.h-visible.y)*scale)
		b.filter(redactFilter(Box{int(x0), int(y0), int(x1 - x0), int(y1 - y0)}), "")
	}
	if canvasWindow.w >= float64(p.canvasW) && canvasWindow.h >= float64(p.canvasH) {
		writeRoundCorner(b, s, scale)
	}
	p.writeBackground(b, pad, false)
	writeRotate(b, s)
	b.filter("format("+previewFormat(s, p.src)+")", "")
	if s.Quality > 0 {
		b.filter(fmt.Sprintf("quality(%d)", s.Quality), "")
	}
}

// unrotate maps a rectangle of the output to the canvas before the clockwise rotation.
func (p *plan) unrotate(r rect) rect {
	cw, ch := float64(p.canvasW), float64(p.canvasH)
	switch p.state.Rotate {
	case 90:
		// A canvas point (x, y) lands at (ch - y, x) in the output.
		return rect{r.y, ch - r.x - r.w, r.h, r.w}
	case 180:
		return rect{cw - r.x - r.w, ch - r.y - r.h, r.w, r.h}
	case 270:
		return rect{cw - r.y - r.h, r.x, r.h, r.w}
	}
	return r
}

// scaledFrame is the frame for smart crop and trim, whose area libvips picks from the pixels:
// the real operations with every size scaled by scale.
func (p *plan) scaledFrame(scale float64, outW, outH int) (Frame, error) {
	s := p.state
	scaleSide := func(v int) int {
		if v == 0 {
			return 0
		}
		return max(1, roundInt(float64(v)*scale))
	}
	s.Width, s.Height = scaleSide(s.Width), scaleSide(s.Height)
	if s.Width == 0 && s.Height == 0 {
		w, h := outW, outH
		if s.Rotate == 90 || s.Rotate == 270 {
			w, h = h, w
		}
		s.Mode, s.Width, s.Height = ModeFitIn, scaleSide(w), scaleSide(h)
	}
	s.Padding = Padding{scaleSide(s.Padding.Left), scaleSide(s.Padding.Top), scaleSide(s.Padding.Right), scaleSide(s.Padding.Bottom)}
	s.RoundCorner, s.Pixelate = scaleSide(s.RoundCorner), scaleSide(s.Pixelate)
	s.Blur *= scale
	// NOTE: the sharpen sigma is not scaled here, so sharpening looks stronger than in the output.
	s.MaxBytes, s.StripExif, s.StripIcc = 0, false, false
	s.Format = previewFormat(s, p.src)
	ops, err := Build(s, p.src)
	if err != nil {
		return Frame{}, err
	}
	return Frame{Ops: ops.Ops + ":preview()", Width: roundInt(float64(outW) * scale), Height: roundInt(float64(outH) * scale)}, nil
}

// previewFormat returns the format of preview frames: the output format for JPEG, WebP and GIF,
// so the frame shows their compression and animation, and WebP for the rest, which the webview
// may not show (AVIF, TIFF) or which is slow to encode for every frame (PNG).
func previewFormat(s State, src Source) string {
	format := s.Format
	if format == "" {
		format = src.Format
	}
	switch format {
	case "jpeg", "webp", "gif":
		return format
	}
	return "webp"
}
