//go:build s3integration

package app_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	_ "golang.org/x/image/webp"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/sqlite"
)

// s3Harness is the app wired as main.go wires it, over a real S3-compatible server.
type s3Harness struct {
	gallery  *app.Gallery
	settings *settings.Service
	images   http.Handler
	input    app.S3Input
}

// MustS3Harness starts the app's services on the S3 server named by IMAGOR_STUDIO_TEST_S3_*
// (build/scripts/versitygw.sh run sets them) with a new bucket holding the given objects.
func MustS3Harness(t *testing.T, objects map[string][]byte) s3Harness {
	t.Helper()
	ctx := context.Background()
	endpoint, access, secret := os.Getenv("IMAGOR_STUDIO_TEST_S3_ENDPOINT"),
		os.Getenv("IMAGOR_STUDIO_TEST_S3_ACCESS_KEY"), os.Getenv("IMAGOR_STUDIO_TEST_S3_SECRET_KEY")
	if endpoint == "" || access == "" || secret == "" {
		t.Fatal("IMAGOR_STUDIO_TEST_S3_* are unset: run this under build/scripts/versitygw.sh run")
	}
	api := awss3.New(awss3.Options{
		Region: s3.DefaultRegion, BaseEndpoint: aws.String(endpoint), UsePathStyle: true,
		Credentials:                credentials.NewStaticCredentialsProvider(access, secret, ""),
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
	})
	bucket := "app-test-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	if _, err := api.CreateBucket(ctx, &awss3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		t.Fatal(err)
	}
	for key, body := range objects {
		_, err := api.PutObject(ctx, &awss3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String("lib/" + key), Body: bytes.NewReader(body)})
		if err != nil {
			t.Fatalf("put %q: %v", key, err)
		}
	}

	dataDir := t.TempDir()
	db, err := sqlite.Open(ctx, filepath.Join(dataDir, "config.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	box, err := secrets.OpenBox(ctx, secrets.Options{Mode: secrets.ModeFile, DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(engine.Config{Executable: MustEngineExecutable(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	prefs := settings.New(db, box)
	libraries := library.NewSet(prefs.Libraries())
	pool := s3.NewPool()
	libraries.OnChange(func([]library.Library) {
		configs := map[string]s3.Config{}
		for id, b := range libraries.Buckets() {
			configs[id] = s3.Config(b)
		}
		if err := pool.Sync(configs); err != nil {
			t.Error(err)
		}
		if err := eng.SetS3Libraries(ctx, configs); err != nil {
			t.Error(err)
		}
	})
	a := app.New(app.Services{
		Libraries: libraries, Lister: listing.NewLister(time.Minute), Engine: eng, Buckets: pool,
		Settings: prefs, Logger: discard,
	})
	var gallery *app.Gallery
	for _, b := range a.Bindings() {
		if g, ok := b.(*app.Gallery); ok {
			gallery = g
		}
	}
	return s3Harness{
		gallery: gallery, settings: prefs, images: imagehandler.New(eng, nil, discard),
		input: app.S3Input{Name: "bucket", Bucket: bucket, Prefix: "lib", Endpoint: endpoint,
			PathStyle: true, AccessKey: access, SecretKey: secret},
	}
}

func jpegOfSize(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGallery_S3Library adds a bucket prefix as a library, lists it, and renders thumbnails of
// keys with special characters through the real engine.
func TestGallery_S3Library(t *testing.T) {
	names := []string{"plain.jpg", "a b.jpg", "a+b.jpg", "100%.jpg", "what?.jpg", "#1.jpg", "日本.jpg", "sub/inner.jpg"}
	objects := map[string][]byte{"sub/": nil}
	for i, name := range names {
		objects[name] = jpegOfSize(t, 300+i, 200+i)
	}
	h := MustS3Harness(t, objects)

	t.Run("ErrWrongKey", func(t *testing.T) {
		in := h.input
		in.SecretKey = "wrong"
		if _, err := h.gallery.AddS3Library(in); err == nil || !strings.Contains(strings.ToLower(err.Error()), "denied") {
			t.Errorf("err=%v, want access denied", err)
		}
	})

	lib, err := h.gallery.AddS3Library(h.input)
	if err != nil {
		t.Fatal(err)
	}
	if lib.Kind != "s3" {
		t.Errorf("kind=%s", lib.Kind)
	}
	page, err := h.gallery.List(app.ListRequest{Library: lib.ID})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != len(names) { // the subfolder plus every root key but sub/inner.jpg
		t.Errorf("Total=%d, want %d", page.Total, len(names))
	}
	if page.Entries[0].Kind != "folder" || page.Entries[0].Name != "sub" {
		t.Errorf("first entry=%+v, want folder sub", page.Entries[0])
	}
	sizes := map[string]int{}
	for i, name := range names {
		sizes[name] = 300 + i
	}
	for _, e := range page.Entries[1:] {
		rec := httptest.NewRecorder()
		h.images.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, e.Original, nil))
		if rec.Code != http.StatusOK {
			t.Errorf("%s: status %d: %s", e.Name, rec.Code, rec.Body)
			continue
		}
		cfg, _, err := image.DecodeConfig(rec.Body)
		if err != nil {
			t.Errorf("%s: %v", e.Name, err)
			continue
		}
		if cfg.Width != sizes[e.Name] {
			t.Errorf("%s: width %d, want %d (another object's pixels?)", e.Name, cfg.Width, sizes[e.Name])
		}
	}
	inner, err := h.gallery.List(app.ListRequest{Library: lib.ID, Path: "sub"})
	if err != nil || inner.Total != 1 {
		t.Fatalf("sub: %+v, %v", inner, err)
	}
	rec := httptest.NewRecorder()
	h.images.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, inner.Entries[0].Thumbnail, nil))
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/webp" {
		t.Errorf("thumbnail: %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}

	// A profile for the bucket signs the same key the server will read.
	profile, err := h.settings.SaveProfile(context.Background(), settings.ProfileInput{
		Name: "prod", BaseURL: "https://img.example.com", Secret: ptrTo("s3cret"), Signer: "sha256", Truncate: 40,
		Libraries: []settings.ProfileLibrary{{Library: lib.ID, PathPrefix: "lib/"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	server, err := h.settings.Server(context.Background(), profile.ID, lib.ID)
	if err != nil {
		t.Fatal(err)
	}
	url, _, err := server.URL("fit-in/100x100", "a b.jpg")
	if err != nil {
		t.Fatal(err)
	}
	want := "/b64:" + imageurl.EncodeImage("lib/a b.jpg")[4:]
	if !strings.HasSuffix(url, want) {
		t.Errorf("signed URL=%s, want it to end in %s", url, want)
	}
	fmt.Println("signed:", url)
}

func ptrTo(s string) *string { return &s }
