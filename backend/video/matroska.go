package video

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"time"
)

// Matroska (and WebM) element IDs, with their length markers, as EBML writes them.
const (
	ebmlHeaderID    = 0x1A45DFA3
	segmentID       = 0x18538067
	infoID          = 0x1549A966
	timecodeScaleID = 0x2AD7B1
	durationID      = 0x4489
	unknownSize     = -1
)

// vint reads an EBML variable-length integer at offset. It returns the value (with the length
// marker for IDs, without it for sizes), its byte length, and unknownSize for an all-ones size.
func vint(r io.ReaderAt, size, offset int64, keepMarker bool) (int64, int64, error) {
	first, err := readAt(r, size, offset, 1)
	if err != nil {
		return 0, 0, err
	}
	length := int64(1)
	for mask := byte(0x80); length <= 8 && first[0]&mask == 0; mask >>= 1 {
		length++
	}
	if length > 8 {
		return 0, 0, fmt.Errorf("%w: invalid EBML number at %d", ErrNoDuration, offset)
	}
	raw, err := readAt(r, size, offset, length)
	if err != nil {
		return 0, 0, err
	}
	value := int64(raw[0])
	if !keepMarker {
		value &= int64(0xFF >> length)
	}
	allOnes := value == int64(0xFF>>length)
	for _, b := range raw[1:] {
		value = value<<8 | int64(b)
		allOnes = allOnes && b == 0xFF
	}
	if !keepMarker && allOnes {
		return unknownSize, length, nil
	}
	return value, length, nil
}

// element is one EBML element: its ID and the range of its data.
type element struct {
	id         int64
	start, end int64
}

// nextElement reads the element header at offset. An unknown size runs to end.
func nextElement(r io.ReaderAt, size, offset, end int64) (element, error) {
	id, idLength, err := vint(r, size, offset, true)
	if err != nil {
		return element{}, err
	}
	length, sizeLength, err := vint(r, size, offset+idLength, false)
	if err != nil {
		return element{}, err
	}
	start := offset + idLength + sizeLength
	if length == unknownSize {
		return element{id: id, start: start, end: end}, nil
	}
	if length > end-start {
		return element{}, fmt.Errorf("%w: element 0x%X at %d runs past its parent", ErrNoDuration, id, offset)
	}
	return element{id: id, start: start, end: start + length}, nil
}

// findElement returns the first element with the given ID between start and end.
func findElement(r io.ReaderAt, size, start, end, id int64) (element, error) {
	for pos, n := start, 0; pos < end && n < maxProbeElements; n++ {
		e, err := nextElement(r, size, pos, end)
		if err != nil {
			return element{}, err
		}
		if e.id == id {
			return e, nil
		}
		pos = e.end
	}
	return element{}, fmt.Errorf("%w: no element 0x%X", ErrNoDuration, id)
}

// timecodeScale returns the nanoseconds per timecode unit of a segment info element: its
// TimecodeScale, or the Matroska default of 1,000,000.
func timecodeScale(r io.ReaderAt, size int64, info element) float64 {
	e, err := findElement(r, size, info.start, info.end, timecodeScaleID)
	if err != nil || e.end-e.start > 8 {
		return 1_000_000
	}
	data, err := readAt(r, size, e.start, e.end-e.start)
	if err != nil {
		return 1_000_000
	}
	var v uint64
	for _, b := range data {
		v = v<<8 | uint64(b)
	}
	return float64(v)
}

func matroskaDuration(r io.ReaderAt, size int64) (time.Duration, error) {
	header, err := nextElement(r, size, 0, size)
	if err != nil || header.id != ebmlHeaderID {
		return 0, fmt.Errorf("%w: not an EBML file", ErrNoDuration)
	}

	segment, err := findElement(r, size, header.end, size, segmentID)
	if err != nil {
		return 0, err
	}
	info, err := findElement(r, size, segment.start, segment.end, infoID)
	if err != nil {
		return 0, err
	}
	scale := timecodeScale(r, size, info)

	e, err := findElement(r, size, info.start, info.end, durationID)
	if err != nil {
		return 0, err
	}
	data, err := readAt(r, size, e.start, e.end-e.start)
	if err != nil {
		return 0, err
	}
	var units float64
	switch len(data) {
	case 4:
		units = float64(math.Float32frombits(binary.BigEndian.Uint32(data)))
	case 8:
		units = math.Float64frombits(binary.BigEndian.Uint64(data))
	default:
		return 0, fmt.Errorf("%w: Duration has %d bytes", ErrNoDuration, len(data))
	}
	return toDuration(units * scale / 1e9)
}
