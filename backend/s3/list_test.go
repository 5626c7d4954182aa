package s3_test

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
)

func TestClient_ListFolder(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "a.jpg", []byte("jpeg"))
		MustPut(t, client, "notes.txt", []byte("text"))
		MustPut(t, client, "clip.mp4", []byte("video"))
		MustPut(t, client, "album/b.png", []byte("png"))
		MustPut(t, client, ".hidden.jpg", []byte("hidden"))
		MustPut(t, client, ".thumbs/c.jpg", []byte("hidden folder"))

		entries := MustList(t, client, "")
		if got, want := sortedNames(entries), []string{"a.jpg", "album", "clip.mp4", "notes.txt"}; !slices.Equal(got, want) {
			t.Fatalf("names = %q, want %q", got, want)
		}
		a := entries["a.jpg"]
		if a.Path != "a.jpg" {
			t.Errorf("a.jpg: Path = %q, want %q", a.Path, "a.jpg")
		}
		if a.Kind != listing.KindImage {
			t.Errorf("a.jpg: Kind = %q, want %q", a.Kind, listing.KindImage)
		}
		if a.Size != 4 {
			t.Errorf("a.jpg: Size = %d, want 4", a.Size)
		}
		if time.Since(a.ModTime) > time.Hour || a.ModTime.IsZero() {
			t.Errorf("a.jpg: ModTime = %v, want about now", a.ModTime)
		}
		if a.Version == "" {
			t.Error("a.jpg: Version is empty")
		}
		if got := entries["clip.mp4"].Kind; got != listing.KindVideo {
			t.Errorf("clip.mp4: Kind = %q, want %q", got, listing.KindVideo)
		}
		if got := entries["notes.txt"].Kind; got != listing.KindOther {
			t.Errorf("notes.txt: Kind = %q, want %q", got, listing.KindOther)
		}
		album := entries["album"]
		if album.Kind != listing.KindFolder || album.Path != "album" || album.Version != "" {
			t.Errorf("album = %+v, want a folder at %q without a version", album, "album")
		}
	})

	t.Run("OKSubfolderPaths", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "a/b/c.jpg", []byte("c"))
		MustPut(t, client, "a/b/d/e.jpg", []byte("e"))

		entries := MustList(t, client, "a/b")
		if got := entries["c.jpg"].Path; got != "a/b/c.jpg" {
			t.Errorf("c.jpg: Path = %q, want %q", got, "a/b/c.jpg")
		}
		if got := entries["d"]; got.Path != "a/b/d" || got.Kind != listing.KindFolder {
			t.Errorf("d = %+v, want a folder at %q", got, "a/b/d")
		}
	})

	t.Run("OKLibraryPrefix", func(t *testing.T) {
		fake := MustFakeS3(t)
		bucket := MustClient(t, fake.Config(""))
		MustPut(t, bucket, "photos/2024/x.jpg", []byte("x"))
		MustPut(t, bucket, "photos/2024/trip/y.jpg", []byte("y"))
		MustPut(t, bucket, "photos/2024-other/z.jpg", []byte("not in the library"))

		for _, prefix := range []string{"photos/2024", "photos/2024/"} {
			library := MustClient(t, fake.Config(prefix))
			root := MustList(t, library, "")
			if got, want := sortedNames(root), []string{"trip", "x.jpg"}; !slices.Equal(got, want) {
				t.Errorf("prefix %q: root names = %q, want %q", prefix, got, want)
			}
			if got := root["trip"].Path; got != "trip" {
				t.Errorf("prefix %q: trip: Path = %q, want %q", prefix, got, "trip")
			}
			if got := MustList(t, library, "trip")["y.jpg"].Path; got != "trip/y.jpg" {
				t.Errorf("prefix %q: y.jpg: Path = %q, want %q", prefix, got, "trip/y.jpg")
			}
		}
	})

	t.Run("OKFolderMarkers", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "empty/", nil)
		MustPut(t, client, "full/", nil)
		MustPut(t, client, "full/x.jpg", []byte("x"))

		root := MustList(t, client, "")
		if got, want := sortedNames(root), []string{"empty", "full"}; !slices.Equal(got, want) {
			t.Fatalf("root names = %q, want %q", got, want)
		}
		if got := root["empty"].Kind; got != listing.KindFolder {
			t.Errorf("empty: Kind = %q, want %q", got, listing.KindFolder)
		}
		if got, want := sortedNames(MustList(t, client, "full")), []string{"x.jpg"}; !slices.Equal(got, want) {
			t.Errorf("full: names = %q, want %q (no marker entry)", got, want)
		}
		if got := MustList(t, client, "empty"); len(got) != 0 {
			t.Errorf("empty: names = %q, want none", sortedNames(got))
		}
	})

	t.Run("OKPagination", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		const count = 2000
		for i := range count {
			MustPut(t, client, fmt.Sprintf("many/%04d.jpg", i), []byte{byte(i)})
		}
		MustPut(t, client, "many/sub/inside.jpg", []byte("folder after the files"))

		before := fake.lists.Load()
		entries := MustList(t, client, "many")
		if got, want := len(entries), count+1; got != want {
			t.Errorf("entries = %d, want %d", got, want)
		}
		for i := range count {
			if _, ok := entries[fmt.Sprintf("%04d.jpg", i)]; !ok {
				t.Fatalf("%04d.jpg is missing", i)
			}
		}
		if _, ok := entries["sub"]; !ok {
			t.Error("folder sub is missing")
		}
		if got := fake.lists.Load() - before; got < 3 {
			t.Errorf("ListObjectsV2 requests = %d, want at least 3 pages of 1,000 keys", got)
		}
	})

	t.Run("OKSpecialNames", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		for _, name := range specialNames {
			MustPut(t, client, "odd/"+name, []byte(name))
		}
		entries := MustList(t, client, "odd")
		want := slices.Clone(specialNames)
		slices.Sort(want)
		if got := sortedNames(entries); !slices.Equal(got, want) {
			t.Fatalf("names = %q, want %q", got, want)
		}
		for _, name := range specialNames {
			entry := entries[name]
			if entry.Path != "odd/"+name {
				t.Errorf("%q: Path = %q, want %q", name, entry.Path, "odd/"+name)
			}
			if got := string(MustRead(t, client, entry.Path)); got != name {
				t.Errorf("%q: content = %q, want %q", name, got, name)
			}
		}
	})

	t.Run("OKVersionChanges", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "v.jpg", []byte("first"))
		first := MustList(t, client, "")["v.jpg"].Version
		if again := MustList(t, client, "")["v.jpg"].Version; again != first {
			t.Errorf("Version of an unchanged object = %q, then %q", first, again)
		}
		MustPut(t, client, "v.jpg", []byte("second"))
		if second := MustList(t, client, "")["v.jpg"].Version; second == first {
			t.Errorf("Version = %q before and after a rewrite", first)
		}
	})

	t.Run("OKEmptyBucket", func(t *testing.T) {
		fake := MustFakeS3(t)
		if got := MustList(t, MustClient(t, fake.Config("")), ""); len(got) != 0 {
			t.Errorf("names = %q, want none", sortedNames(got))
		}
	})

	t.Run("ErrNotExist", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""))
		MustPut(t, client, "a.jpg", []byte("a"))
		_, err := client.ListFolder(testContext(t), "missing")
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err = %v, want fs.ErrNotExist", err)
		}
	})

	t.Run("ErrOutside", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config("lib"))
		for _, folder := range []string{"..", "a/../..", "/abs", "a/./b"} {
			if _, err := client.ListFolder(testContext(t), folder); !errors.Is(err, library.ErrOutside) {
				t.Errorf("list %q: err = %v, want library.ErrOutside", folder, err)
			}
		}
	})

	t.Run("ErrNoSuchBucket", func(t *testing.T) {
		fake := MustFakeS3(t)
		config := fake.Config("")
		config.Bucket = "missing-bucket"
		_, err := MustClient(t, config).ListFolder(testContext(t), "")
		if !errors.Is(err, s3.ErrNoSuchBucket) {
			t.Errorf("err = %v, want s3.ErrNoSuchBucket", err)
		}
	})

	t.Run("ErrAccessDenied", func(t *testing.T) {
		fake := MustFakeS3(t)
		config := fake.Config("")
		config.AccessKey = "wrong-access"
		_, err := MustClient(t, config).ListFolder(testContext(t), "")
		if !errors.Is(err, s3.ErrAccessDenied) {
			t.Errorf("err = %v, want s3.ErrAccessDenied", err)
		}
	})

	t.Run("ErrUnreachable", func(t *testing.T) {
		fake := MustFakeS3(t)
		config := fake.Config("")
		config.Endpoint = "http://" + MustClosedPort(t)
		_, err := MustClient(t, config).ListFolder(testContext(t), "")
		if !errors.Is(err, s3.ErrUnreachable) {
			t.Errorf("err = %v, want s3.ErrUnreachable", err)
		}
	})
}

func TestVersion(t *testing.T) {
	modTime := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	base := s3.Version(`"abc"`, 10, modTime)
	for name, other := range map[string]string{
		"etag":    s3.Version(`"abd"`, 10, modTime),
		"size":    s3.Version(`"abc"`, 11, modTime),
		"modTime": s3.Version(`"abc"`, 10, modTime.Add(time.Nanosecond)),
	} {
		if other == base {
			t.Errorf("Version with another %s = %q, the same as before", name, other)
		}
	}
	if again := s3.Version(`"abc"`, 10, modTime); again != base {
		t.Errorf("Version = %q, then %q for the same object", base, again)
	}
}
