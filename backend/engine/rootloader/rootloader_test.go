package rootloader_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cshum/imagor"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
)

const libraryID = "lib"

// MustWriteFile writes data to name (slash-separated, inside dir), creating its folders.
func MustWriteFile(tb testing.TB, dir, name string, data []byte) string {
	tb.Helper()
	path := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// MustSymlink creates a symbolic link at name inside dir that points at target.
func MustSymlink(tb testing.TB, target, dir, name string) {
	tb.Helper()
	if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
		tb.Fatal(err)
	}
}

// MustRead returns the whole content of blob.
func MustRead(tb testing.TB, blob *imagor.Blob) []byte {
	tb.Helper()
	r, _, err := blob.NewReader()
	if err != nil {
		tb.Fatalf("open blob: %v", err)
	}
	defer r.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		tb.Fatalf("read blob: %v", err)
	}
	return data
}

// newLibrary creates a library folder and a folder beside it that is outside the library. It
// returns a Loader that serves the library as libraryID, and the library's path.
func newLibrary(t *testing.T) (*rootloader.Loader, string) {
	t.Helper()
	base := t.TempDir()
	lib := filepath.Join(base, "library")
	outside := filepath.Join(base, "outside")

	MustWriteFile(t, outside, "secret.jpg", []byte("outside the library"))
	MustWriteFile(t, lib, "x", []byte("library x"))
	MustWriteFile(t, lib, "a/b.jpg", []byte("library a/b.jpg"))
	MustWriteFile(t, lib, "%2e%2e", []byte("file named %2e%2e"))
	MustWriteFile(t, lib, "%2E%2E/x", []byte("file x in folder %2E%2E"))
	MustWriteFile(t, lib, "..hidden", []byte("file named ..hidden"))
	MustWriteFile(t, lib, "empty.jpg", nil)
	if err := os.MkdirAll(filepath.Join(lib, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	MustSymlink(t, filepath.Join(outside, "secret.jpg"), lib, "to-outside-abs.jpg")
	MustSymlink(t, "../outside/secret.jpg", lib, "to-outside-rel.jpg")
	MustSymlink(t, "../outside", lib, "outside-dir")
	MustSymlink(t, "a/b.jpg", lib, "to-inside-rel.jpg")
	MustSymlink(t, "../a/b.jpg", lib, "a/up-and-back.jpg")
	MustSymlink(t, filepath.Join(lib, "a", "b.jpg"), lib, "to-inside-abs.jpg")

	loader := rootloader.New()
	if err := loader.SetLibraries(map[string]string{libraryID: lib}); err != nil {
		t.Fatalf("SetLibraries: %v", err)
	}
	return loader, lib
}

func TestLoader_Get(t *testing.T) {
	loader, _ := newLibrary(t)

	served := []struct {
		name string
		key  string
		want string
	}{
		{"OKPlain", "lib/x", "library x"},
		{"OKNested", "lib/a/b.jpg", "library a/b.jpg"},
		// A file literally named "%2e%2e" is a name like any other, not an escape.
		{"OKLiteralPercentDots", "lib/%2e%2e", "file named %2e%2e"},
		{"OKLiteralPercentDotsFolder", "lib/%2E%2E/x", "file x in folder %2E%2E"},
		{"OKLeadingDots", "lib/..hidden", "file named ..hidden"},
		{"OKSymlinkInside", "lib/to-inside-rel.jpg", "library a/b.jpg"},
		{"OKSymlinkUpAndBackInside", "lib/a/up-and-back.jpg", "library a/b.jpg"},
		{"OKDotSegment", "lib/./x", "library x"},
	}
	for _, tc := range served {
		t.Run(tc.name, func(t *testing.T) {
			blob, err := loader.Get(nil, tc.key)
			if err != nil {
				t.Fatalf("Get(%q) error %v, want the file", tc.key, err)
			}
			if got := string(MustRead(t, blob)); got != tc.want {
				t.Errorf("Get(%q) content=%q, want %q", tc.key, got, tc.want)
			}
			// imagor may read a blob more than once (probe, then decode), so each read must reopen the file.
			if got := string(MustRead(t, blob)); got != tc.want {
				t.Errorf("Get(%q) second read content=%q, want %q", tc.key, got, tc.want)
			}
			if blob.Stat == nil || blob.Stat.Size != int64(len(tc.want)) {
				t.Errorf("Get(%q) Stat=%+v, want Size %d", tc.key, blob.Stat, len(tc.want))
			}
		})
	}

	rejected := []struct {
		name string
		key  string
		want error
	}{
		{"ErrDotDot", "lib/..", rootloader.ErrOutside},
		{"ErrDotDotFile", "lib/../outside/secret.jpg", rootloader.ErrOutside},
		{"ErrDotDotInside", "lib/a/../../x", rootloader.ErrOutside},
		// imagor query-unescapes the image part, so a URL with "%2e%2e/x" reaches the loader as "../x".
		{"ErrDecodedPercentDots", "lib/../x", rootloader.ErrOutside},
		{"ErrAbsolute", "lib//etc/passwd", rootloader.ErrOutside},
		{"ErrSymlinkOutsideAbsolute", "lib/to-outside-abs.jpg", rootloader.ErrOutside},
		{"ErrSymlinkOutsideRelative", "lib/to-outside-rel.jpg", rootloader.ErrOutside},
		{"ErrSymlinkedFolderOutside", "lib/outside-dir/secret.jpg", rootloader.ErrOutside},
		// os.Root follows no absolute symlink, even one whose target is inside the root.
		{"ErrSymlinkInsideAbsolute", "lib/to-inside-abs.jpg", rootloader.ErrOutside},
		{"ErrUnknownLibrary", "other/x", rootloader.ErrUnknownLibrary},
		{"ErrLibraryIDOnly", "lib", imagor.ErrNotFound},
		{"ErrLibraryRoot", "lib/", imagor.ErrNotFound},
		{"ErrMissing", "lib/missing.jpg", imagor.ErrNotFound},
		{"ErrEmpty", "lib/empty.jpg", rootloader.ErrEmptyFile},
		{"ErrFolder", "lib/folder", rootloader.ErrNotRegular},
	}
	for _, tc := range rejected {
		t.Run(tc.name, func(t *testing.T) {
			blob, err := loader.Get(nil, tc.key)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Get(%q) error=%v, want %v", tc.key, err, tc.want)
			}
			if blob != nil {
				t.Errorf("Get(%q) blob=%v, want nil", tc.key, blob)
			}
		})
	}
}

// TestLoader_GetErrorStatus checks the HTTP status imagor sends for each loader error, because
// the app classifies failures by it.
func TestLoader_GetErrorStatus(t *testing.T) {
	tests := []struct {
		err  imagor.Error
		want int
	}{
		{rootloader.ErrOutside, 403},
		{rootloader.ErrUnknownLibrary, 404},
		{rootloader.ErrEmptyFile, 422},
		{rootloader.ErrNotRegular, 422},
	}
	for _, tc := range tests {
		if got := imagor.WrapError(tc.err).Code; got != tc.want {
			t.Errorf("status of %q=%d, want %d", tc.err.Message, got, tc.want)
		}
	}
}

func TestLoader_SetLibraries(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		a, b := t.TempDir(), t.TempDir()
		MustWriteFile(t, a, "x", []byte("in a"))
		MustWriteFile(t, b, "x", []byte("in b"))
		loader := rootloader.New()
		if err := loader.SetLibraries(map[string]string{"a": a, "b": b}); err != nil {
			t.Fatalf("SetLibraries: %v", err)
		}
		got := loader.Libraries()
		if len(got) != 2 || got["a"] != a || got["b"] != b {
			t.Errorf("Libraries()=%v, want a=%s b=%s", got, a, b)
		}
		for id, want := range map[string]string{"a": "in a", "b": "in b"} {
			blob, err := loader.Get(nil, id+"/x")
			if err != nil {
				t.Fatalf("Get(%s/x): %v", id, err)
			}
			if got := string(MustRead(t, blob)); got != want {
				t.Errorf("Get(%s/x) content=%q, want %q", id, got, want)
			}
		}
	})

	t.Run("OKReplaceDropsOld", func(t *testing.T) {
		a, b := t.TempDir(), t.TempDir()
		MustWriteFile(t, a, "x", []byte("in a"))
		MustWriteFile(t, b, "x", []byte("in b"))
		loader := rootloader.New()
		if err := loader.SetLibraries(map[string]string{"a": a}); err != nil {
			t.Fatal(err)
		}
		if err := loader.SetLibraries(map[string]string{"b": b}); err != nil {
			t.Fatal(err)
		}
		if _, err := loader.Get(nil, "a/x"); !errors.Is(err, rootloader.ErrUnknownLibrary) {
			t.Errorf("Get(a/x) after a was removed error=%v, want %v", err, rootloader.ErrUnknownLibrary)
		}
		if _, err := loader.Get(nil, "b/x"); err != nil {
			t.Errorf("Get(b/x) error=%v, want the file", err)
		}
	})

	t.Run("OKSameIDNewFolder", func(t *testing.T) {
		a, b := t.TempDir(), t.TempDir()
		MustWriteFile(t, a, "x", []byte("in a"))
		MustWriteFile(t, b, "x", []byte("in b"))
		loader := rootloader.New()
		if err := loader.SetLibraries(map[string]string{"lib": a}); err != nil {
			t.Fatal(err)
		}
		if err := loader.SetLibraries(map[string]string{"lib": b}); err != nil {
			t.Fatal(err)
		}
		blob, err := loader.Get(nil, "lib/x")
		if err != nil {
			t.Fatal(err)
		}
		if got := string(MustRead(t, blob)); got != "in b" {
			t.Errorf("content after moving lib to a new folder=%q, want %q", got, "in b")
		}
	})

	t.Run("OKEmpty", func(t *testing.T) {
		loader := rootloader.New()
		if err := loader.SetLibraries(nil); err != nil {
			t.Errorf("SetLibraries(nil) error=%v, want nil", err)
		}
		if got := loader.Libraries(); len(got) != 0 {
			t.Errorf("Libraries()=%v, want empty", got)
		}
	})

	rejected := []struct {
		name    string
		id      string
		dir     string
		wantErr string
	}{
		{"ErrSlashInID", "a/b", "", "contain no slash"},
		{"ErrEmptyID", "", "", "must be non-empty"},
		{"ErrMissingFolder", "missing", "/nonexistent/imagor-studio-test", "open library missing"},
		{"ErrFileNotFolder", "file", "FILE", "open library file"},
	}
	for _, tc := range rejected {
		t.Run(tc.name, func(t *testing.T) {
			good := t.TempDir()
			MustWriteFile(t, good, "x", []byte("good"))
			dir := tc.dir
			switch dir {
			case "":
				dir = t.TempDir()
			case "FILE":
				dir = MustWriteFile(t, t.TempDir(), "plain-file", []byte("not a folder"))
			}
			loader := rootloader.New()
			err := loader.SetLibraries(map[string]string{tc.id: dir, "good": good})
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("SetLibraries error=%v, want one containing %q", err, tc.wantErr)
			}
			// The other libraries still apply.
			got := loader.Libraries()
			if len(got) != 1 || got["good"] != good {
				t.Errorf("Libraries()=%v, want only good=%s", got, good)
			}
			blob, err := loader.Get(nil, "good/x")
			if err != nil {
				t.Fatalf("Get(good/x) error=%v, want the file", err)
			}
			if got := MustRead(t, blob); !bytes.Equal(got, []byte("good")) {
				t.Errorf("Get(good/x) content=%q, want %q", got, "good")
			}
		})
	}
}
