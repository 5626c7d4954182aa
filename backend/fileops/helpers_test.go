package fileops_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
	"github.com/imagor-studio/desktop/backend/library"
)

// MustLibrary opens dir as a library of a new Set and returns a Service over the set and the
// library's id.
func MustLibrary(tb testing.TB, dir string) (*fileops.Service, *library.Set, string) {
	tb.Helper()
	set := library.NewSet(nil)
	lib, err := set.Add(dir)
	if err != nil {
		tb.Fatalf("add library %s: %v", dir, err)
	}
	return fileops.New(set, nil, nil), set, lib.ID
}

// MustAdd opens dir as one more library of set and returns its id.
func MustAdd(tb testing.TB, set *library.Set, dir string) string {
	tb.Helper()
	lib, err := set.Add(dir)
	if err != nil {
		tb.Fatalf("add library %s: %v", dir, err)
	}
	return lib.ID
}

// MustWrite writes content to rel under dir, making its folders.
func MustWrite(tb testing.TB, dir, rel, content string) {
	tb.Helper()
	full := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// MustRead returns the content of rel under dir.
func MustRead(tb testing.TB, dir, rel string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		tb.Fatalf("read %s: %v", rel, err)
	}
	return string(data)
}

// AssertMissing fails unless rel under dir does not exist.
func AssertMissing(tb testing.TB, dir, rel string) {
	tb.Helper()
	if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel))); !errors.Is(err, os.ErrNotExist) {
		tb.Errorf("%s exists (err %v), want it gone", rel, err)
	}
}

// Names returns the sorted names in dir.
func Names(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// Codes returns the failure codes of err by path; it fails the test when err is not a
// *fileops.Error.
func Codes(tb testing.TB, err error) map[string]fileops.Code {
	tb.Helper()
	var opErr *fileops.Error
	if !errors.As(err, &opErr) {
		tb.Fatalf("error %v (%T) is not a *fileops.Error", err, err)
	}
	codes := map[string]fileops.Code{}
	for _, f := range opErr.Failures {
		codes[f.Path] = f.Code
	}
	return codes
}
