package s3_test

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
)

func TestClient_Open(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config("lib"))
		MustPut(t, client, "a/b.jpg", []byte("content of b"))
		if got := string(MustRead(t, client, "a/b.jpg")); got != "content of b" {
			t.Errorf("content = %q, want %q", got, "content of b")
		}
	})

	t.Run("OKEmpty", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "empty.jpg", nil)
		if got := MustRead(t, client, "empty.jpg"); len(got) != 0 {
			t.Errorf("content = %q, want none", got)
		}
	})

	t.Run("OKHiddenName", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "..hidden", []byte("a name, not a parent folder"))
		if got := string(MustRead(t, client, "..hidden")); got != "a name, not a parent folder" {
			t.Errorf("content = %q", got)
		}
	})

	t.Run("OKObject", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "dir/photo.jpg", []byte("jpeg"))
		object, err := client.OpenObject(testContext(t), "dir/photo.jpg")
		if err != nil {
			t.Fatal(err)
		}
		defer object.Body.Close()
		listed := MustList(t, client, "dir")["photo.jpg"]
		if object.Entry != listed {
			t.Errorf("entry = %+v, want the listed %+v", object.Entry, listed)
		}
	})

	t.Run("ErrNotExist", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		_, _, err := client.Open(testContext(t), "missing.jpg")
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("err = %v, want fs.ErrNotExist", err)
		}
		if errors.Is(err, s3.ErrNoSuchBucket) {
			t.Errorf("err = %v, want no s3.ErrNoSuchBucket for a missing object", err)
		}
	})

	t.Run("ErrNoSuchBucket", func(t *testing.T) {
		fake := MustFakeS3(t)
		config := fake.Config("")
		config.Bucket = "missing-bucket"
		if _, _, err := MustClient(t, config).Open(testContext(t), "a.jpg"); !errors.Is(err, s3.ErrNoSuchBucket) {
			t.Errorf("err = %v, want s3.ErrNoSuchBucket", err)
		}
	})

	t.Run("ErrOutside", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config("lib"))
		for _, rel := range []string{"../secret.jpg", "a/../../b.jpg", "/abs.jpg", "./a.jpg"} {
			if _, _, err := client.Open(testContext(t), rel); !errors.Is(err, library.ErrOutside) {
				t.Errorf("open %q: err = %v, want library.ErrOutside", rel, err)
			}
		}
	})

	t.Run("ErrInvalidPath", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		for _, rel := range []string{"", "nul\x00.jpg"} {
			if _, _, err := client.Open(testContext(t), rel); !errors.Is(err, library.ErrInvalidPath) {
				t.Errorf("open %q: err = %v, want library.ErrInvalidPath", rel, err)
			}
		}
	})
}

func TestClient_Stat(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "a/b c.png", []byte("png"))
		entry, err := client.Stat(testContext(t), "a/b c.png")
		if err != nil {
			t.Fatal(err)
		}
		want := MustList(t, client, "a")["b c.png"]
		if entry != want {
			t.Errorf("entry = %+v, want the listed %+v", entry, want)
		}
		if entry.Kind != listing.KindImage {
			t.Errorf("Kind = %q, want %q", entry.Kind, listing.KindImage)
		}
	})

	t.Run("ErrNotExist", func(t *testing.T) {
		fake := MustFakeS3(t)
		if _, err := MustClient(t, fake.Config("")).Stat(testContext(t), "missing.jpg"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want fs.ErrNotExist", err)
		}
	})
}

// onlyReader hides every method of its reader but Read, so it cannot seek.
type onlyReader struct{ io.Reader }

func TestClient_Put(t *testing.T) {
	t.Run("OKSpecialNames", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config("lib"))
		for _, name := range specialNames {
			MustPut(t, client, name, []byte("content of "+name))
		}
		for _, name := range specialNames {
			if got, want := string(MustRead(t, client, name)), "content of "+name; got != want {
				t.Errorf("%q: content = %q, want %q", name, got, want)
			}
		}
	})

	t.Run("OKUnseekableBody", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		data := bytes.Repeat([]byte("0123456789"), 100_000)
		if err := client.Put(testContext(t), "big.bin", onlyReader{bytes.NewReader(data)}, int64(len(data))); err != nil {
			t.Fatal(err)
		}
		if got := MustRead(t, client, "big.bin"); !bytes.Equal(got, data) {
			t.Errorf("content = %d bytes, want the %d bytes written", len(got), len(data))
		}
	})

	t.Run("OKReplace", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "a.jpg", []byte("old"))
		MustPut(t, client, "a.jpg", []byte("new"))
		if got := string(MustRead(t, client, "a.jpg")); got != "new" {
			t.Errorf("content = %q, want %q", got, "new")
		}
	})

	t.Run("OKFromOffset", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		body := strings.NewReader("skip|keep|after")
		if _, err := body.Seek(5, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		if err := client.Put(testContext(t), "part.txt", body, 4); err != nil {
			t.Fatal(err)
		}
		if got := string(MustRead(t, client, "part.txt")); got != "keep" {
			t.Errorf("content = %q, want %q", got, "keep")
		}
	})

	t.Run("ErrShortBody", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		bodies := map[string]io.Reader{
			"unseekable": onlyReader{strings.NewReader("abc")},
			"seekable":   strings.NewReader("abc"),
		}
		for name, body := range bodies {
			err := client.Put(testContext(t), "short.jpg", body, 10)
			if err == nil {
				t.Fatalf("%s: err = nil, want an error for a body shorter than its size", name)
			}
			if errors.Is(err, s3.ErrUnreachable) {
				t.Errorf("%s: err = %v, want no s3.ErrUnreachable for a short body", name, err)
			}
		}
		if _, err := client.Stat(testContext(t), "short.jpg"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("stat after a failed put: err = %v, want fs.ErrNotExist", err)
		}
	})

	t.Run("ErrTooLarge", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		if err := client.Put(testContext(t), "huge.mp4", strings.NewReader(""), s3.MaxObjectSize+1); !errors.Is(err, s3.ErrTooLarge) {
			t.Errorf("err = %v, want s3.ErrTooLarge", err)
		}
	})

	t.Run("ErrNegativeSize", func(t *testing.T) {
		fake := MustFakeS3(t)
		if err := MustClient(t, fake.Config("")).Put(testContext(t), "a.jpg", strings.NewReader(""), -1); err == nil {
			t.Error("err = nil, want an error for a negative size")
		}
	})

	t.Run("ErrOutside", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config("lib"))
		if err := client.Put(testContext(t), "../x.jpg", strings.NewReader("x"), 1); !errors.Is(err, library.ErrOutside) {
			t.Errorf("err = %v, want library.ErrOutside", err)
		}
	})
}

func TestClient_Delete(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "dir/hash#mark.jpg", []byte("x"))
		MustPut(t, client, "dir/keep.jpg", []byte("y"))
		if err := client.Delete(testContext(t), "dir/hash#mark.jpg"); err != nil {
			t.Fatal(err)
		}
		if _, err := client.Stat(testContext(t), "dir/hash#mark.jpg"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("stat after delete: err = %v, want fs.ErrNotExist", err)
		}
		if _, err := client.Stat(testContext(t), "dir/keep.jpg"); err != nil {
			t.Errorf("stat of the other object: err = %v, want nil", err)
		}
	})

	t.Run("OKMissing", func(t *testing.T) {
		fake := MustFakeS3(t)
		if err := MustClient(t, fake.Config("")).Delete(testContext(t), "missing.jpg"); err != nil {
			t.Errorf("err = %v, want nil as S3 gives", err)
		}
	})

	t.Run("ErrOutside", func(t *testing.T) {
		fake := MustFakeS3(t)
		if err := MustClient(t, fake.Config("lib")).Delete(testContext(t), "../x.jpg"); !errors.Is(err, library.ErrOutside) {
			t.Errorf("err = %v, want library.ErrOutside", err)
		}
	})
}

func TestClient_Copy(t *testing.T) {
	t.Run("OKSpecialNames", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config("lib"))
		for _, name := range specialNames {
			MustPut(t, client, "from/"+name, []byte(name))
		}
		for _, name := range specialNames {
			if err := client.Copy(testContext(t), "from/"+name, "to/"+name); err != nil {
				t.Fatalf("copy %q: %v", name, err)
			}
		}
		for _, name := range specialNames {
			if got := string(MustRead(t, client, "to/"+name)); got != name {
				t.Errorf("%q: copied content = %q, want %q", name, got, name)
			}
			if got := string(MustRead(t, client, "from/"+name)); got != name {
				t.Errorf("%q: source content = %q, want %q", name, got, name)
			}
		}
	})

	t.Run("ErrNotExist", func(t *testing.T) {
		fake := MustFakeS3(t)
		err := MustClient(t, fake.Config("")).Copy(testContext(t), "missing.jpg", "to.jpg")
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want fs.ErrNotExist", err)
		}
	})

	t.Run("ErrSameObject", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "a.jpg", []byte("a"))
		if err := client.Copy(testContext(t), "a.jpg", "a.jpg"); err == nil {
			t.Error("err = nil, want an error for a copy onto itself")
		}
	})

	t.Run("ErrOutside", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config("lib"))
		MustPut(t, client, "a.jpg", []byte("a"))
		if err := client.Copy(testContext(t), "a.jpg", "../a.jpg"); !errors.Is(err, library.ErrOutside) {
			t.Errorf("err = %v, want library.ErrOutside", err)
		}
	})
}

func TestClient_Move(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "old/caf\u00e9+1.jpg", []byte("moved"))
		if err := client.Move(testContext(t), "old/caf\u00e9+1.jpg", "new/cafe\u0301 1.jpg"); err != nil {
			t.Fatal(err)
		}
		if got := string(MustRead(t, client, "new/cafe\u0301 1.jpg")); got != "moved" {
			t.Errorf("content = %q, want %q", got, "moved")
		}
		if _, err := client.Stat(testContext(t), "old/caf\u00e9+1.jpg"); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("stat of the source: err = %v, want fs.ErrNotExist", err)
		}
	})

	t.Run("OKSameObject", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "a.jpg", []byte("a"))
		if err := client.Move(testContext(t), "a.jpg", "a.jpg"); err != nil {
			t.Fatal(err)
		}
		if got := string(MustRead(t, client, "a.jpg")); got != "a" {
			t.Errorf("content = %q, want %q", got, "a")
		}
	})

	t.Run("ErrNotExist", func(t *testing.T) {
		fake := MustFakeS3(t)
		err := MustClient(t, fake.Config("")).Move(testContext(t), "missing.jpg", "to.jpg")
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want fs.ErrNotExist", err)
		}
	})
}
