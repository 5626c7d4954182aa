package rawpreview_test

import (
	"bytes"
	"errors"
	"image/jpeg"
	"testing"

	"github.com/imagor-studio/desktop/backend/rawpreview"
	"github.com/imagor-studio/desktop/backend/rawpreview/rawtest"
)

// exifOrientation returns the orientation in the first EXIF segment of data, or 0.
func exifOrientation(tb testing.TB, data []byte) int {
	tb.Helper()
	at := bytes.Index(data, []byte("Exif\x00\x00"))
	if at < 0 {
		return 0
	}
	tiff := data[at+6:]
	big := tiff[0] == 'M'
	u16 := func(b []byte) int {
		if big {
			return int(b[0])<<8 | int(b[1])
		}
		return int(b[1])<<8 | int(b[0])
	}
	ifd := u16(tiff[4:6])<<16 | u16(tiff[6:8])
	if !big {
		ifd = u16(tiff[6:8])<<16 | u16(tiff[4:6])
	}
	n := u16(tiff[ifd:])
	for i := 0; i < n; i++ {
		e := tiff[ifd+2+12*i:]
		if u16(e) == 0x0112 {
			return u16(e[8:])
		}
	}
	return 0
}

// MustExtract extracts the preview of file and checks it decodes with Go's JPEG decoder.
func MustExtract(tb testing.TB, file []byte) rawpreview.Preview {
	tb.Helper()
	p, err := rawpreview.Extract(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		tb.Fatalf("Extract: %v", err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(p.JPEG))
	if err != nil {
		tb.Fatalf("decode the preview: %v", err)
	}
	if cfg.Width != p.Width || cfg.Height != p.Height {
		tb.Errorf("preview decodes as %dx%d, Extract reported %dx%d", cfg.Width, cfg.Height, p.Width, p.Height)
	}
	return p
}

func TestExtract_Formats(t *testing.T) {
	big, small := rawtest.JPEG(t, 320, 200), rawtest.JPEG(t, 64, 40)
	cases := []struct {
		name            string
		file            []byte
		wantW, wantH    int
		wantOrientation int
		wantFormat      string
	}{
		{
			// CR2: the full-size preview is IFD0's strip, a thumbnail is in IFD1, the raw data
			// (lossless JPEG) in IFD3.
			name: "CR2", wantW: 320, wantH: 200, wantOrientation: 6, wantFormat: "tiff",
			file: rawtest.TIFF("II", 42, &rawtest.IFD{
				Entries: append(rawtest.StripEntries(big), rawtest.Short(rawtest.TagOrientation, 6)),
				Next: &rawtest.IFD{
					Entries: rawtest.JPEGEntries(small),
					Next:    &rawtest.IFD{Entries: rawtest.StripEntries(rawtest.LosslessJPEG(6000, 4000))},
				},
			}),
		},
		{
			// NEF: the big preview is in a SubIFD, IFD0 points at a small one.
			name: "NEF", wantW: 320, wantH: 200, wantOrientation: 8, wantFormat: "tiff",
			file: rawtest.TIFF("MM", 42, &rawtest.IFD{Entries: append(rawtest.JPEGEntries(small),
				rawtest.Short(rawtest.TagOrientation, 8),
				rawtest.Entry{Tag: rawtest.TagSubIFDs, Type: 4, IFDs: []*rawtest.IFD{
					{Entries: rawtest.StripEntries(rawtest.LosslessJPEG(6000, 4000))},
					{Entries: rawtest.JPEGEntries(big)},
				}},
			)}),
		},
		{
			name: "ARW", wantW: 320, wantH: 200, wantOrientation: 3, wantFormat: "tiff",
			file: rawtest.TIFF("II", 42, &rawtest.IFD{
				Entries: append(rawtest.JPEGEntries(big), rawtest.Short(rawtest.TagOrientation, 3)),
			}),
		},
		{
			name: "DNG", wantW: 320, wantH: 200, wantOrientation: 5, wantFormat: "tiff",
			file: rawtest.TIFF("II", 42, &rawtest.IFD{Entries: []rawtest.Entry{
				rawtest.Short(rawtest.TagOrientation, 5),
				{Tag: rawtest.TagSubIFDs, Type: 4, IFDs: []*rawtest.IFD{
					{Entries: rawtest.StripEntries(rawtest.LosslessJPEG(4000, 3000))},
					{Entries: rawtest.StripEntries(big)},
				}},
			}}),
		},
		{
			name: "RW2", wantW: 320, wantH: 200, wantOrientation: 6, wantFormat: "tiff",
			file: rawtest.TIFF("II", 0x55, &rawtest.IFD{Entries: []rawtest.Entry{
				rawtest.Short(rawtest.TagOrientation, 6),
				{Tag: rawtest.TagRW2JpgFromRaw, Type: 7, Count: uint32(len(big)), Blob: big},
			}}),
		},
		{
			name: "ORF", wantW: 320, wantH: 200, wantOrientation: 8, wantFormat: "tiff",
			file: rawtest.TIFF("II", 0x4F52, &rawtest.IFD{
				Entries: append(rawtest.JPEGEntries(big), rawtest.Short(rawtest.TagOrientation, 8)),
			}),
		},
		{
			// ORF: the preview is in the CameraSettings directory of the Olympus maker note;
			// IFD1 has only a thumbnail.
			name: "ORFMakerNote", wantW: 320, wantH: 200, wantOrientation: 6, wantFormat: "tiff",
			file: rawtest.TIFF("II", 0x4F52, &rawtest.IFD{
				Entries: []rawtest.Entry{
					rawtest.Short(rawtest.TagOrientation, 6),
					{Tag: rawtest.TagExifIFD, Type: 4, IFDs: []*rawtest.IFD{{Entries: []rawtest.Entry{olympusNote(big)}}}},
				},
				Next: &rawtest.IFD{Entries: rawtest.JPEGEntries(small)},
			}),
		},
		{
			// RAF keeps the orientation the camera wrote into the JPEG's own EXIF data.
			name: "RAF", wantW: 320, wantH: 200, wantOrientation: 0, wantFormat: "raf",
			file: rawtest.RAF(rawtest.WithExifOrientation(big, 6)),
		},
		{
			name: "CR3", wantW: 320, wantH: 200, wantOrientation: 6, wantFormat: "cr3",
			file: rawtest.CR3(6, small, big),
		},
		{
			name: "CR3ThumbnailOnly", wantW: 64, wantH: 40, wantOrientation: 8, wantFormat: "cr3",
			file: rawtest.CR3(8, small, nil),
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := MustExtract(t, tc.file)
			if p.Width != tc.wantW || p.Height != tc.wantH {
				t.Errorf("preview size=%dx%d, want %dx%d (the largest JPEG)", p.Width, p.Height, tc.wantW, tc.wantH)
			}
			if p.Orientation != tc.wantOrientation {
				t.Errorf("Orientation=%d, want %d", p.Orientation, tc.wantOrientation)
			}
			if p.Format != tc.wantFormat {
				t.Errorf("Format=%q, want %q", p.Format, tc.wantFormat)
			}
			wantExif := tc.wantOrientation
			if tc.name == "RAF" {
				wantExif = 6
			}
			if got := exifOrientation(t, p.JPEG); got != wantExif {
				t.Errorf("EXIF orientation in the preview=%d, want %d", got, wantExif)
			}
		})
	}
}

func TestExtract_PatchesExistingOrientation(t *testing.T) {
	// A preview with its own EXIF orientation 1 inside a RAW file with orientation 6 in IFD0.
	preview := rawtest.WithExifOrientation(rawtest.JPEG(t, 80, 60), 1)
	file := rawtest.TIFF("II", 42, &rawtest.IFD{
		Entries: append(rawtest.JPEGEntries(preview), rawtest.Short(rawtest.TagOrientation, 6)),
	})
	p := MustExtract(t, file)
	if got := exifOrientation(t, p.JPEG); got != 6 {
		t.Errorf("EXIF orientation=%d, want 6", got)
	}
	if len(p.JPEG) != len(preview) {
		t.Errorf("preview length=%d, want %d (patched in place)", len(p.JPEG), len(preview))
	}
}

func TestExtract_NoPreview(t *testing.T) {
	cases := map[string][]byte{
		"TIFFOnlyLossless": rawtest.TIFF("II", 42, &rawtest.IFD{
			Entries: rawtest.StripEntries(rawtest.LosslessJPEG(6000, 4000)),
		}),
		"TIFFNoImageData":   rawtest.TIFF("MM", 42, &rawtest.IFD{Entries: []rawtest.Entry{rawtest.Short(rawtest.TagOrientation, 1)}}),
		"TIFFStripNotJPEG":  rawtest.TIFF("II", 42, &rawtest.IFD{Entries: rawtest.StripEntries(make([]byte, 300))}),
		"RAFZeroLength":     rawtest.RAF(nil),
		"CR3WithoutPreview": rawtest.CR3(1, nil, nil),
	}
	for name, file := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := rawpreview.Extract(bytes.NewReader(file), int64(len(file)))
			if !errors.Is(err, rawpreview.ErrNoPreview) {
				t.Errorf("Extract error=%v, want ErrNoPreview", err)
			}
		})
	}
}

func TestExtract_Malformed(t *testing.T) {
	big := rawtest.JPEG(t, 320, 200)
	whole := rawtest.TIFF("II", 42, &rawtest.IFD{Entries: rawtest.JPEGEntries(big)})

	loop := &rawtest.IFD{Entries: rawtest.JPEGEntries(big)}
	loop.Next = loop
	subLoop := &rawtest.IFD{Entries: []rawtest.Entry{rawtest.Short(rawtest.TagOrientation, 6)}}
	subLoop.Entries = append(subLoop.Entries, rawtest.Entry{Tag: rawtest.TagSubIFDs, Type: 4, IFDs: []*rawtest.IFD{subLoop}})

	pastEnd := rawtest.TIFF("II", 42, &rawtest.IFD{Entries: []rawtest.Entry{
		rawtest.Long(rawtest.TagJPEGOffset, 1<<30), rawtest.Long(rawtest.TagJPEGLength, 1<<30),
	}})
	hugeLength := rawtest.TIFF("II", 42, &rawtest.IFD{Entries: []rawtest.Entry{
		{Tag: rawtest.TagJPEGOffset, Type: 4, Blob: big}, rawtest.Long(rawtest.TagJPEGLength, 0xFFFFFFF0),
	}})
	ifdPastEnd := []byte{'I', 'I', 42, 0, 0xF0, 0xFF, 0xFF, 0x7F}
	cr3BadBox := append(rawtest.Box("ftyp", []byte("crx \x00\x00\x00\x01")), 0x7F, 0xFF, 0xFF, 0xFF, 'm', 'o', 'o', 'v')
	raf := rawtest.RAF(big)

	cases := map[string]struct {
		file    []byte
		wantErr error
	}{
		"Truncated":      {whole[:len(whole)-len(big)/2], rawpreview.ErrNoPreview},
		"TruncatedIFD":   {whole[:12], rawpreview.ErrMalformed},
		"OffsetsPastEnd": {pastEnd, rawpreview.ErrNoPreview},
		"HugeLength":     {hugeLength, rawpreview.ErrNoPreview},
		"IFDPastEnd":     {ifdPastEnd, rawpreview.ErrMalformed},
		"CR3BoxPastEnd":  {cr3BadBox, rawpreview.ErrMalformed},
		"RAFTruncated":   {raf[:len(raf)-100], rawpreview.ErrNoPreview},
		"Short":          {[]byte("II*"), rawpreview.ErrUnknownFormat},
		"NotRAW":         {[]byte("just some text, not a camera file at all"), rawpreview.ErrUnknownFormat},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := rawpreview.Extract(bytes.NewReader(tc.file), int64(len(tc.file)))
			if !errors.Is(err, tc.wantErr) {
				t.Errorf("Extract error=%v, want %v", err, tc.wantErr)
			}
		})
	}

	// Loops end; the preview reachable before the loop is still found.
	for name, ifd0 := range map[string]*rawtest.IFD{"NextLoop": loop, "SubIFDLoop": subLoop} {
		t.Run(name, func(t *testing.T) {
			file := rawtest.TIFF("II", 42, ifd0)
			p, err := rawpreview.Extract(bytes.NewReader(file), int64(len(file)))
			if name == "NextLoop" && (err != nil || p.Width != 320) {
				t.Errorf("Extract=%dx%d, %v; want the 320x200 preview", p.Width, p.Height, err)
			}
			if name == "SubIFDLoop" && !errors.Is(err, rawpreview.ErrNoPreview) {
				t.Errorf("Extract error=%v, want ErrNoPreview", err)
			}
		})
	}
}

func TestIsRaw(t *testing.T) {
	for _, name := range []string{"a.CR2", "b.cr3", "c.NEF", "d.arw", "e.dng", "f.RAF", "g.orf", "h.Rw2"} {
		if !rawpreview.IsRaw(name) {
			t.Errorf("IsRaw(%q)=false, want true", name)
		}
	}
	for _, name := range []string{"a.jpg", "b.tif", "cr2", "raw"} {
		if rawpreview.IsRaw(name) {
			t.Errorf("IsRaw(%q)=true, want false", name)
		}
	}
}

// olympusNote returns a MakerNote entry whose CameraSettings directory points at preview.
func olympusNote(preview []byte) rawtest.Entry {
	settings := &rawtest.IFD{Entries: []rawtest.Entry{
		{Tag: rawtest.TagOlympusPreview, Type: 4, Blob: preview},
		rawtest.Long(rawtest.TagOlympusLength, uint32(len(preview))),
	}}
	note := rawtest.OlympusMakerNote("II", &rawtest.IFD{Entries: []rawtest.Entry{
		{Tag: rawtest.TagOlympusCamera, Type: 13, IFDs: []*rawtest.IFD{settings}},
	}})
	return rawtest.Entry{Tag: rawtest.TagMakerNote, Type: 7, Count: uint32(len(note)), Blob: note}
}

// A preview whose stream stops before its end marker decodes as grey rows: a whole smaller
// preview is taken instead, and a file with none fails as damaged.
func TestExtract_TruncatedPreview(t *testing.T) {
	big, small := rawtest.JPEG(t, 320, 200), rawtest.JPEG(t, 80, 50)
	cut := big[:len(big)/2]

	only := rawtest.TIFF("II", 42, &rawtest.IFD{Entries: rawtest.JPEGEntries(cut)})
	_, err := rawpreview.Extract(bytes.NewReader(only), int64(len(only)))
	if !errors.Is(err, rawpreview.ErrMalformed) {
		t.Errorf("Extract of a cut preview: error=%v, want ErrMalformed", err)
	}
	if errors.Is(err, rawpreview.ErrNoPreview) {
		t.Errorf("Extract of a cut preview: error=%v, want it not to read as a missing preview", err)
	}

	both := rawtest.TIFF("II", 42, &rawtest.IFD{
		Entries: rawtest.JPEGEntries(small),
		Next:    &rawtest.IFD{Entries: rawtest.JPEGEntries(cut)},
	})
	p := MustExtract(t, both)
	if p.Width != 80 || p.Height != 50 {
		t.Errorf("Extract=%dx%d, want the whole 80x50 preview", p.Width, p.Height)
	}
}
