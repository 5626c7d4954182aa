package imagehandler

import (
	"net/http"
	"strings"
)

// Failure is the JSON body of an error response. Reason is a stable code for the UI; Message
// describes what is wrong with the file in words a person can act on.
type Failure struct {
	Reason  string `json:"reason"`
	Message string `json:"message"`
	Detail  string `json:"detail,omitempty"` // the engine's own message, when it adds anything
}

// Failure reasons.
const (
	ReasonNotFound          = "not-found"
	ReasonEmpty             = "empty"
	ReasonTruncated         = "truncated"
	ReasonNotImage          = "not-image"
	ReasonTooLarge          = "too-large"
	ReasonHEVC              = "hevc"
	ReasonOutside           = "outside-library"
	ReasonEngineCrashed     = "engine-crashed"
	ReasonEngineUnavailable = "engine-unavailable"
	ReasonTimeout           = "timeout"
	ReasonInvalid           = "invalid-operations"
	ReasonInternal          = "internal"
	ReasonRawPreview        = "raw-preview" // a RAW file without a usable embedded preview
	ReasonNoFFmpeg          = "no-ffmpeg"
	ReasonVideoFrame        = "video-frame" // ffmpeg found no frame
)

// classify turns imagor's status and message into a Failure. imagor sends only those two over
// HTTP, so its messages (and the libvips messages it passes on) are matched here, in one place.
func classify(status int, message string) Failure {
	lower := strings.ToLower(message)
	f := Failure{Detail: message}
	switch {
	// The engine words RAW and video errors for the user already (backend/engine/rootloader).
	case strings.Contains(lower, "no embedded preview") || strings.Contains(lower, "raw file"):
		f.Reason, f.Message, f.Detail = ReasonRawPreview, message, ""
	case strings.Contains(lower, "install ffmpeg"):
		f.Reason, f.Message, f.Detail = ReasonNoFFmpeg, message, ""
	case strings.HasPrefix(lower, "video frame:"):
		f.Reason, f.Message = ReasonVideoFrame, "No video frame: ffmpeg could not read this file"
	case strings.Contains(lower, "empty file"):
		f.Reason, f.Message = ReasonEmpty, "Empty file: it has zero bytes"
	case strings.Contains(lower, "hevc"):
		f.Reason, f.Message = ReasonHEVC, "HEVC-coded HEIC: the bundled decoder reads AV1 HEIF (AVIF) only; convert it to JPEG or AVIF"
	case strings.Contains(lower, "unknown library"):
		f.Reason, f.Message = ReasonNotFound, "The folder of this image is no longer open: open it again"
	case strings.Contains(lower, "not a regular file"):
		f.Reason, f.Message = ReasonNotImage, "Not a file: a folder or a device has no picture"
	case strings.Contains(lower, "outside the library"):
		f.Reason, f.Message = ReasonOutside, "The path leads outside the library"
	case strings.Contains(lower, "out of memory"):
		f.Reason, f.Message = ReasonTooLarge, "Needs more memory than the engine may use: ask for a smaller output"
	case strings.Contains(lower, "parameter") && strings.Contains(lower, "not set"):
		f.Reason, f.Message = ReasonInvalid, "Invalid operations: a filter argument is out of range"
	case strings.Contains(lower, "nul byte"):
		f.Reason, f.Message = ReasonInvalid, "Invalid image path: it contains a NUL byte"
	case strings.Contains(lower, "maximum resolution") || strings.Contains(lower, "maximum size") ||
		strings.Contains(lower, "exceed") || strings.Contains(lower, "too many frames"):
		f.Reason, f.Message = ReasonTooLarge, "Image too large: over 65,000 px a side or 200 megapixels"
	case strings.Contains(lower, "premature end") || strings.Contains(lower, "truncated") ||
		strings.Contains(lower, "read error") || strings.Contains(lower, "out of order read") ||
		strings.Contains(lower, "unexpected end"):
		f.Reason, f.Message = ReasonTruncated, "Truncated or damaged file: the decoder stopped before the end of the image"
	case status == http.StatusNotAcceptable || strings.Contains(lower, "unsupported format") ||
		strings.Contains(lower, "not a known file format") || strings.Contains(lower, "is not a known"):
		f.Reason, f.Message = ReasonNotImage, "Not an image the bundled libvips can decode"
	case status == http.StatusNotFound:
		f.Reason, f.Message = ReasonNotFound, "File not found: it was moved or deleted"
	default:
		f.Reason, f.Message = ReasonInternal, "Rendering failed: "+message
	}
	return f
}
