package s3_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/imagor-studio/desktop/backend/s3"
)

// MustRandomBytes returns n pseudo-random bytes from a fixed seed.
func MustRandomBytes(tb testing.TB, n int) []byte {
	tb.Helper()
	data := make([]byte, n)
	source := rand.NewChaCha8([32]byte{1, 2, 3})
	if _, err := source.Read(data); err != nil {
		tb.Fatal(err)
	}
	return data
}

func TestClient_PutMultipart(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config("lib"), s3.WithMultipart(6<<20, s3.MinPartSize))
		data := MustRandomBytes(t, 12<<20+3)

		before := fake.parts.Load()
		MustPut(t, client, "video with space+.mp4", data)
		if got := fake.parts.Load() - before; got != 3 {
			t.Errorf("UploadPart requests = %d, want 3 (5 MiB, 5 MiB, 2 MiB + 3 bytes)", got)
		}
		if got := MustRead(t, client, "video with space+.mp4"); !bytes.Equal(got, data) {
			t.Errorf("content = %d bytes, want the %d bytes written", len(got), len(data))
		}
	})

	t.Run("OKUnseekableBody", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""), s3.WithMultipart(6<<20, s3.MinPartSize))
		data := MustRandomBytes(t, 11<<20)
		if err := client.Put(testContext(t), "big.bin", onlyReader{bytes.NewReader(data)}, int64(len(data))); err != nil {
			t.Fatal(err)
		}
		if got := MustRead(t, client, "big.bin"); !bytes.Equal(got, data) {
			t.Errorf("content = %d bytes, want the %d bytes written", len(got), len(data))
		}
	})

	t.Run("OKAtCutoff", func(t *testing.T) {
		fake := MustFakeS3(t)
		client := MustClient(t, fake.Config(""), s3.WithMultipart(6<<20, s3.MinPartSize))
		before := fake.parts.Load()
		MustPut(t, client, "exact.bin", MustRandomBytes(t, 6<<20))
		if got := fake.parts.Load() - before; got != 0 {
			t.Errorf("UploadPart requests = %d, want 0 for an object of exactly the cutoff", got)
		}
	})
}

func TestWithMultipart(t *testing.T) {
	t.Run("ErrInvalid", func(t *testing.T) {
		for _, sizes := range [][2]int64{
			{0, s3.MinPartSize},
			{s3.MaxSingleRequestSize + 1, s3.MinPartSize},
			{1 << 30, s3.MinPartSize - 1},
			{1 << 30, s3.MaxSingleRequestSize + 1},
		} {
			if _, err := s3.New(s3.Config{Bucket: "b"}, s3.WithMultipart(sizes[0], sizes[1])); err == nil {
				t.Errorf("WithMultipart(%d, %d): err = nil, want an error", sizes[0], sizes[1])
			}
		}
	})

	t.Run("OKPartSizeRaised", func(t *testing.T) {
		client := MustClient(t, s3.Config{Bucket: "b"}, s3.WithMultipart(s3.MinPartSize, s3.MinPartSize))
		if got := s3.PartSizeFor(client, 10_000*s3.MinPartSize); got != s3.MinPartSize {
			t.Errorf("part size for 10,000 parts = %d, want %d", got, s3.MinPartSize)
		}
		size := int64(10_000*s3.MinPartSize + 1)
		got := s3.PartSizeFor(client, size)
		if got <= s3.MinPartSize || got%(1<<20) != 0 {
			t.Errorf("part size for %d bytes = %d, want a whole number of MiB over 5 MiB", size, got)
		}
		if parts := (size + got - 1) / got; parts > 10_000 {
			t.Errorf("part size %d gives %d parts, want at most 10,000", got, parts)
		}
		if got := s3.PartSizeFor(client, s3.MaxObjectSize); got != s3.MaxSingleRequestSize {
			t.Errorf("part size for the largest object = %d, want %d", got, s3.MaxSingleRequestSize)
		}
	})
}
