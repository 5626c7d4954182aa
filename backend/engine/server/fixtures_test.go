package server_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"golang.org/x/image/tiff"
)

// MustWriteFile writes data to name (slash-separated, inside dir), creating its folders, and
// returns the file's path.
func MustWriteFile(tb testing.TB, dir, name string, data []byte) string {
	tb.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// gradient returns an opaque w x h picture whose colour changes across both axes, so a decoder
// that drops or reorders rows shows up in the pixels.
func gradient(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.SetNRGBA(x, y, color.NRGBA{R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: 128, A: 255})
		}
	}
	return img
}

// MustJPEG returns a w x h JPEG.
func MustJPEG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, gradient(w, h), &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// MustGrayJPEG returns a w x h greyscale JPEG: a quarter of the memory of MustJPEG, for big ones.
func MustGrayJPEG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+w]
		for x := range row {
			row[x] = uint8((x + y) / 64)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// MustPNGWithAlpha returns a w x h PNG whose left half is fully transparent and right half opaque.
func MustPNGWithAlpha(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := gradient(w, h)
	for y := 0; y < h; y++ {
		for x := 0; x < w/2; x++ {
			img.SetNRGBA(x, y, color.NRGBA{})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// MustPNG returns an opaque w x h PNG.
func MustPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, gradient(w, h)); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// MustAnimatedGIF returns a looping w x h GIF with the given number of frames, each a different
// solid colour.
func MustAnimatedGIF(tb testing.TB, w, h, frames int) []byte {
	tb.Helper()
	anim := &gif.GIF{LoopCount: 0}
	for i := 0; i < frames; i++ {
		frame := image.NewPaletted(image.Rect(0, 0, w, h), palette.Plan9)
		index := uint8(i*37%255 + 1)
		for j := range frame.Pix {
			frame.Pix[j] = index
		}
		anim.Image = append(anim.Image, frame)
		anim.Delay = append(anim.Delay, 10)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, anim); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// MustTIFF returns a w x h deflate-compressed TIFF.
func MustTIFF(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := tiff.Encode(&buf, gradient(w, h), &tiff.Options{Compression: tiff.Deflate}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// MustSVG returns an SVG document of w x h user units.
func MustSVG(w, h int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="`)
	buf.WriteString(strconv.Itoa(w))
	buf.WriteString(`" height="`)
	buf.WriteString(strconv.Itoa(h))
	buf.WriteString(`"><rect width="100%" height="100%" fill="#3a7"/><circle cx="50%" cy="50%" r="25%" fill="#fc0"/></svg>`)
	return buf.Bytes()
}

// MustConvert writes a w x h PNG to a temp file and converts it with ImageMagick to outName,
// whose extension picks the format, then returns the converted bytes. Extra args go before the
// output name.
func MustConvert(tb testing.TB, w, h int, outName string, args ...string) []byte {
	tb.Helper()
	dir := tb.TempDir()
	in := MustWriteFile(tb, dir, "in.png", MustPNG(tb, w, h))
	out := filepath.Join(dir, outName)
	cmdArgs := append([]string{in}, args...)
	cmdArgs = append(cmdArgs, out)
	output, err := exec.Command("convert", cmdArgs...).CombinedOutput()
	if err != nil {
		tb.Fatalf("convert %v failed: %v: %s (install ImageMagick with `go tool task deps:apt`)", cmdArgs, err, output)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// MustAnimatedWebP returns a looping w x h WebP of the given number of frames, made by ImageMagick.
func MustAnimatedWebP(tb testing.TB, w, h, frames int) []byte {
	tb.Helper()
	dir := tb.TempDir()
	in := MustWriteFile(tb, dir, "in.gif", MustAnimatedGIF(tb, w, h, frames))
	out := filepath.Join(dir, "out.webp")
	output, err := exec.Command("convert", in, "-loop", "0", out).CombinedOutput()
	if err != nil {
		tb.Fatalf("convert %s %s failed: %v: %s (install ImageMagick with `go tool task deps:apt`)", in, out, err, output)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// WithOrientation returns jpegData with an EXIF APP1 segment, inserted right after the SOI
// marker, whose only tag is Orientation (0x0112) set to orientation.
func WithOrientation(tb testing.TB, jpegData []byte, orientation uint16) []byte {
	tb.Helper()
	if len(jpegData) < 2 || jpegData[0] != 0xFF || jpegData[1] != 0xD8 {
		tb.Fatal("WithOrientation: not a JPEG")
	}
	var tiffData bytes.Buffer
	tiffData.WriteString("MM\x00\x2a")                                 // big-endian TIFF header
	binary.Write(&tiffData, binary.BigEndian, uint32(8))               // offset of IFD0
	binary.Write(&tiffData, binary.BigEndian, uint16(1))               // one entry
	binary.Write(&tiffData, binary.BigEndian, uint16(0x0112))          // Orientation
	binary.Write(&tiffData, binary.BigEndian, uint16(3))               // SHORT
	binary.Write(&tiffData, binary.BigEndian, uint32(1))               // one value
	binary.Write(&tiffData, binary.BigEndian, uint32(orientation)<<16) // value, left-aligned
	binary.Write(&tiffData, binary.BigEndian, uint32(0))               // no next IFD

	payload := append([]byte("Exif\x00\x00"), tiffData.Bytes()...)
	var out bytes.Buffer
	out.Write(jpegData[:2])
	out.Write([]byte{0xFF, 0xE1})
	binary.Write(&out, binary.BigEndian, uint16(len(payload)+2))
	out.Write(payload)
	out.Write(jpegData[2:])
	return out.Bytes()
}

// MustBombPNG returns a valid 1-bit greyscale PNG of w x h white pixels. A 30,000 x 30,000 one
// is about 110 KB on disk and 900 megapixels once decoded.
func MustBombPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	header := make([]byte, 13)
	binary.BigEndian.PutUint32(header[0:], uint32(w))
	binary.BigEndian.PutUint32(header[4:], uint32(h))
	header[8] = 1 // bit depth
	header[9] = 0 // greyscale
	writePNGChunk(&out, "IHDR", header)

	var compressed bytes.Buffer
	zw, err := zlib.NewWriterLevel(&compressed, zlib.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	row := make([]byte, 1+(w+7)/8) // filter byte 0, then the packed pixels
	for i := 1; i < len(row); i++ {
		row[i] = 0xFF
	}
	for y := 0; y < h; y++ {
		if _, err := zw.Write(row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	writePNGChunk(&out, "IDAT", compressed.Bytes())
	writePNGChunk(&out, "IEND", nil)
	return out.Bytes()
}

func writePNGChunk(out *bytes.Buffer, chunkType string, data []byte) {
	_ = binary.Write(out, binary.BigEndian, uint32(len(data)))
	start := out.Len()
	out.WriteString(chunkType)
	out.Write(data)
	_ = binary.Write(out, binary.BigEndian, crc32.ChecksumIEEE(out.Bytes()[start:]))
}
