package rawpreview

import "bytes"

// Olympus keeps the preview of an ORF file in its maker note (tag 0x927C of the EXIF IFD): the
// CameraSettings directory (tag 0x2020) has PreviewImageStart (0x0101) and PreviewImageLength
// (0x0102). In the current maker note layout ("OLYMPUS\0" and a byte order mark), every offset
// counts from the start of the maker note. In the older "OLYMP\0" layout, offsets count from
// the TIFF header.
const (
	tagMakerNote          = 0x927C
	tagOlympusCamera      = 0x2020
	tagOlympusPreviewAt   = 0x0101
	tagOlympusPreviewSize = 0x0102
)

var (
	olympusNew = []byte("OLYMPUS\x00")
	olympusOld = []byte("OLYMP\x00")
)

// olympusPreviews returns the preview that an Olympus maker note entry points at, if any.
func (t *tiff) olympusPreviews(e ifdEntry) []candidate {
	if e.typ != 7 || e.count < 16 {
		return nil
	}
	start := t.base + int64(t.order.Uint32(e.raw[:]))
	head, err := t.src.read(start, 12)
	if err != nil {
		return nil
	}

	var note *tiff
	var first int64
	switch {
	case bytes.HasPrefix(head, olympusNew):
		order := byteOrder(head[8:10])
		if order == nil {
			return nil
		}
		note, first = &tiff{src: t.src, base: start, order: order}, 12
	case bytes.HasPrefix(head, olympusOld):
		note, first = &tiff{src: t.src, base: t.base, order: t.order}, start-t.base+8
	default:
		return nil
	}
	entries, _, err := note.readIFD(first)
	if err != nil {
		return nil
	}

	for _, entry := range entries {
		if entry.tag != tagOlympusCamera {
			continue
		}
		// CameraSettings is a directory inside the maker note, typed IFD or UNDEFINED.
		offset := int64(note.order.Uint32(entry.raw[:]))
		settings, _, err := note.readIFD(offset)
		if err != nil {
			return nil
		}
		return note.olympusPreview(settings)
	}
	return nil
}

func (t *tiff) olympusPreview(entries []ifdEntry) []candidate {
	var at, size int64 = -1, -1
	for _, e := range entries {
		switch e.tag {
		case tagOlympusPreviewAt:
			at = t.valueOr(e, -1)
		case tagOlympusPreviewSize:
			size = t.valueOr(e, -1)
		}
	}
	if at <= 0 || size <= 0 {
		return nil
	}
	return []candidate{{offset: t.base + at, length: size}}
}
