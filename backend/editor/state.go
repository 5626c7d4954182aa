// Package editor turns the non-destructive editor's state into imagor 1.9.4 paths: the path the
// user copies, the preview frames the webview shows, and the size the path produces. The mapping
// is pure; Render and Export ask the engine for pixels and WriteExport writes files.
package editor

import (
	"errors"
	"fmt"
	"regexp"
)

// Resize modes.
const (
	ModeFitIn   = "fit-in"
	ModeCover   = "cover"
	ModeStretch = "stretch"
	ModeSmart   = "smart"
)

// Background kinds.
const (
	BackgroundNone        = "none"
	BackgroundColor       = "color"
	BackgroundTransparent = "transparent"
)

// ErrInvalidState is returned for a state that cannot become an imagor path.
var ErrInvalidState = errors.New("invalid editor state")

// Box is a rectangle in pixels.
type Box struct {
	Left   int `json:"left"`
	Top    int `json:"top"`
	Width  int `json:"width"`
	Height int `json:"height"`
}

// Point is a position in source pixels.
type Point struct {
	X int `json:"x"`
	Y int `json:"y"`
}

// RGB is a shift of each channel, -100 to 100.
type RGB struct {
	R int `json:"r"`
	G int `json:"g"`
	B int `json:"b"`
}

// Background is the fill of transparent pixels, the letterbox and the padding.
type Background struct {
	Kind  string `json:"kind"`  // none, color or transparent
	Color string `json:"color"` // #rrggbb, for kind color
}

// Padding is space added around the image, in output pixels, on the sides of the output.
type Padding struct {
	Left   int `json:"left"`
	Top    int `json:"top"`
	Right  int `json:"right"`
	Bottom int `json:"bottom"`
}

// State is the editor's whole state for one image. Source coordinates (Crop, Focal, Redact) are
// pixels of the image as imagor shows it, after EXIF auto-orientation.
type State struct {
	Crop        *Box       `json:"crop"`
	Width       int        `json:"width"`  // 0 is automatic
	Height      int        `json:"height"` // 0 is automatic
	Mode        string     `json:"mode"`
	HAlign      string     `json:"hAlign"` // left, center or right, for cover
	VAlign      string     `json:"vAlign"` // top, middle or bottom, for cover
	Focal       *Point     `json:"focal"`  // for cover; overrides the alignment
	NoUpscale   bool       `json:"noUpscale"`
	FlipH       bool       `json:"flipH"`
	FlipV       bool       `json:"flipV"`
	Rotate      int        `json:"rotate"` // degrees clockwise after the flips: 0, 90, 180 or 270
	Brightness  int        `json:"brightness"`
	Contrast    int        `json:"contrast"`
	Saturation  int        `json:"saturation"`
	Hue         int        `json:"hue"`
	Grayscale   bool       `json:"grayscale"`
	Blur        float64    `json:"blur"`    // imagor's blur() argument; 0 is off
	Sharpen     float64    `json:"sharpen"` // imagor's sharpen() argument; 0 is off
	RoundCorner int        `json:"roundCorner"`
	Pixelate    int        `json:"pixelate"`
	RGB         RGB        `json:"rgb"`
	Trim        bool       `json:"trim"`
	Redact      []Box      `json:"redact"` // source boxes painted black
	Background  Background `json:"background"`
	Padding     Padding    `json:"padding"`
	Format      string     `json:"format"`   // "" keeps the source format
	Quality     int        `json:"quality"`  // 0 is the encoder's default
	MaxBytes    int        `json:"maxBytes"` // 0 is off
	StripExif   bool       `json:"stripExif"`
	StripIcc    bool       `json:"stripIcc"`
}

// Source describes the image being edited.
type Source struct {
	Width       int    // after EXIF orientation
	Height      int    // after EXIF orientation
	Orientation int    // EXIF orientation, 1 to 8; 0 means none
	Format      string // imagor's name of the source format: jpeg, png, webp, ...
}

// Formats the editor can write, as imagor's format() filter names them.
var Formats = []string{"jpeg", "png", "webp", "avif", "gif", "tiff"}

var hexColor = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Validate checks every field of s against src and returns an error naming the first bad one.
func (s State) Validate(src Source) error {
	if src.Width <= 0 || src.Height <= 0 {
		return fmt.Errorf("%w: source size %dx%d: the image has no pixels", ErrInvalidState, src.Width, src.Height)
	}
	checks := []error{
		checkBox("crop", s.Crop, src),
		checkRange("width", s.Width, 0, 65000),
		checkRange("height", s.Height, 0, 65000),
		checkOneOf("mode", s.Mode, "", ModeFitIn, ModeCover, ModeStretch, ModeSmart),
		checkOneOf("hAlign", s.HAlign, "", "left", "center", "right"),
		checkOneOf("vAlign", s.VAlign, "", "top", "middle", "bottom"),
		checkRotate(s.Rotate),
		checkRange("brightness", s.Brightness, -100, 100),
		checkRange("contrast", s.Contrast, -100, 100),
		checkRange("saturation", s.Saturation, -100, 100),
		checkRange("hue", s.Hue, 0, 360),
		checkSigma("blur", s.Blur),
		checkSigma("sharpen", s.Sharpen),
		checkRange("roundCorner", s.RoundCorner, 0, 10000),
		checkRange("pixelate", s.Pixelate, 0, 1000),
		checkRange("rgb.r", s.RGB.R, -100, 100),
		checkRange("rgb.g", s.RGB.G, -100, 100),
		checkRange("rgb.b", s.RGB.B, -100, 100),
		checkBackground(s.Background),
		checkRange("padding.left", s.Padding.Left, 0, 10000),
		checkRange("padding.top", s.Padding.Top, 0, 10000),
		checkRange("padding.right", s.Padding.Right, 0, 10000),
		checkRange("padding.bottom", s.Padding.Bottom, 0, 10000),
		checkOneOf("format", s.Format, append([]string{""}, Formats...)...),
		checkRange("quality", s.Quality, 0, 100),
		checkRange("maxBytes", s.MaxBytes, 0, 1<<30),
	}
	if s.Focal != nil && (s.Focal.X < 0 || s.Focal.Y < 0 || s.Focal.X >= src.Width || s.Focal.Y >= src.Height) {
		checks = append(checks, fmt.Errorf("%w: focal point %d,%d is outside the %dx%d image",
			ErrInvalidState, s.Focal.X, s.Focal.Y, src.Width, src.Height))
	}
	for i := range s.Redact {
		checks = append(checks, checkBox(fmt.Sprintf("redact[%d]", i), &s.Redact[i], src))
	}
	return errors.Join(checks...)
}

func checkRange(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return fmt.Errorf("%w: %s %d: use %d to %d", ErrInvalidState, name, v, lo, hi)
	}
	return nil
}

func checkOneOf(name, v string, allowed ...string) error {
	for _, a := range allowed {
		if v == a {
			return nil
		}
	}
	return fmt.Errorf("%w: %s %q: use one of %q", ErrInvalidState, name, v, allowed)
}

func checkRotate(v int) error {
	switch v {
	case 0, 90, 180, 270:
		return nil
	}
	return fmt.Errorf("%w: rotate %d: use 0, 90, 180 or 270", ErrInvalidState, v)
}

func checkSigma(name string, v float64) error {
	if v < 0 || v > 100 || v != v {
		return fmt.Errorf("%w: %s %g: use 0 (off) to 100", ErrInvalidState, name, v)
	}
	return nil
}

func checkBackground(b Background) error {
	switch b.Kind {
	case "", BackgroundNone, BackgroundTransparent:
		return nil
	case BackgroundColor:
		if !hexColor.MatchString(b.Color) {
			return fmt.Errorf("%w: background color %q: use #rrggbb", ErrInvalidState, b.Color)
		}
		return nil
	}
	return fmt.Errorf("%w: background kind %q: use none, color or transparent", ErrInvalidState, b.Kind)
}

func checkBox(name string, b *Box, src Source) error {
	if b == nil {
		return nil
	}
	if b.Width <= 0 || b.Height <= 0 || b.Left < 0 || b.Top < 0 ||
		b.Left+b.Width > src.Width || b.Top+b.Height > src.Height {
		return fmt.Errorf("%w: %s %dx%d at %d,%d is not inside the %dx%d image", ErrInvalidState,
			name, b.Width, b.Height, b.Left, b.Top, src.Width, src.Height)
	}
	return nil
}
