package s3_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/s3"
)

func TestNew(t *testing.T) {
	t.Run("OKDefaultRegion", func(t *testing.T) {
		client := MustClient(t, s3.Config{Bucket: "b"})
		if got := client.Config().Region; got != s3.DefaultRegion {
			t.Errorf("Region = %q, want %q", got, s3.DefaultRegion)
		}
	})

	t.Run("ErrNoBucket", func(t *testing.T) {
		if _, err := s3.New(s3.Config{}); err == nil {
			t.Error("err = nil, want an error for the missing bucket name")
		}
	})

	t.Run("ErrHalfCredentials", func(t *testing.T) {
		for _, config := range []s3.Config{
			{Bucket: "b", AccessKey: "key"},
			{Bucket: "b", SecretKey: "secret"},
		} {
			if _, err := s3.New(config); err == nil {
				t.Errorf("New(%+v): err = nil, want an error for one key without the other", config)
			}
		}
	})

	t.Run("ErrInvalidEndpoint", func(t *testing.T) {
		for _, endpoint := range []string{"127.0.0.1:7070", "ftp://host", "http://", "://x"} {
			_, err := s3.New(s3.Config{Bucket: "b", Endpoint: endpoint})
			if err == nil || !strings.Contains(err.Error(), "invalid endpoint") {
				t.Errorf("endpoint %q: err = %v, want an invalid endpoint error", endpoint, err)
			}
		}
	})

	t.Run("ErrInvalidPrefix", func(t *testing.T) {
		for _, prefix := range []string{"/photos", "photos/../other", "..", "a/./b"} {
			_, err := s3.New(s3.Config{Bucket: "b", Prefix: prefix})
			if !errors.Is(err, library.ErrInvalidPath) && !errors.Is(err, library.ErrOutside) {
				t.Errorf("prefix %q: err = %v, want library.ErrInvalidPath or library.ErrOutside", prefix, err)
			}
		}
	})
}

func TestClient_Test(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		fake := MustFakeS3(t)
		if err := MustClient(t, fake.Config("photos")).Test(testContext(t)); err != nil {
			t.Errorf("err = %v, want nil", err)
		}
	})

	t.Run("ErrNoSuchBucket", func(t *testing.T) {
		fake := MustFakeS3(t)
		config := fake.Config("")
		config.Bucket = "missing-bucket"
		err := MustClient(t, config).Test(testContext(t))
		if !errors.Is(err, s3.ErrNoSuchBucket) {
			t.Fatalf("err = %v, want s3.ErrNoSuchBucket", err)
		}
		if !strings.Contains(err.Error(), `"missing-bucket"`) {
			t.Errorf("err = %q, want the bucket name in it", err)
		}
	})

	t.Run("ErrAccessDenied", func(t *testing.T) {
		fake := MustFakeS3(t)
		config := fake.Config("")
		config.AccessKey = "wrong-access"
		err := MustClient(t, config).Test(testContext(t))
		if !errors.Is(err, s3.ErrAccessDenied) {
			t.Fatalf("err = %v, want s3.ErrAccessDenied", err)
		}
		if errors.Is(err, s3.ErrNoSuchBucket) || errors.Is(err, s3.ErrUnreachable) {
			t.Errorf("err = %v, want only s3.ErrAccessDenied", err)
		}
	})

	t.Run("ErrAccessDeniedAnonymous", func(t *testing.T) {
		fake := MustFakeS3(t)
		config := fake.Config("")
		config.AccessKey, config.SecretKey = "", ""
		if err := MustClient(t, config).Test(testContext(t)); !errors.Is(err, s3.ErrAccessDenied) {
			t.Errorf("err = %v, want s3.ErrAccessDenied", err)
		}
	})

	t.Run("ErrWrongRegion", func(t *testing.T) {
		// AWS S3 answers a request signed for another region than the bucket's with a 301, the
		// bucket's region in a header and, when there is a body, the code PermanentRedirect.
		redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("X-Amz-Bucket-Region", "eu-west-1")
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusMovedPermanently)
			if r.Method != http.MethodHead {
				_, _ = io.WriteString(w, `<Error><Code>PermanentRedirect</Code><Message>use the bucket's endpoint</Message></Error>`)
			}
		}))
		t.Cleanup(redirect.Close)
		config := s3.Config{Bucket: "b", Endpoint: redirect.URL, PathStyle: true, AccessKey: "a", SecretKey: "s"}
		err := MustClient(t, config).Test(testContext(t))
		if !errors.Is(err, s3.ErrWrongRegion) {
			t.Fatalf("err = %v, want s3.ErrWrongRegion", err)
		}
		if !strings.Contains(err.Error(), "eu-west-1") {
			t.Errorf("err = %q, want the bucket's region eu-west-1 in it", err)
		}
	})

	t.Run("ErrUnreachable", func(t *testing.T) {
		addr := MustClosedPort(t)
		config := s3.Config{Bucket: "b", Endpoint: "http://" + addr, PathStyle: true, AccessKey: "a", SecretKey: "s"}
		err := MustClient(t, config).Test(testContext(t))
		if !errors.Is(err, s3.ErrUnreachable) {
			t.Fatalf("err = %v, want s3.ErrUnreachable", err)
		}
		if !strings.Contains(err.Error(), addr) {
			t.Errorf("err = %q, want the endpoint %s in it", err, addr)
		}
	})
}
