package api_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/imagor-studio/desktop/backend/api"
)

func jpegBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(0, 0, color.White)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestS3Library adds a bucket of an in-process S3 server (gofakes3) through the API, lists it
// and renders one of its images through the engine.
func TestS3Library(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("photos"); err != nil {
		t.Fatal(err)
	}
	data := jpegBytes(t, 400, 300)
	if _, err := backend.PutObject("photos", "trip/beach.jpg", map[string]string{"Content-Type": "image/jpeg"},
		bytes.NewReader(data), int64(len(data)), nil); err != nil {
		t.Fatal(err)
	}
	fake := httptest.NewServer(gofakes3.New(backend, gofakes3.WithoutVersioning()).Server())
	t.Cleanup(fake.Close)

	h := newHarness(t, api.Config{})
	input := map[string]any{
		"name": "Bucket", "bucket": "photos", "prefix": "trip/", "region": "us-east-1",
		"endpoint": fake.URL, "pathStyle": true, "accessKey": "key", "secretKey": "secret",
	}
	var ok bool
	h.ok(h.post(`mutation($in: S3Input!) { testS3(input: $in) }`, map[string]any{"in": input}), "testS3", &ok)
	var lib struct{ ID, Kind, Path string }
	h.ok(h.post(`mutation($in: S3Input!) { addS3Library(input: $in) { id kind path } }`, map[string]any{"in": input}), "addS3Library", &lib)
	if lib.Kind != "s3" || lib.Path != "s3://photos/trip" {
		t.Fatalf("addS3Library = %+v", lib)
	}

	var page folderPage
	h.ok(h.post(folderQuery, map[string]any{"l": lib.ID, "p": ""}), "folder", &page)
	if page.TotalCount != 1 || page.Entries[0].Name != "beach.jpg" || page.Entries[0].Kind != "image" {
		t.Fatalf("folder = %+v, want beach.jpg", page)
	}
	if e := page.Entries[0]; e.Width == nil || *e.Width != 400 {
		t.Fatalf("beach.jpg width = %v, want 400", e.Width)
	}
	var url string
	h.ok(h.post(`query($l: ID!) { imageUrl(library: $l, path: "beach.jpg", ops: "fit-in/100x100/filters:format(png)") }`,
		map[string]any{"l": lib.ID}), "imageUrl", &url)
	status, _, body := get(t, url, nil)
	if status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, status, body)
	}
	if w, hgt, format := decodeSize(t, body); w != 100 || hgt != 75 || format != "png" {
		t.Fatalf("rendered %dx%d %s, want 100x75 png", w, hgt, format)
	}

	t.Run("ErrBadBucket", func(t *testing.T) {
		bad := map[string]any{"name": "x", "bucket": "nope", "region": "us-east-1", "endpoint": fake.URL,
			"pathStyle": true, "accessKey": "key", "secretKey": "secret"}
		r := h.post(`mutation($in: S3Input!) { testS3(input: $in) }`, map[string]any{"in": bad})
		if len(r.Errors) == 0 || !bytes.Contains([]byte(r.Errors[0].Message), []byte("nope")) {
			t.Fatalf("errors %+v, want one that names the bucket", r.Errors)
		}
	})
}
