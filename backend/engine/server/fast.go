package server

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path"
	"runtime"
	"strconv"
	"strings"

	"github.com/cshum/imagor/imagorpath"
	"github.com/cshum/vipsgen/vips"

	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/thumbsize"
)

// The fast path renders the gallery's thumbnails and the viewer's fitted images without imagor's
// processor. imagor hands libvips every file through a Go reader, which libvips calls for each
// small chunk from its own threads, where a call into Go is expensive. On a 2-core AMD EPYC that
// cost about 15 ms more per 12 MP JPEG than reading the file itself. The fast path gives libvips
// the open file by its descriptor instead. Its output has imagor's size, close to imagor's
// pixels, and the same options: fit-in, no upscaling, EXIF orientation applied, metadata kept,
// WebP at the requested quality. It encodes at imagor's WebP effort 4, except for boxes up to
// thumbnailMaxSide, which get a lower effort. Any other request, and any file the fast path
// declines, goes to imagor, which also words every error.

// fastExtensions are the still-image formats the fast path reads, by file name. GIF (usually
// animated), SVG, HEIC (mostly HEVC, which does not decode), RAW and video files go to imagor.
var fastExtensions = map[string]bool{
	".jpg": true, ".jpeg": true, ".jpe": true, ".jfif": true, ".png": true, ".webp": true,
	".avif": true, ".heif": true, ".hif": true, ".tif": true, ".tiff": true,
}

// RenderHeader is set to "fast" on responses of the fast path, for tests and debugging.
const RenderHeader = "X-Render"

// errDeclined means the fast path leaves the request to imagor.
var errDeclined = errors.New("left to imagor")

// WebP encoder efforts. imagor 1.9.4 writes every WebP at effort 4, and the fast path keeps
// that for the viewer's larger images. Grid thumbnails use effort 2. On 256 px thumbnails of the
// benchmark photos (2-core AMD EPYC), the encoder then took 3.2 ms instead of 5.3 ms, about a
// tenth of a thumbnail's CPU time. The files were 5 % larger at the same quality setting.
// Thumbnails stay in the local disk cache, where that size costs the user nothing visible.
const (
	webpEffort          = 4
	webpThumbnailEffort = 2
	thumbnailMaxSide    = imageurl.ThumbnailLargeSize // the grid's larger thumbnail size
)

// effort returns the WebP encoder effort for req.
func (req fastRequest) effort() int {
	if req.width <= thumbnailMaxSide && req.height <= thumbnailMaxSide {
		return webpThumbnailEffort
	}
	return webpEffort
}

// fastRequest is a request the fast path can serve.
type fastRequest struct {
	key           string
	width, height int
	quality       int
}

// parseFast returns the request for path when it is exactly a fit-in WxH resize to WebP with a
// quality: "/unsafe/fit-in/WxH/filters:format(webp):quality(Q)/KEY".
func parseFast(escapedPath string) (fastRequest, bool) {
	p := imagorpath.Parse(escapedPath)
	if !p.Unsafe || p.Meta || !p.FitIn || p.AdaptiveFitIn || p.FullFitIn || p.Stretch || p.Trim ||
		p.Smart || p.HFlip || p.VFlip || p.Width <= 0 || p.Height <= 0 || p.Image == "" ||
		p.CropLeft != 0 || p.CropTop != 0 || p.CropRight != 0 || p.CropBottom != 0 ||
		p.PaddingLeft != 0 || p.PaddingTop != 0 || p.PaddingRight != 0 || p.PaddingBottom != 0 {
		return fastRequest{}, false
	}
	req := fastRequest{key: p.Image, width: p.Width, height: p.Height}
	format := ""
	for _, f := range p.Filters {
		switch f.Name {
		case "format":
			format = f.Args
		case "quality":
			q, err := strconv.Atoi(f.Args)
			if err != nil || q < 1 || q > 100 {
				return fastRequest{}, false
			}
			req.quality = q
		default:
			return fastRequest{}, false
		}
	}
	if format != "webp" || req.quality == 0 || !fastExtensions[strings.ToLower(path.Ext(p.Image))] {
		return fastRequest{}, false
	}
	return req, true
}

// serveFast renders req and writes the response. It returns false, having written nothing, when
// imagor should serve the request instead.
func (s *Server) serveFast(w http.ResponseWriter, req fastRequest) bool {
	file, err := s.loader.Open(req.key)
	if err != nil {
		return false // an S3 key, a missing or a broken file: imagor reports why
	}
	defer file.Close()
	body, err := s.renderFast(file, req)
	if err != nil {
		if !errors.Is(err, errDeclined) {
			s.logger.Debug("fast path failed, trying imagor", "key", req.key, "error", err)
		}
		return false
	}
	w.Header().Set("Content-Type", "image/webp")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.Header().Set(RenderHeader, "fast")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
	return true
}

// renderFast makes the WebP of req from file. It declines animated and multi-page files, and
// sources over the limits, so imagor handles and reports them as before.
func (s *Server) renderFast(file *os.File, req fastRequest) ([]byte, error) {
	name := descriptorPath(file)
	if name == "" {
		return nil, errDeclined
	}
	var img *vips.Image
	var err error
	if isJPEG(file) {
		img, err = s.fastJPEG(name, req)
	} else {
		img, err = s.fastOther(name, req)
	}
	if err != nil {
		return nil, err
	}
	defer img.Close()
	return img.WebpsaveBuffer(&vips.WebpsaveBufferOptions{Q: req.quality, Effort: req.effort(), Keep: vips.KeepAll})
}

// isJPEG reports whether file starts with a JPEG's SOI marker. Asking jpegload directly skips
// libvips's search for a loader, which opens the file once per format it tries: about 0.15 ms
// per image.
func isJPEG(file *os.File) bool {
	var magic [3]byte
	_, err := file.ReadAt(magic[:], 0)
	return err == nil && magic == [3]byte{0xff, 0xd8, 0xff}
}

// fastJPEG returns the thumbnail image of the JPEG at name: shrunk by the decoder itself by the
// factor of jpegShrink (1, 2, 4 or 8), then resized to the size imagor's vips_thumbnail makes.
func (s *Server) fastJPEG(name string, req fastRequest) (*vips.Image, error) {
	header, err := vips.NewJpegload(name, &vips.JpegloadOptions{Access: vips.AccessSequential})
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	width, height, orientation := header.Width(), header.Height(), header.Orientation()
	header.Close()
	if !s.withinLimits(width, height, 1) {
		return nil, errDeclined
	}
	swapped := orientation >= 5 && orientation <= 8 // turned a quarter turn on output
	if swapped {
		width, height = height, width
	}
	outW, outH := thumbnailSize(width, height, swapped, req)
	shrink := jpegShrink(width, height, req.width, req.height)
	if width/shrink < 1 || height/shrink < 1 {
		return nil, errDeclined // libvips refuses to decode a side down to 0 pixels
	}
	img, err := vips.NewJpegload(name, &vips.JpegloadOptions{Shrink: shrink, Access: vips.AccessSequential})
	if err != nil {
		return nil, fmt.Errorf("thumbnail: %w", err)
	}
	if err := img.ThumbnailImage(outW, &vips.ThumbnailImageOptions{Height: outH, Size: vips.SizeForce}); err != nil {
		img.Close()
		return nil, fmt.Errorf("thumbnail: %w", err)
	}
	return img, nil
}

// fastOther returns the thumbnail image of the still image at name in any other format of the
// fast path, through vips_thumbnail, which shrinks on load where the format allows.
func (s *Server) fastOther(name string, req fastRequest) (*vips.Image, error) {
	header, err := vips.NewImageFromFile(name, &vips.LoadOptions{Access: vips.AccessSequential})
	if err != nil {
		return nil, fmt.Errorf("read header: %w", err)
	}
	width, height, pages := header.Width(), header.Height(), header.Pages()
	header.Close()
	if !s.withinLimits(width, height, pages) {
		return nil, errDeclined
	}
	img, err := vips.NewThumbnail(name, req.width, &vips.ThumbnailOptions{Height: req.height, Size: vips.SizeDown})
	if err != nil {
		return nil, fmt.Errorf("thumbnail: %w", err)
	}
	return img, nil
}

// withinLimits reports whether a source of pages pages of width x height is one the fast path
// serves: a single still image within the engine's limits.
func (s *Server) withinLimits(width, height, pages int) bool {
	return pages <= 1 && width <= s.limits.MaxSide && height <= s.limits.MaxSide &&
		int64(width)*int64(height) <= int64(s.limits.MaxResolution)
}

// jpegShrink returns the JPEG shrink-on-load factor for fitting width x height into boxW x boxH.
// It is the largest of 8, 4 and 2 that does not exceed the needed shrink, so the decoder's DCT
// scaling does most of the reduction and the final resize less than a factor of two. sharp does
// the same by default (its fastShrinkOnLoad option). vips_thumbnail keeps a factor of two for
// the final resize, so for a 4000 x 3000 JPEG fitted into 256 x 256 it decodes at 1/4 where this
// decodes at 1/8.
func jpegShrink(width, height, boxW, boxH int) int {
	shrink := max(float64(width)/float64(boxW), float64(height)/float64(boxH))
	for _, factor := range []int{8, 4, 2} {
		if shrink >= float64(factor) {
			return factor
		}
	}
	return 1
}

// thumbnailSize returns the size of imagor's thumbnail for req of a JPEG that is width x height
// once upright, where swapped means its orientation turns it a quarter turn. imagor's
// vips_thumbnail decodes at 1/2, 1/4 or 1/8 and leaves a factor of two for the resize. The fast
// path's deeper shrink on load would round some sizes a pixel differently, so the size comes
// from the plan vips_thumbnail makes, computed in Go.
func thumbnailSize(width, height int, swapped bool, req fastRequest) (int, int) {
	if !swapped {
		return thumbsize.Thumbnail(width, height, req.width, req.height, true, true)
	}
	// vips_thumbnail fits the stored image into the turned box, then turns the result.
	w, h := thumbsize.Thumbnail(height, width, req.height, req.width, true, true)
	return h, w
}

// descriptorPath returns a file name under which libvips opens file's descriptor, or "" where
// the system has none.
func descriptorPath(file *os.File) string {
	switch runtime.GOOS {
	case "linux":
		return "/proc/self/fd/" + strconv.Itoa(int(file.Fd()))
	case "darwin", "freebsd":
		return "/dev/fd/" + strconv.Itoa(int(file.Fd()))
	}
	return ""
}
