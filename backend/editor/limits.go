package editor

import "fmt"

// Output limits of an edit, the same as the image handler's for any imagor path. imagor renders
// whatever size a path requests, so a huge resize of a small photo would allocate gigabytes.
const (
	MaxOutputSide   = 65000
	MaxOutputPixels = 200_000_000
)

// CheckSize fails with ErrInvalidState when the output of o is over the limits.
func (o Operations) CheckSize() error {
	if o.Width > MaxOutputSide || o.Height > MaxOutputSide || o.Width*o.Height > MaxOutputPixels {
		return fmt.Errorf("the result would be %d x %d px, over 65,000 px a side or 200 megapixels: %w; make it smaller",
			o.Width, o.Height, ErrInvalidState)
	}
	return nil
}
