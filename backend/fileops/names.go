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
	"unicode/utf8"
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
	case len(name) > maxNameBytes:
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

// maxNameBytes is the longest entry name, in bytes, of ext4, btrfs, xfs, APFS and NTFS (there
// 255 UTF-16 units).
const maxNameBytes = 255

// maxKeepBoth bounds the numbers keepBothName tries before it gives up.
const maxKeepBoth = 10000

// keepBothName returns the first of "stem (1).ext", "stem (2).ext", ... for which taken returns
// false. A stem that ends in " (n)" counts on from n+1, so "a (1).jpg" becomes "a (2).jpg". The
// stem is shortened, at a character boundary, so the name fits in maxNameBytes. An error of
// taken ends the search with that error.
func keepBothName(name string, folder bool, taken func(string) (bool, error)) (string, error) {
	stem, ext := splitName(name, folder)
	if len(ext) > maxNameBytes/2 {
		stem, ext = name, "" // an extension this long is part of the name
	}
	start := 1
	if m := numbered.FindStringSubmatch(stem); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n < 1_000_000 {
			stem, start = strings.TrimSuffix(stem, m[0]), n+1
		}
	}
	for n := start; n < start+maxKeepBoth; n++ {
		candidate := fitName(stem, fmt.Sprintf(" (%d)%s", n, ext))
		busy, err := taken(candidate)
		if err != nil {
			return "", fmt.Errorf("name %q: %w", candidate, err)
		}
		if !busy {
			return candidate, nil
		}
	}
	return "", fmt.Errorf("name %q: %w: numbers %d to %d are all taken; rename some copies or choose replace",
		name, ErrExists, start, start+maxKeepBoth-1)
}

// fitName returns stem+suffix, with stem shortened at a character boundary so that the name
// has at most maxNameBytes bytes.
func fitName(stem, suffix string) string {
	for len(stem) > 0 && len(stem)+len(suffix) > maxNameBytes {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	return stem + suffix
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
