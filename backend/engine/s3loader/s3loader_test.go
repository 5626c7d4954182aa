package s3loader_test

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cshum/imagor"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
	"github.com/imagor-studio/desktop/backend/engine/s3loader"
	"github.com/imagor-studio/desktop/backend/s3"
)

const (
	libraryID     = "lib"
	testBucket    = "photos"
	testAccessKey = "test-access"
)

// MustFakeS3 starts an in-process gofakes3 server on loopback with the bucket testBucket and
// returns the configuration of a library at prefix in it. gofakes3 checks no signature, so the
// server rejects with a 403, as S3 does, every request not signed with testAccessKey.
func MustFakeS3(tb testing.TB, prefix string) s3.Config {
	tb.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket(testBucket); err != nil {
		tb.Fatal(err)
	}
	handler := gofakes3.New(backend, gofakes3.WithoutVersioning()).Server()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Authorization"), "Credential="+testAccessKey+"/") {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, `<Error><Code>InvalidAccessKeyId</Code><Message>unknown key</Message></Error>`)
			return
		}
		handler.ServeHTTP(w, r)
	}))
	tb.Cleanup(server.Close)
	return s3.Config{
		Bucket:    testBucket,
		Prefix:    prefix,
		Endpoint:  server.URL,
		PathStyle: true,
		AccessKey: testAccessKey,
		SecretKey: "test-secret",
	}
}

// MustPut writes data to rel inside the library of config.
func MustPut(tb testing.TB, config s3.Config, rel string, data []byte) {
	tb.Helper()
	client, err := s3.New(config)
	if err != nil {
		tb.Fatal(err)
	}
	if err := client.Put(tb.Context(), rel, bytes.NewReader(data), int64(len(data))); err != nil {
		tb.Fatalf("put %q: %v", rel, err)
	}
}

// MustJPEG returns a 64 x 48 JPEG with a gradient.
func MustJPEG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := range 48 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{R: uint8(x * 4), G: uint8(y * 5), B: 128, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// MustLoader returns a Loader that serves config as libraryID.
func MustLoader(tb testing.TB, config s3.Config) *s3loader.Loader {
	tb.Helper()
	loader := s3loader.New()
	if err := loader.SetLibraries(map[string]s3.Config{libraryID: config}); err != nil {
		tb.Fatalf("set libraries: %v", err)
	}
	return loader
}

// MustRead returns the whole content of blob and checks the size its reader reports.
func MustRead(tb testing.TB, blob *imagor.Blob) []byte {
	tb.Helper()
	r, size, err := blob.NewReader()
	if err != nil {
		tb.Fatalf("open blob: %v", err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		tb.Fatalf("read blob: %v", err)
	}
	if size != int64(len(data)) {
		tb.Errorf("blob size = %d, read %d bytes", size, len(data))
	}
	return data
}

// get calls loader.Get for key as imagor does, and reads the blob's error as imagor does.
func get(tb testing.TB, loader *s3loader.Loader, key string) (*imagor.Blob, error) {
	tb.Helper()
	request := httptest.NewRequestWithContext(tb.Context(), http.MethodGet, "/", nil)
	blob, err := loader.Get(request, key)
	if err == nil {
		err = blob.Err()
	}
	return blob, err
}

func TestLoader_Get(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		config := MustFakeS3(t, "library")
		data := MustJPEG(t)
		MustPut(t, config, "a/b.jpg", data)
		before := time.Now().Add(-time.Minute)

		blob, err := get(t, MustLoader(t, config), libraryID+"/a/b.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if got := MustRead(t, blob); !bytes.Equal(got, data) {
			t.Errorf("content = %d bytes, want the %d bytes of the JPEG", len(got), len(data))
		}
		if blob.Stat == nil {
			t.Fatal("Stat = nil, want the object's size and time")
		}
		if blob.Stat.Size != int64(len(data)) {
			t.Errorf("Stat.Size = %d, want %d", blob.Stat.Size, len(data))
		}
		if blob.Stat.ModifiedTime.Before(before) {
			t.Errorf("Stat.ModifiedTime = %v, want about now", blob.Stat.ModifiedTime)
		}
		if got := blob.BlobType(); got != imagor.BlobTypeJPEG {
			t.Errorf("BlobType = %v, want JPEG", got)
		}
	})

	t.Run("OKReadTwice", func(t *testing.T) {
		config := MustFakeS3(t, "")
		MustPut(t, config, "x.png", []byte("twice"))
		blob, err := get(t, MustLoader(t, config), libraryID+"/x.png")
		if err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			if got := string(MustRead(t, blob)); got != "twice" {
				t.Errorf("read %d: content = %q, want %q", i+1, got, "twice")
			}
		}
	})

	t.Run("OKSpecialNames", func(t *testing.T) {
		config := MustFakeS3(t, "lib root")
		names := []string{"with space.jpg", "plus+sign.jpg", "percent%41.jpg", "question?mark.jpg",
			"hash#mark.jpg", "caf\u00e9.jpg", "cafe\u0301.jpg", "..hidden.jpg"}
		for _, name := range names {
			MustPut(t, config, "odd/"+name, []byte(name))
		}
		loader := MustLoader(t, config)
		for _, name := range names {
			blob, err := get(t, loader, libraryID+"/odd/"+name)
			if err != nil {
				t.Errorf("%q: %v", name, err)
				continue
			}
			if got := string(MustRead(t, blob)); got != name {
				t.Errorf("%q: content = %q, want %q", name, got, name)
			}
		}
	})

	t.Run("ErrEmptyFile", func(t *testing.T) {
		config := MustFakeS3(t, "")
		MustPut(t, config, "empty.jpg", nil)
		if _, err := get(t, MustLoader(t, config), libraryID+"/empty.jpg"); !errors.Is(err, rootloader.ErrEmptyFile) {
			t.Errorf("err = %v, want rootloader.ErrEmptyFile", err)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		config := MustFakeS3(t, "")
		loader := MustLoader(t, config)
		for _, key := range []string{libraryID + "/missing.jpg", libraryID + "/", libraryID} {
			if _, err := get(t, loader, key); !errors.Is(err, imagor.ErrNotFound) {
				t.Errorf("key %q: err = %v, want imagor.ErrNotFound", key, err)
			}
		}
	})

	t.Run("ErrOutside", func(t *testing.T) {
		config := MustFakeS3(t, "library")
		MustPut(t, config, "x.jpg", []byte("x"))
		loader := MustLoader(t, config)
		for _, rel := range []string{"../x.jpg", "a/../../x.jpg", "..", "/x.jpg", "/etc/passwd"} {
			_, err := get(t, loader, libraryID+"/"+rel)
			if !errors.Is(err, rootloader.ErrOutside) {
				t.Errorf("path %q: err = %v, want rootloader.ErrOutside", rel, err)
			}
		}
	})

	t.Run("ErrUnknownLibrary", func(t *testing.T) {
		config := MustFakeS3(t, "")
		if _, err := get(t, MustLoader(t, config), "other/x.jpg"); !errors.Is(err, rootloader.ErrUnknownLibrary) {
			t.Errorf("err = %v, want rootloader.ErrUnknownLibrary", err)
		}
	})

	t.Run("ErrNoSuchBucket", func(t *testing.T) {
		config := MustFakeS3(t, "")
		config.Bucket = "missing-bucket"
		if _, err := get(t, MustLoader(t, config), libraryID+"/x.jpg"); !errors.Is(err, s3loader.ErrNoSuchBucket) {
			t.Errorf("err = %v, want s3loader.ErrNoSuchBucket", err)
		}
	})

	t.Run("ErrAccessDenied", func(t *testing.T) {
		config := MustFakeS3(t, "")
		config.AccessKey = "wrong-access"
		if _, err := get(t, MustLoader(t, config), libraryID+"/x.jpg"); !errors.Is(err, s3loader.ErrAccessDenied) {
			t.Errorf("err = %v, want s3loader.ErrAccessDenied", err)
		}
	})

	t.Run("ErrWrongRegion", func(t *testing.T) {
		// AWS S3 answers a request signed for another region than the bucket's like this.
		redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("X-Amz-Bucket-Region", "eu-west-1")
			w.WriteHeader(http.StatusMovedPermanently)
			_, _ = io.WriteString(w, `<Error><Code>PermanentRedirect</Code><Message>use the bucket's endpoint</Message></Error>`)
		}))
		t.Cleanup(redirect.Close)
		config := s3.Config{Bucket: "b", Endpoint: redirect.URL, PathStyle: true, AccessKey: "a", SecretKey: "s"}
		if _, err := get(t, MustLoader(t, config), libraryID+"/x.jpg"); !errors.Is(err, s3loader.ErrWrongRegion) {
			t.Errorf("err = %v, want s3loader.ErrWrongRegion", err)
		}
	})

	t.Run("ErrUnreachable", func(t *testing.T) {
		listener, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		config := s3.Config{Bucket: "b", Endpoint: "http://" + listener.Addr().String(), PathStyle: true, AccessKey: "a", SecretKey: "s"}
		if err := listener.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := get(t, MustLoader(t, config), libraryID+"/x.jpg"); !errors.Is(err, s3loader.ErrUnreachable) {
			t.Errorf("err = %v, want s3loader.ErrUnreachable", err)
		}
	})
}

func TestLoader_SetLibraries(t *testing.T) {
	t.Run("OKReplace", func(t *testing.T) {
		first := MustFakeS3(t, "first")
		second := MustFakeS3(t, "second")
		MustPut(t, first, "x.jpg", []byte("first"))
		MustPut(t, second, "x.jpg", []byte("second"))
		loader := MustLoader(t, first)

		if err := loader.SetLibraries(map[string]s3.Config{"two": second}); err != nil {
			t.Fatal(err)
		}
		blob, err := get(t, loader, "two/x.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if got := string(MustRead(t, blob)); got != "second" {
			t.Errorf("content = %q, want %q", got, "second")
		}
		if _, err := get(t, loader, libraryID+"/x.jpg"); !errors.Is(err, rootloader.ErrUnknownLibrary) {
			t.Errorf("removed library: err = %v, want rootloader.ErrUnknownLibrary", err)
		}
	})

	t.Run("OKLibrariesHideSecrets", func(t *testing.T) {
		config := MustFakeS3(t, "p")
		libraries := MustLoader(t, config).Libraries()
		got, ok := libraries[libraryID]
		if !ok {
			t.Fatalf("Libraries = %v, want %q in it", libraries, libraryID)
		}
		if got.SecretKey != "" {
			t.Error("Libraries returned the secret key")
		}
		if got.Bucket != config.Bucket || got.AccessKey != config.AccessKey {
			t.Errorf("Libraries[%q] = %+v, want the bucket and access key of %+v", libraryID, got, config)
		}
	})

	t.Run("ErrInvalidLibrary", func(t *testing.T) {
		config := MustFakeS3(t, "")
		MustPut(t, config, "x.jpg", []byte("x"))
		loader := s3loader.New()
		err := loader.SetLibraries(map[string]s3.Config{
			"good":       config,
			"":           config,
			"with/slash": config,
			"nobucket":   {Endpoint: config.Endpoint},
		})
		if err == nil {
			t.Fatal("err = nil, want errors for the invalid libraries")
		}
		for _, want := range []string{`""`, `"with/slash"`, "nobucket"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("err = %q, want it to name %s", err, want)
			}
		}
		if _, err := get(t, loader, "good/x.jpg"); err != nil {
			t.Errorf("valid library: err = %v, want nil", err)
		}
	})

	t.Run("OKConcurrentGets", func(t *testing.T) {
		config := MustFakeS3(t, "")
		MustPut(t, config, "x.jpg", []byte("x"))
		loader := MustLoader(t, config)
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Go(func() {
				for j := range 20 {
					// get calls no Fatal, so it may run outside the test's goroutine.
					blob, err := get(t, loader, libraryID+"/x.jpg")
					if err != nil && !errors.Is(err, rootloader.ErrUnknownLibrary) {
						t.Errorf("get %d.%d: %v", i, j, err)
					}
					if err == nil && blob.Stat.Size != 1 {
						t.Errorf("get %d.%d: Stat.Size = %d, want 1", i, j, blob.Stat.Size)
					}
				}
			})
		}
		for i := range 20 {
			libraries := map[string]s3.Config{libraryID: config}
			if i%2 == 1 {
				libraries = map[string]s3.Config{fmt.Sprint("other", i): config}
			}
			if err := loader.SetLibraries(libraries); err != nil {
				t.Error(err)
			}
		}
		wg.Wait()
	})
}

func TestLoader_Owns(t *testing.T) {
	config := MustFakeS3(t, "")
	loader := MustLoader(t, config)
	for key, want := range map[string]bool{
		libraryID + "/x.jpg": true,
		libraryID + "/":      true,
		libraryID:            true,
		"other/x.jpg":        false,
		"":                   false,
	} {
		if got := loader.Owns(key); got != want {
			t.Errorf("Owns(%q) = %t, want %t", key, got, want)
		}
	}
}
