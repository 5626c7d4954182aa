package rawpreview_test

import (
	"bytes"
	"testing"

	"github.com/imagor-studio/desktop/backend/rawpreview"
	"github.com/imagor-studio/desktop/backend/rawpreview/rawtest"
)

// countingReader counts the bytes read through it, so the fuzz test can bound the work a file
// causes.
type countingReader struct {
	r    *bytes.Reader
	read int64
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.read += int64(n)
	return n, err
}

func FuzzExtract(f *testing.F) {
	jpegData := rawtest.JPEG(f, 48, 32)
	loop := &rawtest.IFD{Entries: rawtest.JPEGEntries(jpegData)}
	loop.Next = loop
	f.Add(rawtest.TIFF("II", 42, &rawtest.IFD{Entries: append(rawtest.StripEntries(jpegData), rawtest.Short(rawtest.TagOrientation, 6))}))
	f.Add(rawtest.TIFF("MM", 42, &rawtest.IFD{Entries: []rawtest.Entry{{Tag: rawtest.TagSubIFDs, Type: 4, IFDs: []*rawtest.IFD{{Entries: rawtest.JPEGEntries(jpegData)}, {Entries: rawtest.StripEntries(rawtest.LosslessJPEG(60, 40))}}}}}))
	f.Add(rawtest.TIFF("II", 0x55, &rawtest.IFD{Entries: []rawtest.Entry{{Tag: rawtest.TagRW2JpgFromRaw, Type: 7, Count: uint32(len(jpegData)), Blob: jpegData}}}))
	f.Add(rawtest.TIFF("II", 42, loop))
	f.Add(rawtest.RAF(rawtest.WithExifOrientation(jpegData, 3)))
	f.Add(rawtest.CR3(6, jpegData, jpegData))
	f.Add(rawtest.TIFF("II", 0x4F52, &rawtest.IFD{Entries: []rawtest.Entry{
		{Tag: rawtest.TagExifIFD, Type: 4, IFDs: []*rawtest.IFD{{Entries: []rawtest.Entry{olympusNote(jpegData)}}}},
	}}))

	f.Fuzz(func(t *testing.T, file []byte) {
		r := &countingReader{r: bytes.NewReader(file)}
		p, err := rawpreview.Extract(r, int64(len(file)))
		if err == nil && len(p.JPEG) == 0 {
			t.Fatal("Extract returned no error and an empty preview")
		}
		// Every read is bounded by the file size, and no structure is read many times over.
		if limit := 64*int64(len(file)) + 1<<16; r.read > limit {
			t.Fatalf("Extract read %d bytes of a %d-byte file", r.read, len(file))
		}
	})
}
