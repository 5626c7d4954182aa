package fileops

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// tempPrefix starts the names of unfinished copies and of entries being replaced. The leading
// dot hides them from listings.
const tempPrefix = ".imagor-studio-"

// checkName rejects newName unless it is one entry name a folder can hold on every platform the
// app runs on.
func checkName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fmt.Errorf("name %q: %w: give a name", name, ErrInvalid)
	case name == "." || name == "..":
		return fmt.Errorf("name %q: %w: . and .. are not names", name, ErrInvalid)
	case strings.ContainsAny(name, "/\x00"), filepath.Separator == '\\' && strings.ContainsRune(name, '\\'):
		return fmt.Errorf("name %q: %w: a name cannot contain a folder separator", name, ErrInvalid)
	case len(name) > 255:
		return fmt.Errorf("name %q: %w: %d bytes is over the 255 a name may have", name, ErrInvalid, len(name))
	case strings.HasPrefix(name, tempPrefix):
		return fmt.Errorf("name %q: %w: names starting with %s are the app's temporary files", name, ErrInvalid, tempPrefix)
	}
	return nil
}

// tempName returns a fresh name for an unfinished entry.
func tempName() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return tempPrefix + hex.EncodeToString(b[:]) + ".tmp"
}

// numbered matches a stem that already ends in " (n)".
var numbered = regexp.MustCompile(` \((\d+)\)$`)

// splitName splits name into its stem and extension. A folder, and a name whose only dot leads
// (".hidden"), has no extension.
func splitName(name string, folder bool) (string, string) {
	ext := path.Ext(name)
	if folder || ext == name || ext == "." {
		return name, ""
	}
	return strings.TrimSuffix(name, ext), ext
}

// keepBothName returns the first of "stem (1).ext", "stem (2).ext", ... for which taken is
// false. A stem that ends in " (n)" counts on from n+1, so "a (1).jpg" becomes "a (2).jpg".
func keepBothName(name string, folder bool, taken func(string) bool) string {
	stem, ext := splitName(name, folder)
	start := 1
	if m := numbered.FindStringSubmatch(stem); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n < 1_000_000 {
			stem, start = strings.TrimSuffix(stem, m[0]), n+1
		}
	}
	for n := start; ; n++ {
		candidate := fmt.Sprintf("%s (%d)%s", stem, n, ext)
		if !taken(candidate) {
			return candidate
		}
	}
}

// joinRel joins a library-relative folder ("" is the root) and a name.
func joinRel(folder, name string) string {
	if folder == "" {
		return name
	}
	return folder + "/" + name
}

// parentRel returns the folder of a library-relative path ("" for the root).
func parentRel(rel string) string {
	dir := path.Dir(rel)
	if dir == "." {
		return ""
	}
	return dir
}

// rootName turns a library-relative path into a name for os.Root ("." for the root).
func rootName(rel string) string {
	if rel == "" {
		return "."
	}
	return rel
}

// inside reports whether rel is folder or lies under it.
func inside(rel, folder string) bool {
	return rel == folder || folder == "" || strings.HasPrefix(rel, folder+"/")
}
