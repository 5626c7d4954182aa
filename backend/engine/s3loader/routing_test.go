package s3loader_test

import (
	"bytes"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/cshum/imagor"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
)

func TestLoader_WithFallback(t *testing.T) {
	config := MustFakeS3(t, "")
	photo := MustJPEG(t)
	MustPut(t, config, "x.jpg", photo)

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "empty.jpg"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "local.jpg"), []byte("local"), 0o644); err != nil {
		t.Fatal(err)
	}
	local := rootloader.New()
	if err := local.SetLibraries(map[string]string{"local": dir}); err != nil {
		t.Fatal(err)
	}
	// The server registers one loader, so each key gets its own loader's error.
	loader := MustLoader(t, config).WithFallback(local)
	get := func(key string) (*imagor.Blob, error) {
		blob, err := loader.Get(httptest.NewRequestWithContext(t.Context(), http.MethodGet, "/", nil), key)
		if err == nil {
			err = blob.Err()
		}
		return blob, err
	}

	t.Run("OKS3Key", func(t *testing.T) {
		blob, err := get(libraryID + "/x.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if got := MustRead(t, blob); !bytes.Equal(got, photo) {
			t.Errorf("content = %d bytes, want the %d bytes of the JPEG", len(got), len(photo))
		}
	})

	t.Run("OKLocalKey", func(t *testing.T) {
		blob, err := get("local/local.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if got := string(MustRead(t, blob)); got != "local" {
			t.Errorf("content = %q, want %q", got, "local")
		}
	})

	t.Run("ErrLocalEmptyFile", func(t *testing.T) {
		if _, err := get("local/empty.jpg"); !errors.Is(err, rootloader.ErrEmptyFile) {
			t.Errorf("err = %v, want rootloader.ErrEmptyFile", err)
		}
	})

	t.Run("ErrS3NotFound", func(t *testing.T) {
		if _, err := get(libraryID + "/missing.jpg"); !errors.Is(err, imagor.ErrNotFound) {
			t.Errorf("err = %v, want imagor.ErrNotFound", err)
		}
	})

	t.Run("ErrUnknownLibrary", func(t *testing.T) {
		if _, err := get("other/x.jpg"); !errors.Is(err, rootloader.ErrUnknownLibrary) {
			t.Errorf("err = %v, want rootloader.ErrUnknownLibrary", err)
		}
	})
}
