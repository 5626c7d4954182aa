package s3_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
)

const (
	testBucket    = "library"
	testAccessKey = "test-access"
	testSecretKey = "test-secret"
)

// fakeS3 is an in-process gofakes3 server on loopback. gofakes3 checks no signature, so the
// server rejects, as S3 does with a 403, every request not signed with testAccessKey.
type fakeS3 struct {
	URL      string
	backend  *s3mem.Backend
	lists    atomic.Int64 // ListObjectsV2 requests served
	parts    atomic.Int64 // UploadPart requests served
	requests atomic.Int64
}

// MustFakeS3 starts a fake S3 server with the bucket testBucket, stopped at the end of the test.
func MustFakeS3(tb testing.TB) *fakeS3 {
	tb.Helper()
	fake := &fakeS3{backend: s3mem.New()}
	if err := fake.backend.CreateBucket(testBucket); err != nil {
		tb.Fatal(err)
	}
	handler := gofakes3.New(fake.backend, gofakes3.WithoutVersioning()).Server()
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fake.requests.Add(1)
		if !strings.Contains(r.Header.Get("Authorization"), "Credential="+testAccessKey+"/") {
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+
				`<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message></Error>`)
			return
		}
		if r.Method == http.MethodGet && r.URL.Query().Get("list-type") == "2" {
			fake.lists.Add(1)
		}
		if r.Method == http.MethodPut && r.URL.Query().Has("partNumber") {
			fake.parts.Add(1)
		}
		handler.ServeHTTP(w, r)
	}))
	tb.Cleanup(server.Close)
	fake.URL = server.URL
	return fake
}

// Config returns the configuration of a library at prefix in testBucket on the fake server.
func (f *fakeS3) Config(prefix string) s3.Config {
	return s3.Config{
		Bucket:    testBucket,
		Prefix:    prefix,
		Endpoint:  f.URL,
		PathStyle: true,
		AccessKey: testAccessKey,
		SecretKey: testSecretKey,
	}
}

// MustClient returns a client for config with the given options.
func MustClient(tb testing.TB, config s3.Config, options ...s3.Option) *s3.Client {
	tb.Helper()
	client, err := s3.New(config, options...)
	if err != nil {
		tb.Fatalf("new client: %v", err)
	}
	return client
}

// MustPut writes data to rel through client.
func MustPut(tb testing.TB, client *s3.Client, rel string, data []byte) {
	tb.Helper()
	if err := client.Put(testContext(tb), rel, bytes.NewReader(data), int64(len(data))); err != nil {
		tb.Fatalf("put %q: %v", rel, err)
	}
}

// MustList returns the entries of folder, keyed by name.
func MustList(tb testing.TB, client *s3.Client, folder string) map[string]listing.Entry {
	tb.Helper()
	entries, err := client.ListFolder(testContext(tb), folder)
	if err != nil {
		tb.Fatalf("list %q: %v", folder, err)
	}
	byName := make(map[string]listing.Entry, len(entries))
	for _, entry := range entries {
		if _, ok := byName[entry.Name]; ok {
			tb.Errorf("list %q: name %q listed twice", folder, entry.Name)
		}
		byName[entry.Name] = entry
	}
	return byName
}

// MustRead returns the whole object at rel and checks that Open reported its size.
func MustRead(tb testing.TB, client *s3.Client, rel string) []byte {
	tb.Helper()
	body, size, err := client.Open(testContext(tb), rel)
	if err != nil {
		tb.Fatalf("open %q: %v", rel, err)
	}
	defer body.Close()
	data, err := io.ReadAll(body)
	if err != nil {
		tb.Fatalf("read %q: %v", rel, err)
	}
	if size != int64(len(data)) {
		tb.Errorf("open %q: size = %d, read %d bytes", rel, size, len(data))
	}
	return data
}

// MustClosedPort returns the address of a loopback port that nothing listens on.
func MustClosedPort(tb testing.TB) string {
	tb.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	addr := listener.Addr().String()
	if err := listener.Close(); err != nil {
		tb.Fatal(err)
	}
	return addr
}

// sortedNames returns the names of entries in order.
func sortedNames(entries map[string]listing.Entry) []string {
	names := make([]string, 0, len(entries))
	for name := range entries {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// testContext returns a context that ends with the test or after 30 seconds.
func testContext(tb testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(tb.Context(), 30*time.Second)
	tb.Cleanup(cancel)
	return ctx
}

// specialNames are object names that must reach their own object unchanged: the NFC and NFD
// forms of "é" are different keys, and "%41" is not "A".
var specialNames = []string{
	"with space.jpg",
	"plus+sign.jpg",
	"percent%41.jpg",
	"percent%2F.jpg",
	"question?mark.jpg",
	"hash#mark.jpg",
	"ampersand&equals=.jpg",
	"caf\u00e9 nfc.jpg",
	"cafe\u0301 nfd.jpg",
	"emoji \U0001F5BC\uFE0F.jpg",
	"日本語.png",
	"double..dot.jpg",
	"trailing space .jpg",
	"semi;colon,comma'quote\".jpg",
}
