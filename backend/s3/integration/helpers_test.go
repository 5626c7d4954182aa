//go:build s3integration

// Package integration_test runs the S3 client and the engine's S3 loader against a real S3
// server, which build/scripts/versitygw.sh starts. The tests fail, and do not skip, when the
// server's variables are missing, so a run with the build tag never passes without a server.
package integration_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
)

// Variables that name the server, as `versitygw.sh env PORTFILE` prints them.
const (
	endpointVariable  = "IMAGOR_STUDIO_TEST_S3_ENDPOINT"
	accessKeyVariable = "IMAGOR_STUDIO_TEST_S3_ACCESS_KEY"
	secretKeyVariable = "IMAGOR_STUDIO_TEST_S3_SECRET_KEY"
)

// server is the S3 server under test.
type server struct {
	endpoint, accessKey, secretKey string
}

// MustServer returns the server named by the environment, and fails the test when a variable
// is missing.
func MustServer(tb testing.TB) server {
	tb.Helper()
	srv := server{
		endpoint:  os.Getenv(endpointVariable),
		accessKey: os.Getenv(accessKeyVariable),
		secretKey: os.Getenv(secretKeyVariable),
	}
	if srv.endpoint == "" || srv.accessKey == "" || srv.secretKey == "" {
		tb.Fatalf("%s, %s and %s must name a running S3 server: start one with "+
			"`build/scripts/versitygw.sh start DIR PORTFILE` and export what "+
			"`build/scripts/versitygw.sh env PORTFILE` prints", endpointVariable, accessKeyVariable, secretKeyVariable)
	}
	return srv
}

// api returns a plain SDK client for setting up buckets, apart from the client under test.
func (srv server) api() *awss3.Client {
	return awss3.New(awss3.Options{
		Region:                     s3.DefaultRegion,
		BaseEndpoint:               aws.String(srv.endpoint),
		UsePathStyle:               true,
		Credentials:                credentials.NewStaticCredentialsProvider(srv.accessKey, srv.secretKey, ""),
		RequestChecksumCalculation: aws.RequestChecksumCalculationWhenRequired,
	})
}

// bucketCount makes bucket names unique within one test process.
var bucketCount struct {
	sync.Mutex
	n int
}

// MustBucket creates an empty bucket with a new name and deletes it, with every object in it,
// at the end of the test.
func MustBucket(tb testing.TB, srv server) string {
	tb.Helper()
	bucketCount.Lock()
	bucketCount.n++
	name := "imagor-studio-test-" + strconv.FormatInt(time.Now().UnixNano(), 36) + "-" + strconv.Itoa(bucketCount.n)
	bucketCount.Unlock()

	api := srv.api()
	if _, err := api.CreateBucket(testContext(tb), &awss3.CreateBucketInput{Bucket: aws.String(name)}); err != nil {
		tb.Fatalf("create bucket %s: %v", name, err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if err := emptyBucket(ctx, api, name); err != nil {
			tb.Errorf("empty bucket %s: %v", name, err)
			return
		}
		if _, err := api.DeleteBucket(ctx, &awss3.DeleteBucketInput{Bucket: aws.String(name)}); err != nil {
			tb.Errorf("delete bucket %s: %v", name, err)
		}
	})
	return name
}

// emptyBucket deletes every object of bucket, 1,000 keys per DeleteObjects request.
func emptyBucket(ctx context.Context, api *awss3.Client, bucket string) error {
	pages := awss3.NewListObjectsV2Paginator(api, &awss3.ListObjectsV2Input{Bucket: aws.String(bucket)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return err
		}
		if len(page.Contents) == 0 {
			continue
		}
		ids := make([]types.ObjectIdentifier, 0, len(page.Contents))
		for _, object := range page.Contents {
			ids = append(ids, types.ObjectIdentifier{Key: object.Key})
		}
		out, err := api.DeleteObjects(ctx, &awss3.DeleteObjectsInput{
			Bucket: aws.String(bucket),
			Delete: &types.Delete{Objects: ids, Quiet: aws.Bool(true)},
		})
		if err != nil {
			return err
		}
		if len(out.Errors) > 0 {
			return fmt.Errorf("delete %q: %s", aws.ToString(out.Errors[0].Key), aws.ToString(out.Errors[0].Message))
		}
	}
	return nil
}

// Config returns the configuration of a library at prefix in bucket.
func (srv server) Config(bucket, prefix string) s3.Config {
	return s3.Config{
		Bucket:    bucket,
		Prefix:    prefix,
		Endpoint:  srv.endpoint,
		PathStyle: true,
		AccessKey: srv.accessKey,
		SecretKey: srv.secretKey,
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

// MustList returns the entries of folder, keyed by name, and fails on a name listed twice.
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

// MustRead returns the whole object at rel and checks the size Open reported.
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

// MustJPEG returns a 320 x 240 JPEG with a gradient.
func MustJPEG(tb testing.TB) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 320, 240))
	for y := range 240 {
		for x := range 320 {
			img.Set(x, y, color.RGBA{R: uint8(x * 255 / 320), G: uint8(y * 255 / 240), B: 96, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
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

// testContext returns a context that ends with the test or after two minutes.
func testContext(tb testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(tb.Context(), 2*time.Minute)
	tb.Cleanup(cancel)
	return ctx
}
