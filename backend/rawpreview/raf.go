package rawpreview

import "encoding/binary"

// rafMagic starts every Fujifilm RAF file. The big-endian header that follows contains the
// offset and the length of the embedded JPEG at offset 84. That JPEG carries its own EXIF data
// with the orientation.
var rafMagic = []byte("FUJIFILMCCD-RAW ")

const rafJPEGField = 84

func rafPreviews(src *source) ([]candidate, error) {
	field, err := src.read(rafJPEGField, 8)
	if err != nil {
		return nil, err
	}
	offset := int64(binary.BigEndian.Uint32(field[0:4]))
	length := int64(binary.BigEndian.Uint32(field[4:8]))
	if offset == 0 || length == 0 {
		return nil, ErrNoPreview
	}
	return []candidate{{offset: offset, length: length}}, nil
}
