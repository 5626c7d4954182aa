//go:build s3integration

package integration_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
)

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
	"tab\tand~tilde.jpg",
}

func TestClient_Test(t *testing.T) {
	srv := MustServer(t)
	bucket := MustBucket(t, srv)

	t.Run("OK", func(t *testing.T) {
		if err := MustClient(t, srv.Config(bucket, "photos")).Test(testContext(t)); err != nil {
			t.Errorf("err = %v, want nil", err)
		}
	})

	t.Run("ErrAccessDeniedWrongSecret", func(t *testing.T) {
		config := srv.Config(bucket, "")
		config.SecretKey += "-wrong"
		if err := MustClient(t, config).Test(testContext(t)); !errors.Is(err, s3.ErrAccessDenied) {
			t.Errorf("err = %v, want s3.ErrAccessDenied", err)
		}
	})

	t.Run("ErrAccessDeniedWrongAccessKey", func(t *testing.T) {
		config := srv.Config(bucket, "")
		config.AccessKey += "-wrong"
		if err := MustClient(t, config).Test(testContext(t)); !errors.Is(err, s3.ErrAccessDenied) {
			t.Errorf("err = %v, want s3.ErrAccessDenied", err)
		}
	})

	t.Run("ErrAccessDeniedAnonymous", func(t *testing.T) {
		config := srv.Config(bucket, "")
		config.AccessKey, config.SecretKey = "", ""
		if err := MustClient(t, config).Test(testContext(t)); !errors.Is(err, s3.ErrAccessDenied) {
			t.Errorf("err = %v, want s3.ErrAccessDenied", err)
		}
	})

	t.Run("ErrNoSuchBucket", func(t *testing.T) {
		err := MustClient(t, srv.Config(bucket+"-missing", "")).Test(testContext(t))
		if !errors.Is(err, s3.ErrNoSuchBucket) {
			t.Errorf("err = %v, want s3.ErrNoSuchBucket", err)
		}
	})

	t.Run("ErrUnreachable", func(t *testing.T) {
		config := srv.Config(bucket, "")
		config.Endpoint = "http://" + MustClosedPort(t)
		if err := MustClient(t, config).Test(testContext(t)); !errors.Is(err, s3.ErrUnreachable) {
			t.Errorf("err = %v, want s3.ErrUnreachable", err)
		}
	})
}

func TestClient_ListFolder(t *testing.T) {
	srv := MustServer(t)

	t.Run("OKTwoThousandKeys", func(t *testing.T) {
		client := MustClient(t, srv.Config(MustBucket(t, srv), "library"))
		const count = 2000
		MustPutMany(t, client, count)
		MustPut(t, client, "many/sub/inside.jpg", []byte("a folder after the files"))

		// The test covers pagination only if the server splits the folder into pages.
		first, err := srv.api().ListObjectsV2(testContext(t), &awss3.ListObjectsV2Input{
			Bucket:    aws.String(client.Config().Bucket),
			Prefix:    aws.String("library/many/"),
			Delimiter: aws.String("/"),
		})
		if err != nil {
			t.Fatal(err)
		}
		if !aws.ToBool(first.IsTruncated) {
			t.Errorf("first page: %d keys and not truncated, want a folder of several pages", len(first.Contents))
		}

		entries := MustList(t, client, "many")
		if got, want := len(entries), count+1; got != want {
			t.Errorf("entries = %d, want %d", got, want)
		}
		for i := range count {
			name := fmt.Sprintf("%04d.jpg", i)
			entry, ok := entries[name]
			if !ok {
				t.Fatalf("%s is missing", name)
			}
			if entry.Path != "many/"+name || entry.Size != int64(len(name)) || entry.Kind != listing.KindImage {
				t.Fatalf("%s = %+v, want an image of %d bytes at many/%s", name, entry, len(name), name)
			}
		}
		if got := entries["sub"].Kind; got != listing.KindFolder {
			t.Errorf("sub: Kind = %q, want %q", got, listing.KindFolder)
		}
	})

	t.Run("OKSpecialNames", func(t *testing.T) {
		client := MustClient(t, srv.Config(MustBucket(t, srv), "lib root"))
		for _, name := range specialNames {
			MustPut(t, client, "odd/"+name, []byte("content of "+name))
		}
		entries := MustList(t, client, "odd")
		for _, name := range specialNames {
			entry, ok := entries[name]
			if !ok {
				t.Errorf("%q is not listed", name)
				continue
			}
			if entry.Path != "odd/"+name {
				t.Errorf("%q: Path = %q, want %q", name, entry.Path, "odd/"+name)
			}
			if got, want := MustRead(t, client, entry.Path), []byte("content of "+name); !bytes.Equal(got, want) {
				t.Errorf("%q: content = %q, want %q", name, got, want)
			}
		}
		if got, want := len(entries), len(specialNames); got != want {
			t.Errorf("entries = %d, want %d", got, want)
		}
	})

	t.Run("OKFolderMarkersAndHidden", func(t *testing.T) {
		client := MustClient(t, srv.Config(MustBucket(t, srv), ""))
		MustPut(t, client, "empty/", nil)
		MustPut(t, client, "full/", nil)
		MustPut(t, client, "full/x.jpg", []byte("x"))
		MustPut(t, client, ".hidden.jpg", []byte("hidden"))
		MustPut(t, client, "..hidden.jpg", []byte("hidden too"))

		root := MustList(t, client, "")
		names := make([]string, 0, len(root))
		for name := range root {
			names = append(names, name)
		}
		slices.Sort(names)
		if want := []string{"empty", "full"}; !slices.Equal(names, want) {
			t.Errorf("root names = %q, want %q", names, want)
		}
		if full := MustList(t, client, "full"); len(full) != 1 || full["x.jpg"].Path != "full/x.jpg" {
			t.Errorf("full = %+v, want only x.jpg and no marker entry", full)
		}
		if empty := MustList(t, client, "empty"); len(empty) != 0 {
			t.Errorf("empty = %+v, want no entries", empty)
		}
		if got := string(MustRead(t, client, "..hidden.jpg")); got != "hidden too" {
			t.Errorf("..hidden.jpg: content = %q", got)
		}
	})

	t.Run("ErrNotExist", func(t *testing.T) {
		client := MustClient(t, srv.Config(MustBucket(t, srv), ""))
		MustPut(t, client, "a.jpg", []byte("a"))
		if _, err := client.ListFolder(testContext(t), "missing"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want fs.ErrNotExist", err)
		}
	})
}

func TestClient_Move(t *testing.T) {
	srv := MustServer(t)
	client := MustClient(t, srv.Config(MustBucket(t, srv), "lib"))

	t.Run("OKSpecialNames", func(t *testing.T) {
		for _, name := range specialNames {
			MustPut(t, client, "from/"+name, []byte(name))
		}
		for _, name := range specialNames {
			if err := client.Move(testContext(t), "from/"+name, "to/"+name); err != nil {
				t.Fatalf("move %q: %v", name, err)
			}
		}
		for _, name := range specialNames {
			if got := string(MustRead(t, client, "to/"+name)); got != name {
				t.Errorf("%q: content = %q, want %q", name, got, name)
			}
			if _, err := client.Stat(testContext(t), "from/"+name); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("%q: stat of the source: err = %v, want fs.ErrNotExist", name, err)
			}
		}
	})

	t.Run("ErrNotExist", func(t *testing.T) {
		if err := client.Move(testContext(t), "missing.jpg", "to.jpg"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want fs.ErrNotExist", err)
		}
	})
}

func TestClient_Copy(t *testing.T) {
	srv := MustServer(t)
	bucket := MustBucket(t, srv)
	client := MustClient(t, srv.Config(bucket, "lib"), s3.WithMultipart(6<<20, s3.MinPartSize))
	data := bytes.Repeat([]byte("0123456789abcdef"), (12<<20+3)/16+1)[:12<<20+3]

	t.Run("OKMultipart", func(t *testing.T) {
		MustPut(t, client, "big/video #1.mp4", data)
		if err := client.Copy(testContext(t), "big/video #1.mp4", "copy/video+1 caf\u00e9.mp4"); err != nil {
			t.Fatal(err)
		}
		if got := MustRead(t, client, "copy/video+1 caf\u00e9.mp4"); !bytes.Equal(got, data) {
			t.Errorf("content = %d bytes, want the %d bytes written", len(got), len(data))
		}
		head, err := srv.api().HeadObject(testContext(t), &awss3.HeadObjectInput{
			Bucket: aws.String(bucket),
			Key:    aws.String("lib/copy/video+1 caf\u00e9.mp4"),
		})
		if err != nil {
			t.Fatal(err)
		}
		if got := aws.ToString(head.ContentType); got != "video/mp4" {
			t.Errorf("ContentType = %q, want %q from the source", got, "video/mp4")
		}
	})

	t.Run("OKSingleRequest", func(t *testing.T) {
		MustPut(t, client, "small/a b.jpg", []byte("small"))
		if err := client.Copy(testContext(t), "small/a b.jpg", "small/a+b.jpg"); err != nil {
			t.Fatal(err)
		}
		if got := string(MustRead(t, client, "small/a+b.jpg")); got != "small" {
			t.Errorf("content = %q, want %q", got, "small")
		}
	})

	t.Run("ErrNotExist", func(t *testing.T) {
		if err := client.Copy(testContext(t), "missing.mp4", "to.mp4"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want fs.ErrNotExist", err)
		}
	})
}

func TestClient_Delete(t *testing.T) {
	srv := MustServer(t)
	client := MustClient(t, srv.Config(MustBucket(t, srv), ""))

	t.Run("OK", func(t *testing.T) {
		MustPut(t, client, "dir/question?mark.jpg", []byte("x"))
		if err := client.Delete(testContext(t), "dir/question?mark.jpg"); err != nil {
			t.Fatal(err)
		}
		if _, err := client.Stat(testContext(t), "dir/question?mark.jpg"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("stat after delete: err = %v, want fs.ErrNotExist", err)
		}
	})

	t.Run("OKMissing", func(t *testing.T) {
		if err := client.Delete(testContext(t), "missing.jpg"); err != nil {
			t.Errorf("err = %v, want nil", err)
		}
	})
}

// MustPutMany writes count objects "many/0000.jpg" onwards, each containing its own name,
// eight at a time.
func MustPutMany(tb testing.TB, client *s3.Client, count int) {
	tb.Helper()
	ctx := testContext(tb)
	names := make(chan string)
	errs := make(chan error, count)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for name := range names {
				err := client.Put(ctx, "many/"+name, bytes.NewReader([]byte(name)), int64(len(name)))
				if err != nil {
					errs <- err
				}
			}
		})
	}
	for i := range count {
		names <- fmt.Sprintf("%04d.jpg", i)
	}
	close(names)
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		tb.Fatalf("put: %v (%d puts failed)", err, len(errs)+1)
	}
}
