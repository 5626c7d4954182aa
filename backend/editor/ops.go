package editor

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/imagor-studio/desktop/backend/imageurl"
)

// Part is one segment of an imagor path with what it does, for the hover tooltips. Text starts
// with its separator ("/" or ":"), so the texts of a path's parts join to the path.
type Part struct {
	Text        string `json:"text"`
	Explanation string `json:"explanation"`
}

// Operations is the imagor operations for a state: what goes between "/unsafe/" and the image.
type Operations struct {
	Ops   string // without leading or trailing slash; "" when the image is unchanged
	Parts []Part // the segments of Ops
	// Width and Height are the output size. When SizeKnown is false (trim), they are the size
	// without trimming and the engine's meta endpoint has the real one.
	Width     int
	Height    int
	SizeKnown bool
}

// Build returns the imagor operations for s on src, in the order imagor 1.9.4 parses and
// applies them. It never adds preview().
func Build(s State, src Source) (Operations, error) {
	if err := s.Validate(src); err != nil {
		return Operations{}, err
	}
	p := newPlan(s, src)
	redact, err := p.redactBoxes()
	if err != nil {
		return Operations{}, err
	}
	var b opsBuilder
	p.writeSegments(&b)
	p.writeFilters(&b, redact)
	return Operations{Ops: b.ops(), Parts: b.parts(), Width: p.outW, Height: p.outH, SizeKnown: p.sizeKnown}, nil
}

// Path returns the unsafe imagor path of ops applied to image (already encoded).
func Path(ops, image string) string {
	if ops == "" {
		return "/unsafe/" + image
	}
	return "/unsafe/" + ops + "/" + image
}

// PathParts returns the parts of Path(ops.Ops, image), with name the image as the user knows it.
func PathParts(ops Operations, image, name string) []Part {
	parts := []Part{{Text: "/unsafe", Explanation: "No signature: for a server that accepts unsigned URLs. " +
		"Pick a profile with a secret for a signed URL."}}
	parts = append(parts, ops.Parts...)
	explain := fmt.Sprintf("The image %q.", name)
	if strings.HasPrefix(image, "b64:") {
		explain = fmt.Sprintf("The image %q in base64url, because its name has bytes outside A-Z a-z 0-9 . _ / - "+
			"that imagor would unescape or misread.", name)
	}
	return append(parts, Part{Text: "/" + image, Explanation: explain})
}

// opsBuilder collects URL segments and filters with their explanations.
type opsBuilder struct {
	segments []Part
	filters  []Part
}

func (b *opsBuilder) segment(text, explanation string) {
	b.segments = append(b.segments, Part{Text: text, Explanation: explanation})
}

func (b *opsBuilder) filter(text, explanation string) {
	b.filters = append(b.filters, Part{Text: text, Explanation: explanation})
}

func (b *opsBuilder) ops() string {
	var texts []string
	for _, s := range b.segments {
		texts = append(texts, s.Text)
	}
	if len(b.filters) > 0 {
		var names []string
		for _, f := range b.filters {
			names = append(names, f.Text)
		}
		texts = append(texts, "filters:"+strings.Join(names, ":"))
	}
	return strings.Join(texts, "/")
}

func (b *opsBuilder) parts() []Part {
	var out []Part
	for _, s := range b.segments {
		out = append(out, Part{Text: "/" + s.Text, Explanation: s.Explanation})
	}
	for i, f := range b.filters {
		sep := ":"
		if i == 0 {
			sep = "/filters:"
		}
		out = append(out, Part{Text: sep + f.Text, Explanation: f.Explanation})
	}
	return out
}

func (p *plan) writeSegments(b *opsBuilder) {
	s := p.state
	if s.Trim {
		b.segment("trim", "Trim: cut away the border that has the colour of the top-left pixel.")
	}
	if c := p.urlCrop; c != nil {
		explain := fmt.Sprintf("Crop: keep %dx%d pixels from %d,%d.", p.crop.Width, p.crop.Height, p.crop.Left, p.crop.Top)
		if p.rawLoad && p.src.Orientation > 1 {
			explain += " The numbers are in the file's stored pixels: with this URL imagor crops before it applies the EXIF orientation."
		}
		if s.Crop != nil && (p.crop.Width < s.Crop.Width || p.crop.Height < s.Crop.Height) {
			explain += " imagor 1.9.4 stops a crop one pixel before the right and bottom edges."
		}
		b.segment(fmt.Sprintf("%dx%d:%dx%d", c.Left, c.Top, c.Left+c.Width, c.Top+c.Height), explain)
	}
	mode := p.mode
	if p.exact {
		mode = ModeCover
	}
	switch mode {
	case ModeFitIn:
		b.segment("fit-in", "Fit in: scale the image down to fit inside the box, keeping its proportions; never enlarge.")
	case ModeStretch:
		b.segment("stretch", "Stretch: scale to exactly the box, changing the proportions.")
	}
	if p.mode != "" || s.FlipH || s.FlipV {
		b.segment(p.dimensions(), p.dimensionsExplanation())
	}
	if p.letterbox && p.prePad != (Padding{}) {
		pad := p.prePad
		b.segment(fmt.Sprintf("%dx%d:%dx%d", pad.Left, pad.Top, pad.Right, pad.Bottom),
			fmt.Sprintf("Padding around the box: %d left, %d top, %d right, %d bottom, before the rotation.",
				pad.Left, pad.Top, pad.Right, pad.Bottom))
	}
	if mode == ModeCover && !p.exact || mode == ModeSmart {
		if a := p.hAlign(); a != "" && p.focal == nil {
			b.segment(a, "Horizontal alignment: keep the "+a+" side when the width is cut.")
		}
		if a := p.vAlign(); a != "" && p.focal == nil {
			b.segment(a, "Vertical alignment: keep the "+a+" side when the height is cut.")
		}
	}
	if mode == ModeSmart {
		b.segment("smart", "Smart crop: libvips picks the most interesting part (attention) to keep.")
	}
}

func (p *plan) dimensions() string {
	s := p.state
	w, h := strconv.Itoa(s.Width), strconv.Itoa(s.Height)
	if p.exact {
		w, h = strconv.Itoa(p.resizedW), strconv.Itoa(p.resizedH)
	}
	if s.FlipH {
		w = "-" + w
	}
	if s.FlipV {
		h = "-" + h
	}
	return w + "x" + h
}

func (p *plan) dimensionsExplanation() string {
	s := p.state
	var out string
	switch {
	case p.exact:
		out = fmt.Sprintf("The image's own size, %dx%d: imagor 1.9.4 applies the EXIF orientation of "+
			"this file only when it resizes, so the box %dx%d is written as this size and padding.",
			p.resizedW, p.resizedH, s.Width, s.Height)
	case p.mode == "":
		out = "No resize."
	case s.Width == 0:
		out = fmt.Sprintf("Height %d, width from the proportions.", s.Height)
	case s.Height == 0:
		out = fmt.Sprintf("Width %d, height from the proportions.", s.Width)
	default:
		out = fmt.Sprintf("Box of %dx%d.", s.Width, s.Height)
	}
	if (p.mode == ModeCover || p.mode == ModeSmart) && !p.exact {
		out += " The image covers the box and the overflow is cut."
	}
	if s.FlipH {
		out += " The minus before the width flips the image horizontally."
	}
	if s.FlipV {
		out += " The minus before the height flips it vertically."
	}
	return out
}

func (p *plan) writeFilters(b *opsBuilder, redact []Box) {
	s := p.state
	if p.cropFilter {
		c := p.crop
		if s.FlipH {
			c.Left = p.src.Width - c.Left - c.Width
		}
		if s.FlipV {
			c.Top = p.src.Height - c.Top - c.Height
		}
		b.filter(fmt.Sprintf("crop(%d,%d,%d,%d)", c.Left, c.Top, c.Width, c.Height),
			fmt.Sprintf("Crop: keep %dx%d pixels from %d,%d (after the flips, which imagor applies first).",
				c.Width, c.Height, c.Left, c.Top))
	}
	writeTone(b, s)
	writeEffects(b, s, 1)
	for _, r := range redact {
		b.filter(redactFilter(r), fmt.Sprintf("Redaction: a black %dx%d box at %d,%d of the resized image.",
			r.Width, r.Height, r.Left, r.Top))
	}
	writeRoundCorner(b, s, 1)
	p.writeBackground(b, p.prePad, p.letterbox)
	writeRotate(b, s)
	if p.focal != nil {
		x, y := p.focalArg()
		explain := fmt.Sprintf("Focal point %d,%d: the cut keeps it as central as it can.", p.focal.X, p.focal.Y)
		if p.src.Orientation > 1 {
			explain += " Written in the file's stored pixels, where imagor 1.9.4 reads it."
		}
		b.filter(fmt.Sprintf("focal(%dx%d)", x, y), explain)
	}
	if s.NoUpscale && !p.exact && (p.mode == ModeCover || p.mode == ModeStretch || p.mode == ModeSmart) {
		b.filter("no_upscale()", "No upscale: never make the image larger than it is.")
	}
	writeOutput(b, s)
}

func writeTone(b *opsBuilder, s State) {
	if s.Brightness != 0 {
		b.filter(fmt.Sprintf("brightness(%d)", s.Brightness), fmt.Sprintf("Brightness %+d %%.", s.Brightness))
	}
	if s.Contrast != 0 {
		b.filter(fmt.Sprintf("contrast(%d)", s.Contrast), fmt.Sprintf("Contrast %+d %%.", s.Contrast))
	}
	if s.Saturation != 0 {
		b.filter(fmt.Sprintf("saturation(%d)", s.Saturation), fmt.Sprintf("Saturation %+d %%.", s.Saturation))
	}
	if s.Hue != 0 {
		b.filter(fmt.Sprintf("hue(%d)", s.Hue), fmt.Sprintf("Hue turned by %d degrees.", s.Hue))
	}
	if s.RGB != (RGB{}) {
		b.filter(fmt.Sprintf("rgb(%d,%d,%d)", s.RGB.R, s.RGB.G, s.RGB.B),
			fmt.Sprintf("Channel shift: red %+d %%, green %+d %%, blue %+d %%.", s.RGB.R, s.RGB.G, s.RGB.B))
	}
	if s.Grayscale {
		b.filter("grayscale()", "Grayscale.")
	}
}

// writeEffects adds blur, sharpen and pixelate, with their sizes multiplied by scale.
func writeEffects(b *opsBuilder, s State, scale float64) {
	if s.Blur > 0 {
		v := s.Blur * scale
		b.filter("blur("+formatNumber(v)+")", fmt.Sprintf("Gaussian blur: imagor 1.9.4 reads this single "+
			"argument as a radius and blurs with sigma %s.", formatNumber(v/2)))
	}
	if s.Sharpen > 0 {
		// imagor sharpens with libvips sigma 1+2x, so the preview keeps the sigma in proportion.
		x := ((1+2*s.Sharpen)*scale - 1) / 2
		b.filter("sharpen("+formatNumber(x)+")", fmt.Sprintf("Sharpen: libvips sigma %s (imagor uses 1 + 2 x the argument).",
			formatNumber(1+2*x)))
	}
	if s.Pixelate > 1 {
		n := max(1, roundInt(float64(s.Pixelate)*scale))
		b.filter(fmt.Sprintf("pixelate(%d)", n), fmt.Sprintf("Pixelate in blocks of %d pixels.", n))
	}
}

func writeRoundCorner(b *opsBuilder, s State, scale float64) {
	if s.RoundCorner <= 0 {
		return
	}
	r := max(1, roundInt(float64(s.RoundCorner)*scale))
	if s.Background.Kind == BackgroundColor {
		c := colorArg(s.Background)
		b.filter(fmt.Sprintf("round_corner(%d,%d,%s)", r, r, c),
			fmt.Sprintf("Round corners of radius %d, filled with #%s.", r, c))
		return
	}
	b.filter(fmt.Sprintf("round_corner(%d)", r), fmt.Sprintf("Round corners of radius %d, transparent where the format allows.", r))
}

// writeBackground adds the letterbox and padding (before the rotation, because imagor's fill
// swaps the sides of a rotated image) or flattens transparency onto the background colour.
func (p *plan) writeBackground(b *opsBuilder, pad Padding, letterbox bool) {
	s := p.state
	c := colorArg(s.Background)
	switch {
	case letterbox:
		b.filter("fill("+c+")", "Fill the rest of the box"+paddingWords(pad)+" with "+colorWords(c)+".")
	case pad != (Padding{}):
		if s.Background.Kind == BackgroundNone {
			c = "white"
		}
		b.filter(fmt.Sprintf("padding(%s,%d,%d,%d,%d)", c, pad.Left, pad.Top, pad.Right, pad.Bottom),
			fmt.Sprintf("Padding of %s: %d left, %d top, %d right, %d bottom, before the rotation.",
				colorWords(c), pad.Left, pad.Top, pad.Right, pad.Bottom))
	case s.Background.Kind == BackgroundColor:
		b.filter("background_color("+c+")", "Flatten transparent pixels onto #"+c+".")
	}
}

func writeRotate(b *opsBuilder, s State) {
	if s.Rotate == 0 {
		return
	}
	// imagor's rotate() turns counter-clockwise.
	angle := (360 - s.Rotate) % 360
	b.filter(fmt.Sprintf("rotate(%d)", angle), fmt.Sprintf("Rotate %d degrees clockwise "+
		"(imagor's angle is counter-clockwise).", s.Rotate))
}

func writeOutput(b *opsBuilder, s State) {
	if s.Format != "" {
		b.filter("format("+s.Format+")", "Output format "+strings.ToUpper(s.Format)+".")
	}
	if s.Quality > 0 {
		b.filter(fmt.Sprintf("quality(%d)", s.Quality), fmt.Sprintf("Encoder quality %d (PNG ignores it).", s.Quality))
	}
	if s.MaxBytes > 0 {
		b.filter(fmt.Sprintf("max_bytes(%d)", s.MaxBytes), fmt.Sprintf("Lower the quality until the file "+
			"is at most %d bytes (not for PNG or lossless output).", s.MaxBytes))
	}
	if s.StripExif {
		b.filter("strip_exif()", "Remove the EXIF metadata.")
	}
	if s.StripIcc {
		b.filter("strip_icc()", "Convert to sRGB and remove the ICC colour profile.")
	}
}

// redactFilter returns an image() overlay of a black box: imagor 1.9.4's redact() only covers
// regions found by a detector, and the engine has none.
func redactFilter(r Box) string {
	return fmt.Sprintf("image(%dx%d/color:black,%d,%d)", r.Width, r.Height, r.Left, r.Top)
}

// colorArg returns the background as imagor's colour argument: hex without "#", which would
// start a URL fragment, or "none" for transparent.
func colorArg(bg Background) string {
	switch bg.Kind {
	case BackgroundColor:
		return strings.ToLower(strings.TrimPrefix(bg.Color, "#"))
	case BackgroundTransparent:
		return "none"
	}
	return "white"
}

func colorWords(c string) string {
	switch c {
	case "none":
		return "transparency"
	case "white":
		return "white"
	}
	return "#" + c
}

func paddingWords(p Padding) string {
	if p == (Padding{}) {
		return ""
	}
	return fmt.Sprintf(" and the padding (%d left, %d top, %d right, %d bottom, before the rotation)",
		p.Left, p.Top, p.Right, p.Bottom)
}

// formatNumber writes v with at most two decimals and no trailing zeros.
func formatNumber(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

// ImageKey returns the image part for key, as imageurl encodes it.
func ImageKey(key string) string {
	return imageurl.EncodeImage(key)
}
