package imagehandler

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/cshum/imagor/imagorpath"
)

// Output limits. The engine checks the source image against its own limits before decoding, but
// imagor makes whatever output size a path requests, so a path such as 65000x65000/ of a small
// photo would allocate gigabytes. These bounds match the source limits.
const (
	maxOutputSide   = 65000
	maxOutputPixels = 200_000_000
	maxFilters      = 64
)

// checkOutput rejects a path whose requested output is larger than the limits, before any work.
func checkOutput(path string) (Failure, bool) {
	p := imagorpath.Parse(strings.SplitN(path, "?", 2)[0])
	w, h := abs(p.Width)+p.PaddingLeft+p.PaddingRight, abs(p.Height)+p.PaddingTop+p.PaddingBottom
	if w > maxOutputSide || h > maxOutputSide || w*h > maxOutputPixels {
		return Failure{
			Reason:  ReasonTooLarge,
			Message: fmt.Sprintf("Output too large: %d x %d px is over 65,000 px a side or 200 megapixels; ask for a smaller size", w, h),
		}, false
	}
	if len(p.Filters) > maxFilters {
		return Failure{
			Reason:  ReasonInvalid,
			Message: fmt.Sprintf("Too many filters: %d, at most %d", len(p.Filters), maxFilters),
		}, false
	}
	return Failure{}, true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// statusForFailure is the HTTP status of a Failure made before rendering.
func statusForFailure(f Failure) int {
	if f.Reason == ReasonTooLarge {
		return http.StatusUnprocessableEntity
	}
	return http.StatusBadRequest
}
