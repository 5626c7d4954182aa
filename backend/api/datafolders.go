package api

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/imagor-studio/desktop/backend/editor"
)

// checkImportSource rejects an import source that is in one of the app's data folders or
// contains one, so that no import copies config.db, the key file or the cache into a library.
func (s *Services) checkImportSource(src string) error {
	path := resolveOSPath(src)
	for _, dir := range s.DataFolders {
		data := resolveOSPath(dir)
		switch {
		case within(path, data):
			return invalidf("source %q is in the app's data folder %s, which contains its settings and secret key: it cannot be imported", src, dir)
		case within(data, path):
			return invalidf("source %q contains the app's data folder %s, which contains its settings and secret key: import the folders beside it instead", src, dir)
		}
	}
	return nil
}

// checkLibraryFolder rejects a library folder in one of the app's data folders, through which
// the file operations would reach config.db and the key file.
func (s *Services) checkLibraryFolder(folder string) error {
	path := resolveOSPath(folder)
	for _, dir := range s.DataFolders {
		if within(path, resolveOSPath(dir)) {
			return invalidf("folder %q is in the app's data folder %s, which contains its settings and secret key: open another folder", folder, dir)
		}
	}
	return nil
}

// checkExportTarget rejects a target in one of the app's data folders, and an existing file
// other than the original unless replace is set, so an export overwrites nothing by accident.
// NOTE: a file created at target between this check and the export's rename is replaced.
func (s *Services) checkExportTarget(target, original string, replace bool) error {
	path := resolveOSPath(target)
	for _, dir := range s.DataFolders {
		if within(path, resolveOSPath(dir)) {
			return invalidf("target %q is in the app's data folder %s, which contains its settings and secret key: choose a file outside it", target, dir)
		}
	}
	if _, err := os.Lstat(target); err == nil && !replace && !editor.SameFile(target, original) {
		return existsError(fmt.Sprintf("target %q already exists: choose another name, or pass replaceOriginal: true to write over it", target))
	}
	return nil
}

// resolveOSPath returns p cleaned, with its symbolic links resolved as far as they exist, so
// that a link to a data folder is recognised.
func resolveOSPath(p string) string {
	p = filepath.Clean(p)
	if resolved, err := filepath.EvalSymlinks(p); err == nil {
		return resolved
	}
	if parent, err := filepath.EvalSymlinks(filepath.Dir(p)); err == nil {
		return filepath.Join(parent, filepath.Base(p))
	}
	return p
}

// within reports whether p is dir or inside it; both are cleaned absolute paths.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// existsError is an ALREADY_EXISTS error whose message is the whole text.
type existsError string

func (e existsError) Error() string { return string(e) }

func (e existsError) Unwrap() error { return fs.ErrExist }
