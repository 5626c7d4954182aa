// Package rawtest builds small RAW-like files for tests: TIFF containers (the layout of CR2,
// NEF, ARW, DNG, ORF and RW2), RAF headers and CR3 box trees with embedded JPEG previews. The
// files carry no raw sensor data, only the structures a preview extractor walks.
package rawtest

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

// JPEG returns a w x h baseline JPEG with a gradient, so a decoder's output differs from an
// empty picture.
func JPEG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetNRGBA(x, y, color.NRGBA{R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: 90, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// LosslessJPEG returns the start of a lossless JPEG stream (SOF3), as CR2 and DNG files store
// their raw data: a preview extractor must not pick it.
func LosslessJPEG(w, h int) []byte {
	return []byte{
		0xFF, 0xD8, // SOI
		0xFF, 0xC3, 0, 11, 14, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 1, 1, 0x11, 0,
		0xFF, 0xD9,
	}
}

// WithExifOrientation returns jpegData with an APP1 EXIF segment holding only the given
// orientation inserted after SOI, as a camera writes it into the JPEG of a RAF file.
func WithExifOrientation(jpegData []byte, orientation int) []byte {
	tiff := []byte{
		'I', 'I', 42, 0, 8, 0, 0, 0,
		1, 0,
		0x12, 0x01, 3, 0, 1, 0, 0, 0, byte(orientation), 0, 0, 0,
		0, 0, 0, 0,
	}
	length := 2 + 6 + len(tiff)
	out := append([]byte{}, jpegData[:2]...)
	out = append(out, 0xFF, 0xE1, byte(length>>8), byte(length))
	out = append(out, "Exif\x00\x00"...)
	out = append(out, tiff...)
	return append(out, jpegData[2:]...)
}

// Tag numbers used by the TIFF builder.
const (
	TagOrientation     = 0x0112
	TagStripOffsets    = 0x0111
	TagStripByteCounts = 0x0117
	TagSubIFDs         = 0x014A
	TagJPEGOffset      = 0x0201
	TagJPEGLength      = 0x0202
	TagRW2JpgFromRaw   = 0x002E
	TagExifIFD         = 0x8769
	TagMakerNote       = 0x927C
	TagOlympusCamera   = 0x2020
	TagOlympusPreview  = 0x0101
	TagOlympusLength   = 0x0102
)

// Entry is one directory entry. Exactly one of Value, Blob and IFDs is used: Value for an
// inline SHORT or LONG, Blob for the offset of a data block (JPEG offsets, strip offsets), IFDs
// for directory offsets (SubIFDs, the EXIF IFD). Count defaults to 1, or to len(IFDs).
type Entry struct {
	Tag   uint16
	Type  uint16 // 3 SHORT, 4 LONG, 7 UNDEFINED
	Count uint32
	Value uint32
	Blob  []byte
	IFDs  []*IFD
}

// IFD is a directory. Next chains the directory that follows it; pointing it back at an earlier
// directory makes a loop.
type IFD struct {
	Entries []Entry
	Next    *IFD
}

// Short returns an inline SHORT entry.
func Short(tag uint16, v uint16) Entry { return Entry{Tag: tag, Type: 3, Value: uint32(v)} }

// Long returns an inline LONG entry.
func Long(tag uint16, v uint32) Entry { return Entry{Tag: tag, Type: 4, Value: v} }

// JPEGEntries returns the JPEGInterchangeFormat and Length entries pointing at data.
func JPEGEntries(data []byte) []Entry {
	return []Entry{
		{Tag: TagJPEGOffset, Type: 4, Blob: data},
		Long(TagJPEGLength, uint32(len(data))),
	}
}

// StripEntries returns single-strip StripOffsets and StripByteCounts entries pointing at data.
func StripEntries(data []byte) []Entry {
	return []Entry{
		{Tag: TagStripOffsets, Type: 4, Blob: data},
		Long(TagStripByteCounts, uint32(len(data))),
	}
}

// TIFF lays out a TIFF file with the given byte order ("II" or "MM"), magic number (42 for
// TIFF, 0x55 for RW2, 0x4F52 for ORF) and first directory.
func TIFF(order string, magic uint16, ifd0 *IFD) []byte {
	bo := orderOf(order)
	header := make([]byte, 8)
	copy(header, order)
	bo.PutUint16(header[2:], magic)
	out := lay(bo, header, ifd0)
	bo.PutUint32(out[4:], uint32(len(header)))
	return out
}

// OlympusMakerNote lays out an Olympus maker note in the current layout: "OLYMPUS\0", the byte
// order, the version 3 and a directory at offset 12, with every offset counted from the start
// of the note. Put it in a MakerNote entry (UNDEFINED) of the EXIF IFD.
func OlympusMakerNote(order string, ifd *IFD) []byte {
	header := append([]byte("OLYMPUS\x00"), order...)
	header = append(header, 3, 0)
	return lay(orderOf(order), header, ifd)
}

func orderOf(order string) binary.ByteOrder {
	if order == "MM" {
		return binary.BigEndian
	}
	return binary.LittleEndian
}

// lay writes header, then the directories reachable from first and their data blocks, with
// offsets counted from the start of header.
func lay(bo binary.ByteOrder, header []byte, first *IFD) []byte {
	l := &layout{order: bo, ifdAt: map[*IFD]uint32{}, blobAt: map[*byte]uint32{}, pos: uint32(len(header))}
	l.place(first)
	l.placeBlobs(first, map[*IFD]bool{})
	out := make([]byte, l.pos)
	copy(out, header)
	l.write(out, first, map[*IFD]bool{})
	return out
}

type layout struct {
	order  binary.ByteOrder
	ifdAt  map[*IFD]uint32
	blobAt map[*byte]uint32
	pos    uint32
}

// place assigns offsets to every directory reachable from ifd, each once.
func (l *layout) place(ifd *IFD) {
	if ifd == nil {
		return
	}
	if _, ok := l.ifdAt[ifd]; ok {
		return
	}
	l.ifdAt[ifd] = l.pos
	l.pos += 2 + 12*uint32(len(ifd.Entries)) + 4
	for i := range ifd.Entries {
		if n := len(ifd.Entries[i].IFDs); n > 1 {
			l.pos += 4 * uint32(n)
		}
	}
	for _, e := range ifd.Entries {
		for _, sub := range e.IFDs {
			l.place(sub)
		}
	}
	l.place(ifd.Next)
}

func (l *layout) placeBlobs(ifd *IFD, seen map[*IFD]bool) {
	if ifd == nil || seen[ifd] {
		return
	}
	seen[ifd] = true
	for _, e := range ifd.Entries {
		if len(e.Blob) > 0 {
			if _, ok := l.blobAt[&e.Blob[0]]; !ok {
				l.blobAt[&e.Blob[0]] = l.pos
				l.pos += uint32(len(e.Blob))
			}
		}
		for _, sub := range e.IFDs {
			l.placeBlobs(sub, seen)
		}
	}
	l.placeBlobs(ifd.Next, seen)
}

func (l *layout) write(out []byte, ifd *IFD, seen map[*IFD]bool) {
	if ifd == nil || seen[ifd] {
		return
	}
	seen[ifd] = true
	at := l.ifdAt[ifd]
	l.order.PutUint16(out[at:], uint16(len(ifd.Entries)))
	arrays := at + 2 + 12*uint32(len(ifd.Entries)) + 4
	for i, e := range ifd.Entries {
		b := out[at+2+12*uint32(i):]
		count := e.Count
		if count == 0 {
			count = max(1, uint32(len(e.IFDs)))
		}
		l.order.PutUint16(b[0:], e.Tag)
		l.order.PutUint16(b[2:], e.Type)
		l.order.PutUint32(b[4:], count)
		switch {
		case len(e.Blob) > 0:
			l.order.PutUint32(b[8:], l.blobAt[&e.Blob[0]])
			copy(out[l.blobAt[&e.Blob[0]]:], e.Blob)
		case len(e.IFDs) == 1:
			l.order.PutUint32(b[8:], l.ifdAt[e.IFDs[0]])
		case len(e.IFDs) > 1:
			l.order.PutUint32(b[8:], arrays)
			for _, sub := range e.IFDs {
				l.order.PutUint32(out[arrays:], l.ifdAt[sub])
				arrays += 4
			}
		case e.Type == 3:
			l.order.PutUint16(b[8:], uint16(e.Value))
		default:
			l.order.PutUint32(b[8:], e.Value)
		}
	}
	if ifd.Next != nil {
		l.order.PutUint32(out[at+2+12*uint32(len(ifd.Entries)):], l.ifdAt[ifd.Next])
	}
	for _, e := range ifd.Entries {
		for _, sub := range e.IFDs {
			l.write(out, sub, seen)
		}
	}
	l.write(out, ifd.Next, seen)
}

// RAF returns a Fujifilm RAF header followed by jpegData, with the header's JPEG offset and
// length fields pointing at it.
func RAF(jpegData []byte) []byte {
	out := make([]byte, 160)
	copy(out, "FUJIFILMCCD-RAW 0201FF383501X-T5 test camera")
	binary.BigEndian.PutUint32(out[84:], uint32(len(out)))
	binary.BigEndian.PutUint32(out[88:], uint32(len(jpegData)))
	return append(out, jpegData...)
}

// Box returns an ISO BMFF box of type typ around payload.
func Box(typ string, payload ...[]byte) []byte {
	body := bytes.Join(payload, nil)
	out := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	out = append(out, typ...)
	return append(out, body...)
}

// The uuids of Canon's CR3 boxes.
var (
	CR3MetaUUID    = []byte{0x85, 0xC0, 0xB6, 0x87, 0x82, 0x0F, 0x11, 0xE0, 0x81, 0x11, 0xF4, 0xCE, 0x46, 0x2B, 0x6A, 0x48}
	CR3PreviewUUID = []byte{0xEA, 0xF4, 0x2B, 0x5E, 0x1C, 0x98, 0x4B, 0x88, 0xB9, 0xFB, 0xB7, 0xDC, 0x40, 0x6E, 0x4D, 0x16}
)

// CR3 returns a CR3 box tree: ftyp, moov with Canon's uuid box (CMT1 with the orientation,
// THMB with thumb), and the preview uuid box with PRVW holding preview. A nil JPEG leaves its
// box out.
func CR3(orientation uint16, thumb, preview []byte) []byte {
	cmt1 := TIFF("II", 42, &IFD{Entries: []Entry{Short(TagOrientation, orientation)}})
	meta := [][]byte{CR3MetaUUID, Box("CMT1", cmt1)}
	if thumb != nil {
		// THMB: version and flags, width, height, JPEG size, two reserved fields.
		head := []byte{0, 0, 0, 0, 0, 160, 0, 120}
		head = binary.BigEndian.AppendUint32(head, uint32(len(thumb)))
		head = append(head, 0, 1, 0, 0)
		meta = append(meta, Box("THMB", head, thumb))
	}
	out := Box("ftyp", []byte("crx \x00\x00\x00\x01crx isom"))
	out = append(out, Box("moov", Box("uuid", meta...))...)
	if preview != nil {
		// PRVW: reserved, two fields, width, height, a field, JPEG size.
		head := []byte{0, 0, 0, 0, 0, 1, 0x06, 0x54, 0x04, 0x38, 0, 1}
		head = binary.BigEndian.AppendUint32(head, uint32(len(preview)))
		prvw := Box("PRVW", head, preview)
		out = append(out, Box("uuid", CR3PreviewUUID, make([]byte, 8), prvw)...)
	}
	return append(out, Box("mdat", make([]byte, 64))...)
}
