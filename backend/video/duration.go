package video

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path"
	"strings"
	"sync"
	"time"
)

// ErrNoDuration means the container has no duration the probe reads.
var ErrNoDuration = errors.New("no duration in the file header")

// maxProbeElements bounds the boxes or elements read on one level of a container.
const maxProbeElements = 256

// Duration reads the length of an MP4, MOV or M4V file (the movie header, mvhd) or a WebM or
// MKV file (the segment info's Duration) from its headers, without decoding. It reads a few
// small ranges, each checked against size.
func Duration(r io.ReaderAt, size int64, name string) (time.Duration, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".mp4", ".m4v", ".mov":
		return mp4Duration(r, size)
	case ".webm", ".mkv":
		return matroskaDuration(r, size)
	}
	return 0, fmt.Errorf("%w: %s is not MP4, MOV, WebM or MKV", ErrNoDuration, name)
}

func readAt(r io.ReaderAt, size, offset, n int64) ([]byte, error) {
	if offset < 0 || n < 0 || offset > size || n > size-offset || n > 1<<16 {
		return nil, fmt.Errorf("%w: %d bytes at %d lie outside the %d-byte file", ErrNoDuration, n, offset, size)
	}
	buf := make([]byte, n)
	if got, err := r.ReadAt(buf, offset); int64(got) != n {
		return nil, fmt.Errorf("read video header at %d: %w", offset, err)
	}
	return buf, nil
}

// findBox returns the payload range of the first box of type typ between start and end.
func findBox(r io.ReaderAt, size, start, end int64, typ string) (int64, int64, error) {
	for pos, n := start, 0; pos+8 <= end && n < maxProbeElements; n++ {
		head, err := readAt(r, size, pos, 8)
		if err != nil {
			return 0, 0, err
		}
		boxSize, header := int64(binary.BigEndian.Uint32(head)), int64(8)
		switch boxSize {
		case 0:
			boxSize = end - pos
		case 1:
			large, err := readAt(r, size, pos+8, 8)
			if err != nil {
				return 0, 0, err
			}
			boxSize, header = int64(binary.BigEndian.Uint64(large)), 16
		}
		if boxSize < header || boxSize > end-pos {
			return 0, 0, fmt.Errorf("%w: box at %d has an invalid size %d", ErrNoDuration, pos, boxSize)
		}
		if string(head[4:8]) == typ {
			return pos + header, pos + boxSize, nil
		}
		pos += boxSize
	}
	return 0, 0, fmt.Errorf("%w: no %s box", ErrNoDuration, typ)
}

func mp4Duration(r io.ReaderAt, size int64) (time.Duration, error) {
	moovStart, moovEnd, err := findBox(r, size, 0, size, "moov")
	if err != nil {
		return 0, err
	}
	start, end, err := findBox(r, size, moovStart, moovEnd, "mvhd")
	if err != nil {
		return 0, err
	}
	if end-start < 20 {
		return 0, fmt.Errorf("%w: mvhd box has %d bytes", ErrNoDuration, end-start)
	}
	head, err := readAt(r, size, start, min(32, end-start))
	if err != nil {
		return 0, err
	}
	var scale, units uint64
	switch {
	case head[0] == 0 && len(head) >= 20:
		scale, units = uint64(binary.BigEndian.Uint32(head[12:])), uint64(binary.BigEndian.Uint32(head[16:]))
	case head[0] == 1 && len(head) >= 32:
		scale, units = uint64(binary.BigEndian.Uint32(head[20:])), binary.BigEndian.Uint64(head[24:])
	default:
		return 0, fmt.Errorf("%w: unknown mvhd version %d", ErrNoDuration, head[0])
	}
	return toDuration(float64(units) / float64(scale))
}

func toDuration(seconds float64) (time.Duration, error) {
	if math.IsNaN(seconds) || seconds <= 0 || seconds > 1e6 {
		return 0, fmt.Errorf("%w: %g s is not a plausible length", ErrNoDuration, seconds)
	}
	return time.Duration(seconds * float64(time.Second)), nil
}

// Durations caches the lengths of video files by library, path, size and modification time.
type Durations struct {
	mu    sync.Mutex
	known map[string]time.Duration
}

// maxDurations bounds the cache; it is cleared when full.
const maxDurations = 20000

// Of returns the length of the video rel inside root, or 0 when it cannot be read.
func (d *Durations) Of(libraryID string, root *os.Root, rel string, size int64, mod time.Time) time.Duration {
	key := fmt.Sprintf("%s/%s\x00%d\x00%d", libraryID, rel, size, mod.UnixNano())
	d.mu.Lock()
	length, ok := d.known[key]
	d.mu.Unlock()
	if ok {
		return length
	}
	file, err := root.Open(rel)
	if err == nil {
		length, _ = Duration(file, size, rel)
		file.Close()
	}
	d.mu.Lock()
	if d.known == nil || len(d.known) >= maxDurations {
		d.known = map[string]time.Duration{}
	}
	d.known[key] = length
	d.mu.Unlock()
	return length
}
