//go:build s3integration

package integration_test

import (
	"bytes"
	"errors"
	"image/jpeg"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cshum/imagor"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
	"github.com/imagor-studio/desktop/backend/engine/s3loader"
	"github.com/imagor-studio/desktop/backend/s3"
)

func TestLoader_Get(t *testing.T) {
	srv := MustServer(t)
	config := srv.Config(MustBucket(t, srv), "photos")
	client := MustClient(t, config)
	photo := MustJPEG(t)
	MustPut(t, client, "trip/caf\u00e9 #1+.jpg", photo)
	MustPut(t, client, "trip/empty.jpg", nil)

	var loader imagor.Loader = s3loader.New()
	if err := loader.(*s3loader.Loader).SetLibraries(map[string]s3.Config{"lib": config}); err != nil {
		t.Fatal(err)
	}
	get := func(key string) (*imagor.Blob, error) {
		request := httptest.NewRequestWithContext(testContext(t), http.MethodGet, "/", nil)
		blob, err := loader.Get(request, key)
		if err == nil {
			err = blob.Err()
		}
		return blob, err
	}

	t.Run("OKJPEG", func(t *testing.T) {
		blob, err := get("lib/trip/caf\u00e9 #1+.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if got := blob.BlobType(); got != imagor.BlobTypeJPEG {
			t.Errorf("BlobType = %v, want JPEG", got)
		}
		if blob.Stat == nil || blob.Stat.Size != int64(len(photo)) {
			t.Errorf("Stat = %+v, want Size %d", blob.Stat, len(photo))
		}
		reader, _, err := blob.NewReader()
		if err != nil {
			t.Fatal(err)
		}
		defer reader.Close()
		data, err := io.ReadAll(reader)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, photo) {
			t.Fatalf("content = %d bytes, want the %d bytes uploaded", len(data), len(photo))
		}
		decoded, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if got := decoded.Bounds().Size(); got.X != 320 || got.Y != 240 {
			t.Errorf("size = %v, want 320 x 240", got)
		}
	})

	t.Run("ErrEmptyFile", func(t *testing.T) {
		if _, err := get("lib/trip/empty.jpg"); !errors.Is(err, rootloader.ErrEmptyFile) {
			t.Errorf("err = %v, want rootloader.ErrEmptyFile", err)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		if _, err := get("lib/trip/missing.jpg"); !errors.Is(err, imagor.ErrNotFound) {
			t.Errorf("err = %v, want imagor.ErrNotFound", err)
		}
	})

	t.Run("ErrOutside", func(t *testing.T) {
		for _, key := range []string{"lib/../photos/trip/empty.jpg", "lib//etc/passwd"} {
			if _, err := get(key); !errors.Is(err, rootloader.ErrOutside) {
				t.Errorf("key %q: err = %v, want rootloader.ErrOutside", key, err)
			}
		}
	})
}
