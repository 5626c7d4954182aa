package rawpreview

import (
	"encoding/binary"
	"fmt"
)

// TIFF tags that lead to previews or describe them.
const (
	tagStripOffsets    = 0x0111
	tagOrientation     = 0x0112
	tagStripByteCounts = 0x0117
	tagSubIFDs         = 0x014A
	tagJPEGOffset      = 0x0201 // JPEGInterchangeFormat
	tagJPEGLength      = 0x0202 // JPEGInterchangeFormatLength
	tagExifIFD         = 0x8769
	tagRW2JpgFromRaw   = 0x002E // Panasonic RW2: the whole preview JPEG as an UNDEFINED value
)

// Bounds of the walk: real files have a handful of directories with a few dozen entries each.
const (
	maxIFDs       = 64
	maxIFDEntries = 1024
	maxSubIFDs    = 16
)

// tiffMagics are the values after the byte order mark: 42 for TIFF (CR2, NEF, ARW, DNG),
// 0x55 for Panasonic RW2 and "RO"/"RS" for Olympus ORF.
var tiffMagics = map[uint16]bool{42: true, 0x55: true, 0x4F52: true, 0x5352: true}

func isTIFFHeader(head []byte) bool {
	if len(head) < 8 {
		return false
	}
	order := byteOrder(head)
	return order != nil && tiffMagics[order.Uint16(head[2:4])]
}

func byteOrder(head []byte) binary.ByteOrder {
	switch string(head[:2]) {
	case "II":
		return binary.LittleEndian
	case "MM":
		return binary.BigEndian
	}
	return nil
}

// tiff is a TIFF structure at base inside a file; its offsets count from base.
type tiff struct {
	src   *source
	base  int64
	order binary.ByteOrder
}

// ifdEntry is one 12-byte directory entry.
type ifdEntry struct {
	tag, typ uint16
	count    uint32
	raw      [4]byte // the value, or the offset of the value when it is longer than 4 bytes
}

// typeSizes are the byte sizes of the TIFF field types the walk reads.
var typeSizes = map[uint16]int64{1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}

// tiffPreviews walks the TIFF file of src and returns its JPEG candidates and IFD0's
// orientation (0 when absent).
func tiffPreviews(src *source) ([]candidate, int, error) {
	head, err := src.read(0, 8)
	if err != nil {
		return nil, 0, err
	}
	t := &tiff{src: src, order: byteOrder(head)}
	return t.walk(int64(t.order.Uint32(head[4:8])))
}

// walk visits IFD0, the IFDs chained after it, their SubIFDs and EXIF IFDs, each once, and
// collects JPEG candidates. first is IFD0's offset relative to t.base.
func (t *tiff) walk(first int64) ([]candidate, int, error) {
	var found []candidate
	orientation := 0
	queue := []int64{first}
	seen := map[int64]bool{}
	for len(queue) > 0 && len(seen) < maxIFDs {
		offset := queue[0]
		queue = queue[1:]
		if offset == 0 || seen[offset] {
			continue
		}
		seen[offset] = true
		entries, next, err := t.readIFD(offset)
		if err != nil {
			if len(seen) == 1 {
				return nil, 0, err // IFD0 itself is unreadable
			}
			continue // a damaged later directory does not hide the previews already found
		}
		if len(seen) == 1 {
			orientation = t.orientation(entries)
		}
		found = append(found, t.candidates(entries)...)
		queue = append(queue, t.children(entries)...)
		queue = append(queue, next)
	}
	return found, orientation, nil
}

// readIFD reads the directory at offset and returns its entries and the next IFD's offset.
func (t *tiff) readIFD(offset int64) ([]ifdEntry, int64, error) {
	countBytes, err := t.src.read(t.base+offset, 2)
	if err != nil {
		return nil, 0, fmt.Errorf("read IFD at %d: %w", offset, err)
	}
	n := int64(t.order.Uint16(countBytes))
	if n == 0 || n > maxIFDEntries {
		return nil, 0, fmt.Errorf("%w: IFD at %d has %d entries", ErrMalformed, offset, n)
	}
	body, err := t.src.read(t.base+offset+2, n*12+4)
	if err != nil {
		return nil, 0, fmt.Errorf("read IFD at %d: %w", offset, err)
	}
	entries := make([]ifdEntry, n)
	for i := range entries {
		b := body[i*12:]
		entries[i] = ifdEntry{tag: t.order.Uint16(b[0:2]), typ: t.order.Uint16(b[2:4]), count: t.order.Uint32(b[4:8])}
		copy(entries[i].raw[:], b[8:12])
	}
	return entries, int64(t.order.Uint32(body[n*12:])), nil
}

// values returns up to limit unsigned values of an entry of type BYTE, SHORT, LONG or IFD.
func (t *tiff) values(e ifdEntry, limit int) ([]int64, error) {
	size := typeSizes[e.typ]
	if e.typ != 1 && e.typ != 3 && e.typ != 4 && e.typ != 13 {
		return nil, fmt.Errorf("%w: tag 0x%04X has type %d, not an integer", ErrMalformed, e.tag, e.typ)
	}
	count := min(int64(e.count), int64(limit))
	data := e.raw[:]
	if int64(e.count)*size > 4 {
		var err error
		data, err = t.src.read(t.base+int64(t.order.Uint32(e.raw[:])), count*size)
		if err != nil {
			return nil, err
		}
	}
	out := make([]int64, 0, count)
	for i := int64(0); i < count; i++ {
		switch size {
		case 1:
			out = append(out, int64(data[i]))
		case 2:
			out = append(out, int64(t.order.Uint16(data[i*2:])))
		default:
			out = append(out, int64(t.order.Uint32(data[i*4:])))
		}
	}
	return out, nil
}

func (t *tiff) value(e ifdEntry) (int64, bool) {
	v, err := t.values(e, 1)
	if err != nil || len(v) == 0 {
		return 0, false
	}
	return v[0], true
}

func (t *tiff) orientation(entries []ifdEntry) int {
	for _, e := range entries {
		if e.tag == tagOrientation {
			if v, ok := t.value(e); ok && v >= 1 && v <= 8 {
				return int(v)
			}
		}
	}
	return 0
}

// candidates returns the JPEG streams one directory points at: JPEGInterchangeFormat, a
// single strip (CR2 stores its full-size preview so, and DNG its previews) and RW2's
// JpgFromRaw. Whether a stream is a usable JPEG is checked later.
func (t *tiff) candidates(entries []ifdEntry) []candidate {
	var jpegOffset, jpegLength, stripOffset, stripLength int64 = -1, -1, -1, -1
	var found []candidate
	for _, e := range entries {
		switch e.tag {
		case tagJPEGOffset:
			jpegOffset = t.valueOr(e, -1)
		case tagJPEGLength:
			jpegLength = t.valueOr(e, -1)
		case tagStripOffsets:
			if e.count == 1 {
				stripOffset = t.valueOr(e, -1)
			}
		case tagStripByteCounts:
			if e.count == 1 {
				stripLength = t.valueOr(e, -1)
			}
		case tagMakerNote:
			found = append(found, t.olympusPreviews(e)...)
		case tagRW2JpgFromRaw:
			if e.typ == 7 && e.count > 4 {
				found = append(found, candidate{offset: t.base + int64(t.order.Uint32(e.raw[:])), length: int64(e.count)})
			}
		}
	}
	if jpegOffset >= 0 && jpegLength > 0 {
		found = append(found, candidate{offset: t.base + jpegOffset, length: jpegLength})
	}
	if stripOffset >= 0 && stripLength > 0 {
		found = append(found, candidate{offset: t.base + stripOffset, length: stripLength})
	}
	return found
}

func (t *tiff) valueOr(e ifdEntry, fallback int64) int64 {
	if v, ok := t.value(e); ok {
		return v
	}
	return fallback
}

// children returns the offsets of the SubIFDs and the EXIF IFD of a directory.
func (t *tiff) children(entries []ifdEntry) []int64 {
	var out []int64
	for _, e := range entries {
		if e.tag != tagSubIFDs && e.tag != tagExifIFD {
			continue
		}
		if v, err := t.values(e, maxSubIFDs); err == nil {
			out = append(out, v...)
		}
	}
	return out
}
