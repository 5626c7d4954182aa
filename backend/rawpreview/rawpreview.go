// Package rawpreview finds the JPEG preview that cameras embed in their RAW files (CR2, CR3, NEF,
// ARW, DNG, RAF, ORF, RW2) and returns it with the RAW file's orientation in its EXIF data. The
// bundled libvips has no RAW decoder, so this preview is all the app shows of a RAW file.
//
// The parser reads only the bytes it needs through an io.ReaderAt and checks every offset and
// length against the file size. A hostile file cannot make it read more than MaxPreviewBytes
// plus a few kilobytes per directory, nor visit a directory twice.
//
// NOTE: The layouts follow the published descriptions of these formats and are tested on files
// the tests build. No camera's own files were available to test against.
package rawpreview

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// MaxPreviewBytes bounds the size of the preview that Extract reads into memory. Full-size
// previews of 60-megapixel cameras are about 30 MB.
const MaxPreviewBytes = 64 << 20

// Errors returned by Extract, wrapped with detail.
var (
	// ErrNoPreview means the file is a readable RAW container without a JPEG preview that
	// libvips can decode.
	ErrNoPreview = errors.New("no embedded preview")
	// ErrMalformed means the container is damaged: an offset or length points past the end of
	// the file, or a structure is inconsistent.
	ErrMalformed = errors.New("malformed RAW file")
	// ErrUnknownFormat means the file starts with none of the RAW signatures.
	ErrUnknownFormat = errors.New("not a known RAW format")
)

// extensions are the RAW formats the package reads, by file name extension.
var extensions = map[string]bool{
	".cr2": true, ".cr3": true, ".nef": true, ".arw": true, ".dng": true, ".raf": true,
	".orf": true, ".rw2": true,
}

// IsRaw reports whether name has the extension of a RAW format this package reads.
func IsRaw(name string) bool {
	return extensions[strings.ToLower(path.Ext(name))]
}

// Preview is the embedded JPEG chosen from a RAW file.
type Preview struct {
	JPEG []byte
	// Width and Height are the JPEG's stored size, before orientation.
	Width, Height int
	// Orientation is the EXIF orientation (1 to 8) written into JPEG, or 0 when the RAW file
	// has none and the JPEG is passed on as stored.
	Orientation int
	Format      string // "tiff", "raf" or "cr3"
}

// candidate is a JPEG stream inside the file, found but not yet read.
type candidate struct {
	offset, length int64
}

// Extract finds the largest embedded JPEG preview of the RAW file r of size bytes and returns it
// with the RAW file's orientation applied to its EXIF data, so a decoder that auto-orients shows
// it upright. It returns an error wrapping ErrNoPreview, ErrMalformed or ErrUnknownFormat.
func Extract(r io.ReaderAt, size int64) (Preview, error) {
	src := &source{r: r, size: size}
	head, err := src.read(0, min(size, 32))
	if err != nil {
		return Preview{}, fmt.Errorf("%w: the file is shorter than a RAW header", ErrMalformed)
	}

	var found []candidate
	orientation := 0
	format := ""
	switch {
	case bytes.HasPrefix(head, rafMagic):
		format = "raf"
		found, err = rafPreviews(src)
	case len(head) >= 12 && string(head[4:12]) == "ftypcrx ":
		format = "cr3"
		found, orientation, err = cr3Previews(src)
	case isTIFFHeader(head):
		format = "tiff"
		found, orientation, err = tiffPreviews(src)
	default:
		return Preview{}, ErrUnknownFormat
	}
	if err != nil {
		return Preview{}, err
	}

	best, width, height, err := largestJPEG(src, found)
	if err != nil {
		return Preview{}, err
	}
	data, err := src.read(best.offset, best.length)
	if err != nil {
		return Preview{}, err
	}
	if orientation >= 1 && orientation <= 8 {
		data = setOrientation(data, orientation)
	} else {
		orientation = 0
	}
	return Preview{JPEG: data, Width: width, Height: height, Orientation: orientation, Format: format}, nil
}

// largestJPEG returns the candidate with the most pixels among those that are baseline or
// progressive JPEGs with an end marker. Lossless JPEG (the raw data of CR2 and DNG files) does
// not count. When every JPEG found stops before its end marker, the error wraps ErrMalformed.
func largestJPEG(src *source, found []candidate) (candidate, int, int, error) {
	var best candidate
	bestW, bestH := 0, 0
	var firstErr, truncated error
	for _, c := range found {
		if c.length <= 0 || c.length > MaxPreviewBytes || c.offset < 0 || c.offset > src.size-c.length {
			if firstErr == nil {
				firstErr = fmt.Errorf("%w: preview at offset %d with %d bytes lies outside the %d-byte file",
					ErrMalformed, c.offset, c.length, src.size)
			}
			continue
		}
		w, h, err := jpegSize(src, c)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		if err := jpegComplete(src, c); err != nil {
			truncated = err
			continue
		}
		if w*h > bestW*bestH || (w*h == bestW*bestH && c.length > best.length) {
			best, bestW, bestH = c, w, h
		}
	}
	if bestW == 0 && truncated != nil {
		// libvips would fill the missing rows with grey and show the preview as if it were whole.
		return candidate{}, 0, 0, truncated
	}
	if bestW == 0 {
		if firstErr != nil && !errors.Is(firstErr, ErrNoPreview) {
			return candidate{}, 0, 0, fmt.Errorf("%w (%w)", ErrNoPreview, firstErr)
		}
		return candidate{}, 0, 0, ErrNoPreview
	}
	return best, bestW, bestH, nil
}

// source reads bounded byte ranges of a file and counts the reads, so a structure that points
// back at itself ends after a fixed amount of work.
type source struct {
	r     io.ReaderAt
	size  int64
	reads int
}

// maxReads bounds the reads per file: each directory, box and JPEG segment takes one.
const maxReads = 20000

func (s *source) read(offset, n int64) ([]byte, error) {
	s.reads++
	if s.reads > maxReads {
		return nil, fmt.Errorf("%w: too many structures (over %d reads)", ErrMalformed, maxReads)
	}
	if offset < 0 || n < 0 || offset > s.size || n > s.size-offset {
		return nil, fmt.Errorf("%w: %d bytes at offset %d lie past the end of the %d-byte file",
			ErrMalformed, n, offset, s.size)
	}
	if n > MaxPreviewBytes {
		return nil, fmt.Errorf("%w: a %d-byte structure is larger than the %d-byte limit",
			ErrMalformed, n, MaxPreviewBytes)
	}
	buf := make([]byte, n)
	got, err := s.r.ReadAt(buf, offset)
	switch {
	case int64(got) == n:
		return buf, nil
	case errors.Is(err, io.EOF) || err == nil:
		return nil, fmt.Errorf("%w: the file ends before offset %d", ErrMalformed, offset+n)
	}
	return nil, fmt.Errorf("read %d bytes at offset %d: %w", n, offset, err)
}
