package rawpreview

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// Canon CR3 files are ISO base media files (brand "crx "). The uuid box inside moov contains
// CMT1, a TIFF IFD0 with the orientation, and THMB, a small JPEG thumbnail. A top-level uuid box
// contains PRVW, a larger JPEG preview.
var (
	cr3MetaUUID    = []byte{0x85, 0xC0, 0xB6, 0x87, 0x82, 0x0F, 0x11, 0xE0, 0x81, 0x11, 0xF4, 0xCE, 0x46, 0x2B, 0x6A, 0x48}
	cr3PreviewUUID = []byte{0xEA, 0xF4, 0x2B, 0x5E, 0x1C, 0x98, 0x4B, 0x88, 0xB9, 0xFB, 0xB7, 0xDC, 0x40, 0x6E, 0x4D, 0x16}
)

// maxBoxes bounds the boxes read on one level.
const maxBoxes = 1024

// box is an ISO BMFF box: its type and the file range of its payload.
type box struct {
	typ        string
	start, end int64 // payload
}

// boxes returns the boxes laid end to end from start to end.
func boxes(src *source, start, end int64) ([]box, error) {
	var out []box
	for pos := start; pos+8 <= end && len(out) < maxBoxes; {
		head, err := src.read(pos, 8)
		if err != nil {
			return nil, err
		}
		size, header := int64(binary.BigEndian.Uint32(head[0:4])), int64(8)
		switch size {
		case 0:
			size = end - pos
		case 1:
			large, err := src.read(pos+8, 8)
			if err != nil {
				return nil, err
			}
			size, header = int64(binary.BigEndian.Uint64(large)), 16
		}
		if size < header || size > end-pos {
			return nil, fmt.Errorf("%w: box %q at %d has size %d past its parent's end %d",
				ErrMalformed, head[4:8], pos, size, end)
		}
		out = append(out, box{typ: string(head[4:8]), start: pos + header, end: pos + size})
		pos += size
	}
	return out, nil
}

// cr3Previews returns the PRVW and THMB JPEGs of a CR3 file and the orientation in CMT1.
func cr3Previews(src *source) ([]candidate, int, error) {
	top, err := boxes(src, 0, src.size)
	if err != nil {
		return nil, 0, err
	}
	var found []candidate
	orientation := 0
	for _, b := range top {
		switch {
		case b.typ == "moov":
			c, o, err := cr3Metadata(src, b)
			if err != nil {
				return nil, 0, err
			}
			found, orientation = append(found, c...), o
		case b.typ == "uuid" && hasUUID(src, b, cr3PreviewUUID):
			if c, ok := cr3JPEGBox(src, b.start+16, b.end, "PRVW"); ok {
				found = append(found, c)
			}
		}
	}
	return found, orientation, nil
}

// cr3Metadata reads the Canon uuid box of moov: the orientation from CMT1 and the THMB JPEG.
func cr3Metadata(src *source, moov box) ([]candidate, int, error) {
	children, err := boxes(src, moov.start, moov.end)
	if err != nil {
		return nil, 0, err
	}
	var found []candidate
	orientation := 0
	for _, b := range children {
		if b.typ != "uuid" || !hasUUID(src, b, cr3MetaUUID) {
			continue
		}
		inner, err := boxes(src, b.start+16, b.end)
		if err != nil {
			return nil, 0, err
		}
		for _, c := range inner {
			switch c.typ {
			case "CMT1":
				orientation = cr3Orientation(src, c)
			case "THMB":
				if jpeg, ok := jpegInside(src, c); ok {
					found = append(found, jpeg)
				}
			}
		}
	}
	return found, orientation, nil
}

func hasUUID(src *source, b box, id []byte) bool {
	if b.end-b.start < 16 {
		return false
	}
	got, err := src.read(b.start, 16)
	return err == nil && bytes.Equal(got, id)
}

// cr3JPEGBox finds the box named typ among the boxes of the preview uuid. Its payload starts
// with 8 bytes before the first box, so each of the first few positions is tried.
func cr3JPEGBox(src *source, start, end int64, typ string) (candidate, bool) {
	for skip := int64(0); skip <= 16; skip += 8 {
		children, err := boxes(src, start+skip, end)
		if err != nil {
			continue
		}
		for _, b := range children {
			if b.typ == typ {
				return jpegInside(src, b)
			}
		}
	}
	return candidate{}, false
}

// jpegInside returns the JPEG that starts within the first 32 bytes of a box's payload, after
// the box's own fields, and runs to the end of the box.
func jpegInside(src *source, b box) (candidate, bool) {
	head, err := src.read(b.start, min(32, b.end-b.start))
	if err != nil {
		return candidate{}, false
	}
	at := bytes.Index(head, []byte{0xFF, 0xD8, 0xFF})
	if at < 0 {
		return candidate{}, false
	}
	return candidate{offset: b.start + int64(at), length: b.end - b.start - int64(at)}, true
}

// cr3Orientation reads the Orientation tag of the TIFF IFD0 in a CMT1 box, or returns 0.
func cr3Orientation(src *source, b box) int {
	head, err := src.read(b.start, min(8, b.end-b.start))
	if err != nil || !isTIFFHeader(head) {
		return 0
	}
	t := &tiff{src: src, base: b.start, order: byteOrder(head)}
	entries, _, err := t.readIFD(int64(t.order.Uint32(head[4:8])))
	if err != nil {
		return 0
	}
	return t.orientation(entries)
}
