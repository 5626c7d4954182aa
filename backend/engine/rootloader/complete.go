package rootloader

import (
	"bytes"
	"io"
	"net/http"

	"github.com/cshum/imagor"
)

// ErrTruncated is returned for a JPEG or PNG file that stops before its end marker. libvips
// decodes such files without an error and fills the missing rows with grey, so the gallery
// would show a broken picture as if it were whole.
var ErrTruncated = imagor.NewError("truncated file: the image data stops before the end of the image", http.StatusUnprocessableEntity)

var (
	jpegStart = []byte{0xFF, 0xD8, 0xFF}
	jpegEnd   = []byte{0xFF, 0xD9}
	pngStart  = []byte("\x89PNG\r\n\x1a\n")
	pngEnd    = []byte("IEND")
)

// pngTail is how far from the end an IEND chunk is looked for; PNG files rarely carry anything
// after it.
const pngTail = 4 << 10

// checkComplete returns ErrTruncated when file is a JPEG without an end-of-image marker or a PNG
// without an IEND chunk near its end. Other formats are not checked. A JPEG whose marker is not
// at the very end (a phone's motion photo appends a video) is searched whole; an embedded
// thumbnail's marker can make a truncated file pass, never a whole file fail.
func checkComplete(file io.ReaderAt, size int64) error {
	head := make([]byte, 8)
	if _, err := file.ReadAt(head, 0); err != nil {
		return nil // too short to tell; the decoder reports it
	}
	switch {
	case bytes.HasPrefix(head, jpegStart):
		tail := make([]byte, 2)
		if _, err := file.ReadAt(tail, size-2); err == nil && bytes.Equal(tail, jpegEnd) {
			return nil
		}
		whole, err := io.ReadAll(io.NewSectionReader(file, 0, size))
		if err != nil || bytes.LastIndex(whole, jpegEnd) > 0 {
			return nil
		}
		return ErrTruncated
	case bytes.Equal(head, pngStart):
		n := min(size, pngTail)
		tail := make([]byte, n)
		if _, err := file.ReadAt(tail, size-n); err != nil && err != io.EOF {
			return nil
		}
		if bytes.Contains(tail, pngEnd) {
			return nil
		}
		return ErrTruncated
	}
	return nil
}
