package rootloader

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path"

	"github.com/cshum/imagor"

	"github.com/imagor-studio/desktop/backend/rawpreview"
)

// rawBlob returns the embedded JPEG preview of the RAW file name, with the RAW file's
// orientation in its EXIF data so imagor's auto-orientation turns it upright.
func rawBlob(root *os.Root, name string, info os.FileInfo) (*imagor.Blob, error) {
	file, err := root.Open(name)
	if err != nil {
		return nil, mapError(err)
	}
	defer file.Close()

	preview, err := rawpreview.Extract(file, info.Size())
	if err != nil {
		return nil, rawError(path.Base(name), err)
	}
	blob := imagor.NewBlobFromBytes(preview.JPEG)
	blob.Stat = &imagor.Stat{Size: int64(len(preview.JPEG)), ModifiedTime: info.ModTime()}
	return blob, nil
}

// rawError words an extraction error for the tile that shows it.
func rawError(base string, err error) error {
	switch {
	case errors.Is(err, rawpreview.ErrNoPreview):
		return imagor.NewError(fmt.Sprintf("No embedded preview in %s; the app shows RAW files "+
			"through their camera preview only", base), http.StatusUnprocessableEntity)
	case errors.Is(err, rawpreview.ErrMalformed):
		return imagor.NewError(fmt.Sprintf("Damaged RAW file %s: %v", base, err), http.StatusUnprocessableEntity)
	case errors.Is(err, rawpreview.ErrUnknownFormat):
		return imagor.NewError(fmt.Sprintf("Not a RAW file: %s does not start like a camera RAW file "+
			"of its extension", base), http.StatusUnprocessableEntity)
	}
	return mapError(err)
}
