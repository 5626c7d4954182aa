// Package rootloader is the engine's imagor loader for library folders. An image key is
// "<library-id>/<path inside the library>", and the path is opened exactly as stored, through an
// os.Root per library, so names with spaces, "+", "%" or leading dots reach their own file and
// nothing outside the library can be read: os.Root rejects "..", absolute paths and symlinks
// that lead out of the folder.
//
// The editor's preview frames use "<library-id>@<version>/<path>". imagor's in-memory image
// cache is keyed by image key only, so the version makes a changed file miss the cache. The
// loader ignores the version.
package rootloader

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/cshum/imagor"

	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/rawpreview"
)

// Errors returned inside imagor errors, so the app can tell the user why a tile failed.
var (
	ErrEmptyFile      = imagor.NewError("empty file: the file has zero bytes", http.StatusUnprocessableEntity)
	ErrNotRegular     = imagor.NewError("not a regular file", http.StatusUnprocessableEntity)
	ErrUnknownLibrary = imagor.NewError("unknown library", http.StatusNotFound)
	ErrOutside        = imagor.NewError("path is outside the library", http.StatusForbidden)
)

// VersionSeparator separates the library id from the file version in a preview key.
const VersionSeparator = "@"

// Loader maps library ids to open folders. It is safe for concurrent use, and SetLibraries may
// replace the set while requests are served.
type Loader struct {
	mu     sync.RWMutex
	roots  map[string]*os.Root
	paths  map[string]string
	ffmpeg string // executable for video frames; "" turns them off
	frames frames
}

// New returns a Loader with no libraries.
func New() *Loader {
	return &Loader{roots: map[string]*os.Root{}, paths: map[string]string{}}
}

// SetLibraries replaces the libraries with the given id to folder map. Folders already open keep
// their handle; a folder that cannot be opened is reported and left out, the others still apply.
func (l *Loader) SetLibraries(libraries map[string]string) error {
	l.mu.Lock()
	defer l.mu.Unlock()

	var errs []error
	roots := make(map[string]*os.Root, len(libraries))
	paths := make(map[string]string, len(libraries))
	for id, dir := range libraries {
		if strings.ContainsRune(id, '/') || id == "" {
			errs = append(errs, fmt.Errorf("library id %q: must be non-empty and contain no slash", id))
			continue
		}
		if root, ok := l.roots[id]; ok && l.paths[id] == dir {
			roots[id], paths[id] = root, dir
			continue
		}
		root, err := os.OpenRoot(dir)
		if err != nil {
			errs = append(errs, fmt.Errorf("open library %s: %w", id, err))
			continue
		}
		roots[id], paths[id] = root, dir
	}
	for id, root := range l.roots {
		if roots[id] != root {
			_ = root.Close()
		}
	}
	l.roots, l.paths = roots, paths
	return errors.Join(errs...)
}

// Libraries returns a copy of the id to folder map.
func (l *Loader) Libraries() map[string]string {
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make(map[string]string, len(l.paths))
	for id, dir := range l.paths {
		out[id] = dir
	}
	return out
}

// Get implements imagor.Loader. It opens key on each read of the blob, so imagor may read the
// file more than once (probe, then decode) without holding a descriptor in between.
func (l *Loader) Get(r *http.Request, key string) (*imagor.Blob, error) {
	root, name, err := l.resolve(key)
	if err != nil {
		return nil, err
	}
	info, err := root.Stat(name)
	if err != nil {
		return nil, mapError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if info.Size() == 0 {
		return nil, ErrEmptyFile
	}
	switch {
	case rawpreview.IsRaw(name):
		return rawBlob(root, name, info)
	case listing.KindOf(name) == listing.KindVideo:
		return l.videoBlob(r, root, libraryOf(key), name, info)
	}
	if err := l.checkFile(root, name, info.Size()); err != nil {
		return nil, err
	}
	blob := imagor.NewBlob(func() (io.ReadCloser, int64, error) {
		file, err := root.Open(name)
		if err != nil {
			return nil, 0, mapError(err)
		}
		return file, info.Size(), nil
	})
	blob.Stat = &imagor.Stat{Size: info.Size(), ModifiedTime: info.ModTime()}
	return blob, nil
}

// checkFile opens the file once to find a truncated JPEG or PNG before libvips decodes it.
func (l *Loader) checkFile(root *os.Root, name string, size int64) error {
	file, err := root.Open(name)
	if err != nil {
		return mapError(err)
	}
	defer file.Close()
	return checkComplete(file, size)
}

// libraryOf returns the library id of key, without a version.
func libraryOf(key string) string {
	id, _, _ := strings.Cut(key, "/")
	id, _, _ = strings.Cut(id, VersionSeparator)
	return id
}

func (l *Loader) resolve(key string) (*os.Root, string, error) {
	id, name, ok := strings.Cut(key, "/")
	if !ok || name == "" {
		return nil, "", imagor.ErrNotFound
	}
	id, _, _ = strings.Cut(id, VersionSeparator)
	if strings.ContainsRune(name, 0) {
		return nil, "", imagor.NewError("invalid path: contains a NUL byte", http.StatusBadRequest)
	}
	if !filepath.IsLocal(name) {
		return nil, "", ErrOutside
	}
	l.mu.RLock()
	root, dir := l.roots[id], l.paths[id]
	l.mu.RUnlock()
	if root == nil {
		return nil, "", ErrUnknownLibrary
	}
	return l.reopenIfReplaced(id, dir, root), name, nil
}

// reopenIfReplaced returns root, or a new root when the library's folder was deleted and made
// again since root was opened: the old handle still points at the deleted folder.
func (l *Loader) reopenIfReplaced(id, dir string, root *os.Root) *os.Root {
	now, err := os.Stat(dir)
	if err != nil {
		return root
	}
	if opened, err := root.Stat("."); err == nil && os.SameFile(now, opened) {
		return root
	}
	fresh, err := os.OpenRoot(dir)
	if err != nil {
		return root
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.roots[id] != root {
		fresh.Close()
		return l.roots[id]
	}
	// The old handle stays open: a request may still be reading through it.
	l.roots[id] = fresh
	return fresh
}

func mapError(err error) error {
	var pathErr *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return imagor.ErrNotFound
	case errors.Is(err, fs.ErrPermission):
		return imagor.NewError("permission denied", http.StatusForbidden)
	case errors.As(err, &pathErr) && !isErrno(pathErr.Err):
		// os.Root reports a path that leaves the root (through a symlink, since the name itself
		// was checked) with an unexported error instead of an errno.
		return ErrOutside
	}
	return imagor.NewError(err.Error(), http.StatusInternalServerError)
}

func isErrno(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno)
}
