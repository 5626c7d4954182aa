package library

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// CleanRel checks a slash-separated path relative to a library and returns it cleaned. "" is the
// library root. It rejects absolute paths, ".." segments (also when they were percent-encoded
// and decoded before reaching here), backslashes and NUL bytes; it does not touch the disk, so
// callers open the result through an os.Root to stop symlinks that lead out.
func CleanRel(rel string) (string, error) {
	if rel == "" || rel == "/" || rel == "." {
		return "", nil
	}
	if strings.ContainsRune(rel, 0) {
		return "", fmt.Errorf("path %q: %w: contains a NUL byte", rel, ErrInvalidPath)
	}
	if strings.ContainsRune(rel, '\\') && filepath.Separator == '\\' {
		return "", fmt.Errorf("path %q: %w: use / between folders", rel, ErrInvalidPath)
	}
	if strings.HasPrefix(rel, "/") || filepath.IsAbs(rel) {
		return "", fmt.Errorf("path %q: %w: absolute paths are not allowed", rel, ErrOutside)
	}
	for _, segment := range strings.Split(rel, "/") {
		if segment == ".." {
			return "", fmt.Errorf("path %q: %w", rel, ErrOutside)
		}
	}
	cleaned := path.Clean(rel)
	if cleaned == "." {
		return "", nil
	}
	return cleaned, nil
}

// Key returns the engine's image key for rel inside the library with the given id.
func Key(id, rel string) string {
	return id + "/" + rel
}
