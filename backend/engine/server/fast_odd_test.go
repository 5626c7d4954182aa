package server_test

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"net/http"
	"testing"

	"github.com/imagor-studio/desktop/backend/imageurl"
)

// withSOF returns data, a baseline JPEG, with the size in its SOF0 segment set to w x h.
func withSOF(tb testing.TB, data []byte, w, h int) []byte {
	tb.Helper()
	out := bytes.Clone(data)
	i := bytes.Index(out, []byte{0xFF, 0xC0})
	if i < 0 {
		tb.Fatal("no SOF0 segment in the JPEG")
	}
	binary.BigEndian.PutUint16(out[i+5:], uint16(h))
	binary.BigEndian.PutUint16(out[i+7:], uint16(w))
	return out
}

// TestFastPath_OddFiles renders odd files through the fast path and through imagor, which the
// no_upscale() filter sends a request to. The status and the size must be imagor's. Where both
// sides are at least 32 px, the pixels must be within 3 levels of imagor's.
func TestFastPath_OddFiles(t *testing.T) {
	base := MustJPEG(t, 64, 48)
	files := map[string][]byte{
		"sof65000.jpg":      withSOF(t, base, 65000, 65000),
		"sof60000x3000.jpg": withSOF(t, base, 60000, 3000),
		"sof1x1.jpg":        withSOF(t, base, 1, 1),
		"sof0h.jpg":         withSOF(t, base, 64, 0),
		"sof0w.jpg":         withSOF(t, base, 0, 48),
		"soi.jpg":           {0xFF, 0xD8, 0xFF},
		"soieoi.jpg":        {0xFF, 0xD8, 0xFF, 0xD9},
		"emptyapp0.jpg":     {0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0xFF, 0xD9},
		"png.jpg":           MustPNG(t, 400, 300),
		"jpeg.png":          MustJPEG(t, 400, 300),
		"jpeg.webp":         MustJPEG(t, 400, 300),
		"cmyk.jpg":          MustConvert(t, 400, 300, "a.jpg", "-colorspace", "CMYK"),
		"progressive.jpg":   MustConvert(t, 400, 300, "a.jpg", "-interlace", "Plane"),
		"gray.jpg":          MustGrayJPEG(t, 400, 300),
		"svg.png":           MustSVG(400, 300),
	}
	for _, o := range []uint16{0, 2, 3, 4, 5, 7, 8, 9, 65535} {
		files[fmt.Sprintf("orientation%d.jpg", o)] = WithOrientation(t, MustJPEG(t, 2400, 1800), o)
	}
	lib := MustLibrary(t)
	for name, data := range files {
		MustWriteFile(t, lib, name, data)
	}
	for name := range files {
		for _, box := range []string{"256x256", "600x600", "1x1", "10000x10"} {
			t.Run(name+"/"+box, func(t *testing.T) {
				ops := "fit-in/" + box + "/filters:format(webp):quality(80)"
				fast := serve(http.MethodGet, imageurl.Path(ops, libraryID+"/"+name, "1"), nil)
				slow := serve(http.MethodGet, imageurl.Path(ops+":no_upscale()", libraryID+"/"+name, "1"), nil)
				if fast.Code != slow.Code {
					t.Fatalf("status=%d body=%s, imagor's %d body=%s", fast.Code, fast.Body, slow.Code, slow.Body)
				}
				if fast.Code != http.StatusOK {
					if !bytes.Equal(fast.Body.Bytes(), slow.Body.Bytes()) {
						t.Errorf("error body=%s, imagor's %s", fast.Body, slow.Body)
					}
					return
				}
				a, b := MustDecodeWebP(t, fast.Body.Bytes()), MustDecodeWebP(t, slow.Body.Bytes())
				if a.Bounds() != b.Bounds() {
					t.Fatalf("size=%v, imagor's %v", a.Bounds().Size(), b.Bounds().Size())
				}
				if min(a.Bounds().Dx(), a.Bounds().Dy()) < 32 {
					return // a few pixels average too few source pixels to compare
				}
				if d := meanDifference(a, b); d > 3 {
					t.Errorf("mean difference from imagor's render=%.2f levels, want at most 3", d)
				}
			})
		}
	}
}
