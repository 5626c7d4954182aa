package rawpreview

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// maxJPEGSegments bounds the marker segments read before the frame header.
const maxJPEGSegments = 64

var exifHeader = []byte("Exif\x00\x00")

// jpegSize reads the marker segments of the JPEG candidate c up to its frame header and returns
// the stored width and height. It fails for anything but a baseline, extended or progressive
// Huffman JPEG, which is what libvips decodes; lossless JPEG (SOF3) is the raw data itself.
func jpegSize(src *source, c candidate) (int, int, error) {
	soi, err := src.read(c.offset, 2)
	if err != nil {
		return 0, 0, err
	}
	if soi[0] != 0xFF || soi[1] != 0xD8 {
		return 0, 0, fmt.Errorf("%w: data at offset %d is not a JPEG", ErrNoPreview, c.offset)
	}
	pos, end := c.offset+2, c.offset+c.length
	for range maxJPEGSegments {
		if pos+4 > end {
			break
		}
		head, err := src.read(pos, 4)
		if err != nil {
			return 0, 0, err
		}
		if head[0] != 0xFF {
			return 0, 0, fmt.Errorf("%w: JPEG at offset %d has no marker at %d", ErrMalformed, c.offset, pos)
		}
		marker, length := head[1], int64(binary.BigEndian.Uint16(head[2:4]))
		switch {
		case marker == 0xFF:
			pos++ // fill byte
			continue
		case marker == 0xC0 || marker == 0xC1 || marker == 0xC2:
			frame, err := src.read(pos+4, 5)
			if err != nil {
				return 0, 0, err
			}
			h, w := int(binary.BigEndian.Uint16(frame[1:3])), int(binary.BigEndian.Uint16(frame[3:5]))
			if w == 0 || h == 0 {
				return 0, 0, fmt.Errorf("%w: JPEG at offset %d has a %dx%d frame", ErrNoPreview, c.offset, w, h)
			}
			return w, h, nil
		case marker >= 0xC3 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC:
			return 0, 0, fmt.Errorf("%w: JPEG at offset %d is lossless or arithmetic-coded (SOF 0x%02X)",
				ErrNoPreview, c.offset, marker)
		case marker == 0xDA || marker == 0xD9:
			return 0, 0, fmt.Errorf("%w: JPEG at offset %d has no frame header", ErrMalformed, c.offset)
		}
		if length < 2 {
			return 0, 0, fmt.Errorf("%w: JPEG segment at %d has length %d", ErrMalformed, pos, length)
		}
		pos += 2 + length
	}
	return 0, 0, fmt.Errorf("%w: no JPEG frame header found at offset %d", ErrMalformed, c.offset)
}

// jpegTail is how far from the end of a preview its end-of-image marker is looked for, so that
// padding after the marker does not count as a cut.
//
// NOTE: 4 KiB is an estimate of such padding; no camera's own files were available to check it.
const jpegTail = 4 << 10

// jpegComplete checks that the JPEG candidate c has an end-of-image marker in its last jpegTail
// bytes, so a preview cut short is not shown as if it were whole. Entropy-coded data escapes
// every 0xFF byte, so inside the scan only the end of the image reads as that marker.
func jpegComplete(src *source, c candidate) error {
	n := min(c.length, jpegTail)
	tail, err := src.read(c.offset+c.length-n, n)
	if err != nil {
		return err
	}
	if !bytes.Contains(tail, []byte{0xFF, 0xD9}) {
		return fmt.Errorf("%w: the JPEG preview at offset %d with %d bytes stops before its end marker (truncated)",
			ErrMalformed, c.offset, c.length)
	}
	return nil
}

// setOrientation returns jpeg with its EXIF orientation set to orientation. An Orientation tag
// in IFD0 of an existing EXIF segment is changed in place. Otherwise a minimal EXIF segment with
// only the orientation replaces the existing one, or is inserted after SOI and any JFIF segment.
// Only previews without an Orientation tag lose their own EXIF data that way. Orientation 1 on a
// JPEG without the tag leaves it unchanged.
func setOrientation(jpeg []byte, orientation int) []byte {
	if len(jpeg) < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8 {
		return jpeg
	}
	insertAt := 2
	pos := 2
	for range maxJPEGSegments {
		if pos+4 > len(jpeg) || jpeg[pos] != 0xFF {
			break
		}
		marker := jpeg[pos+1]
		length := int(binary.BigEndian.Uint16(jpeg[pos+2 : pos+4]))
		if length < 2 || pos+2+length > len(jpeg) || marker == 0xDA {
			break
		}
		segment := jpeg[pos+4 : pos+2+length]
		if marker == 0xE0 && pos == 2 {
			insertAt = pos + 2 + length // keep JFIF first
		}
		if marker == 0xE1 && bytes.HasPrefix(segment, exifHeader) {
			if patchOrientation(segment[len(exifHeader):], orientation) {
				return jpeg
			}
			if orientation == 1 {
				return jpeg
			}
			out := make([]byte, 0, len(jpeg)+40)
			out = append(out, jpeg[:pos]...)
			out = append(out, orientationSegment(orientation)...)
			return append(out, jpeg[pos+2+length:]...)
		}
		pos += 2 + length
	}
	if orientation == 1 {
		return jpeg
	}
	out := make([]byte, 0, len(jpeg)+40)
	out = append(out, jpeg[:insertAt]...)
	out = append(out, orientationSegment(orientation)...)
	return append(out, jpeg[insertAt:]...)
}

// patchOrientation sets the Orientation tag of IFD0 in the TIFF data exif, in place, and reports
// whether the tag was there.
func patchOrientation(exif []byte, orientation int) bool {
	if len(exif) < 8 {
		return false
	}
	order := byteOrder(exif)
	if order == nil || order.Uint16(exif[2:4]) != 42 {
		return false
	}
	ifd := int64(order.Uint32(exif[4:8]))
	if ifd < 8 || ifd+2 > int64(len(exif)) {
		return false
	}
	n := int64(order.Uint16(exif[ifd:]))
	for i := int64(0); i < n; i++ {
		at := ifd + 2 + i*12
		if at+12 > int64(len(exif)) {
			return false
		}
		if order.Uint16(exif[at:]) == tagOrientation && order.Uint16(exif[at+2:]) == 3 {
			order.PutUint16(exif[at+8:], uint16(orientation))
			return true
		}
	}
	return false
}

// orientationSegment returns an APP1 EXIF segment whose IFD0 holds only the Orientation tag.
func orientationSegment(orientation int) []byte {
	tiffData := []byte{
		'M', 'M', 0, 42, 0, 0, 0, 8, // header, IFD0 at offset 8
		0, 1, // one entry
		0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, byte(orientation), 0, 0, // Orientation, SHORT, 1 value
		0, 0, 0, 0, // no next IFD
	}
	length := 2 + len(exifHeader) + len(tiffData)
	out := []byte{0xFF, 0xE1, byte(length >> 8), byte(length)}
	out = append(out, exifHeader...)
	return append(out, tiffData...)
}
