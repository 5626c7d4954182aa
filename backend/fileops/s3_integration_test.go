//go:build s3integration

package fileops_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/imagor-studio/desktop/backend/fileops"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/s3"
)

// MustBucket makes a bucket on the S3 server named by IMAGOR_STUDIO_TEST_S3_* (set by
// build/scripts/versitygw.sh run) with objects under the prefix lib/, opens it as a library and
// returns a Service over it, its client and the library id.
func MustBucket(t *testing.T, objects []string) (*fileops.Service, *s3.Client, string) {
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
	bucket := "fileops-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	if _, err := api.CreateBucket(ctx, &awss3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		t.Fatal(err)
	}
	for _, key := range objects {
		_, err := api.PutObject(ctx, &awss3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String("lib/" + key), Body: bytes.NewReader([]byte(key))})
		if err != nil {
			t.Fatalf("put %q: %v", key, err)
		}
	}
	set := library.NewSet(nil)
	cfg := library.S3{Bucket: bucket, Prefix: "lib", Endpoint: endpoint, PathStyle: true, AccessKey: access, SecretKey: secret}
	lib, err := set.AddS3(ctx, "bucket", cfg)
	if err != nil {
		t.Fatal(err)
	}
	pool := s3.NewPool()
	if err := pool.Sync(map[string]s3.Config{lib.ID: s3.Config(cfg)}); err != nil {
		t.Fatal(err)
	}
	client, err := pool.Client(lib.ID)
	if err != nil {
		t.Fatal(err)
	}
	return fileops.New(set, pool, nil), client, lib.ID
}

func assertObject(t *testing.T, c *s3.Client, rel string, want bool) {
	t.Helper()
	_, err := c.Stat(context.Background(), rel)
	if got := err == nil; got != want {
		t.Errorf("object %q present %v, want %v (%v)", rel, got, want, err)
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stat %q: %v", rel, err)
	}
}

func TestService_S3(t *testing.T) {
	ctx := context.Background()
	svc, c, id := MustBucket(t, []string{"a.jpg", "c.jpg", "dest/c.jpg", "sub/x.jpg", "sub/deep/y.jpg"})

	if got, err := svc.Rename(ctx, id, "a.jpg", "a b.jpg"); err != nil || got != "a b.jpg" {
		t.Errorf("rename: %q, %v", got, err)
	}
	assertObject(t, c, "a b.jpg", true)
	assertObject(t, c, "a.jpg", false)
	_, err := svc.Rename(ctx, id, "c.jpg", "a b.jpg")
	if code := Codes(t, err)["c.jpg"]; code != fileops.CodeExists {
		t.Errorf("rename onto a taken name: code %q, want EXISTS", code)
	}

	_, err = svc.Move(ctx, id, []string{"c.jpg"}, "dest", fileops.Options{})
	if code := Codes(t, err)["c.jpg"]; code != fileops.CodeExists {
		t.Errorf("move onto a taken name: code %q, want EXISTS", code)
	}
	got, err := svc.Move(ctx, id, []string{"c.jpg"}, "dest", fileops.Options{Clash: fileops.ClashKeepBoth})
	if err != nil || !slices.Equal(got, []string{"dest/c (1).jpg"}) {
		t.Errorf("move with keep both: %q, %v", got, err)
	}
	assertObject(t, c, "dest/c.jpg", true)
	assertObject(t, c, "c.jpg", false)
	_, err = svc.Move(ctx, id, []string{"sub"}, "dest", fileops.Options{})
	if code := Codes(t, err)["sub"]; code != fileops.CodeUnsupported {
		t.Errorf("move of a folder: code %q, want UNSUPPORTED", code)
	}

	_, err = svc.Trash(ctx, id, []string{"a b.jpg"}, fileops.Options{})
	if code := Codes(t, err)["a b.jpg"]; code != fileops.CodeNoTrash {
		t.Errorf("trash: code %q, want NO_TRASH", code)
	}
	assertObject(t, c, "a b.jpg", true)
	if got, err := svc.Delete(ctx, id, []string{"a b.jpg", "sub"}, fileops.Options{}); err != nil || len(got) != 2 {
		t.Errorf("delete: %q, %v", got, err)
	}
	assertObject(t, c, "a b.jpg", false)
	assertObject(t, c, "sub/deep/y.jpg", false)
	assertObject(t, c, "dest/c.jpg", true)

	_, err = svc.CreateFolder(ctx, id, "new")
	if code := Codes(t, err)["new"]; code != fileops.CodeUnsupported {
		t.Errorf("new folder: code %q, want UNSUPPORTED", code)
	}
}
