package rootloader_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
)

func encodedImages(t *testing.T) (jpg, pngData []byte) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := range 48 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{uint8(x * 4), uint8(y * 5), 90, 255})
		}
	}
	var a, b bytes.Buffer
	if err := jpeg.Encode(&a, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return a.Bytes(), b.Bytes()
}

func TestLoader_GetTruncated(t *testing.T) {
	jpg, pngData := encodedImages(t)
	files := map[string][]byte{
		"whole.jpg":        jpg,
		"whole.png":        pngData,
		"half.jpg":         jpg[:len(jpg)/2],
		"half.png":         pngData[:len(pngData)/2],
		"trailing.jpg":     append(append([]byte{}, jpg...), bytes.Repeat([]byte("ftypmp42"), 20000)...),
		"not-an-image.jpg": []byte("plain text, not checked"),
	}
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	loader := rootloader.New()
	if err := loader.SetLibraries(map[string]string{"lib": dir}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		truncated bool
	}{
		{"whole.jpg", false}, {"whole.png", false}, {"trailing.jpg", false}, {"not-an-image.jpg", false},
		{"half.jpg", true}, {"half.png", true},
	}
	for _, tt := range tests {
		_, err := loader.Get(httptest.NewRequest("GET", "/", nil), "lib/"+tt.name)
		if got := err == rootloader.ErrTruncated; got != tt.truncated {
			t.Errorf("%s: err=%v, truncated=%v, want %v", tt.name, err, got, tt.truncated)
		}
	}
}
