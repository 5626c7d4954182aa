// Package library keeps the set of folders the user has opened and resolves paths inside them.
// A library is a local folder with a stable id; every path the UI sends is relative to one, and
// no path may leave it.
package library

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Errors returned by Set and by Resolve.
var (
	ErrNotFound    = errors.New("library not found")
	ErrNotFolder   = errors.New("not a folder")
	ErrOutside     = errors.New("path is outside the library")
	ErrInvalidPath = errors.New("invalid path")
	ErrNotSaved    = errors.New("not saved in the settings")
)

// Library kinds.
const (
	KindFolder = "folder"
	KindS3     = "s3"
)

// Library is a folder or an S3 bucket prefix the user opened.
type Library struct {
	ID   string
	Kind string // KindFolder or KindS3
	Name string
	Path string // a folder's absolute, cleaned path; "s3://bucket/prefix" for a bucket
	S3   *S3    // set for KindS3
}

// S3 is where an S3 library's objects are. Its fields match s3.Config, so one converts to the
// other.
type S3 struct {
	Bucket    string
	Prefix    string
	Region    string
	Endpoint  string
	PathStyle bool
	AccessKey string
	SecretKey string
}

// IDFor returns the id of the library at dir: the first 12 hex digits of the SHA-256 of its
// absolute path, so the same folder gets the same id, and the same cached thumbnails, after a
// restart. The id is hex, so it can never be read as an imagor URL keyword.
func IDFor(dir string) string {
	sum := sha256.Sum256([]byte(dir))
	return hex.EncodeToString(sum[:6])
}

// Store remembers libraries across restarts, S3 keys included. The settings package implements
// it over the config database, with the keys sealed.
type Store interface {
	Libraries(ctx context.Context) ([]Library, error)
	SaveLibrary(ctx context.Context, lib Library) error
	DeleteLibrary(ctx context.Context, id string) error
	OrderLibraries(ctx context.Context, ids []string) error
}

// Set is the ordered set of open libraries. It is safe for concurrent use.
type Set struct {
	store     Store // nil keeps libraries in memory only
	mu        sync.RWMutex
	libraries []Library
	roots     map[string]*os.Root
	onChange  []func([]Library)
}

// NewSet returns an empty Set that remembers libraries in store, which may be nil.
func NewSet(store Store) *Set {
	return &Set{store: store, roots: map[string]*os.Root{}}
}

// Restore opens the libraries the store remembers, in their order. A remembered folder that is
// missing now (an unplugged drive) stays remembered and is returned in missing.
func (s *Set) Restore(ctx context.Context) ([]Library, error) {
	if s.store == nil {
		return nil, nil
	}
	remembered, err := s.store.Libraries(ctx)
	if err != nil {
		return nil, fmt.Errorf("restore libraries: %w", err)
	}
	var missing []Library
	for _, lib := range remembered {
		if lib.Kind == KindS3 {
			s.insert(lib)
			continue
		}
		opened, err := s.add(lib.Path, false)
		if err != nil {
			missing = append(missing, lib)
			continue
		}
		if lib.Name != "" && lib.Name != opened.Name {
			opened.Name = lib.Name // a name the user gave it
			s.insert(opened)
		}
	}
	return missing, nil
}

// OnChange registers fn to be called, outside the lock, with the new list after every change.
func (s *Set) OnChange(fn func([]Library)) {
	s.mu.Lock()
	s.onChange = append(s.onChange, fn)
	s.mu.Unlock()
}

// Add opens dir as a library, remembers it, and returns it. Adding a folder that is already open
// returns the existing library. dir must be an existing folder; a relative dir is taken from the
// working directory. When the store fails, the library is open for this run only and the error
// wraps ErrNotSaved.
func (s *Set) Add(dir string) (Library, error) {
	return s.add(dir, true)
}

func (s *Set) add(dir string, save bool) (Library, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return Library{}, fmt.Errorf("add library %q: %w", dir, err)
	}
	info, err := os.Stat(abs)
	if err != nil {
		return Library{}, fmt.Errorf("add library %q: %w", abs, err)
	}
	if !info.IsDir() {
		return Library{}, fmt.Errorf("add library %q: %w", abs, ErrNotFolder)
	}

	s.mu.Lock()
	id := IDFor(abs)
	if i := slices.IndexFunc(s.libraries, func(l Library) bool { return l.ID == id }); i >= 0 {
		lib := s.libraries[i]
		s.mu.Unlock()
		return lib, nil
	}
	root, err := os.OpenRoot(abs)
	if err != nil {
		s.mu.Unlock()
		return Library{}, fmt.Errorf("add library %q: %w", abs, err)
	}
	lib := Library{ID: id, Kind: KindFolder, Name: displayName(abs), Path: abs}
	s.libraries = append(s.libraries, lib)
	s.roots[id] = root
	list, listeners := s.snapshot()
	s.mu.Unlock()

	notify(listeners, list)
	if save && s.store != nil {
		if err := s.store.SaveLibrary(context.Background(), lib); err != nil {
			return lib, fmt.Errorf("remember library %q: %w: %w", abs, ErrNotSaved, err)
		}
	}
	return lib, nil
}

// insert adds or replaces lib, which needs no open folder, and notifies the listeners.
func (s *Set) insert(lib Library) {
	s.mu.Lock()
	if i := slices.IndexFunc(s.libraries, func(l Library) bool { return l.ID == lib.ID }); i >= 0 {
		s.libraries[i] = lib
	} else {
		s.libraries = append(s.libraries, lib)
	}
	list, listeners := s.snapshot()
	s.mu.Unlock()
	notify(listeners, list)
}

// Remove closes the library with the given id. Files are not touched.
func (s *Set) Remove(id string) error {
	s.mu.Lock()
	i := slices.IndexFunc(s.libraries, func(l Library) bool { return l.ID == id })
	if i < 0 {
		s.mu.Unlock()
		return fmt.Errorf("remove library %q: %w", id, ErrNotFound)
	}
	s.libraries = slices.Delete(s.libraries, i, i+1)
	if root := s.roots[id]; root != nil {
		root.Close()
		delete(s.roots, id)
	}
	list, listeners := s.snapshot()
	s.mu.Unlock()

	notify(listeners, list)
	if s.store != nil {
		if err := s.store.DeleteLibrary(context.Background(), id); err != nil {
			return fmt.Errorf("forget library %q: %w: %w", id, ErrNotSaved, err)
		}
	}
	return nil
}

// List returns the libraries in the order they were added.
func (s *Set) List() []Library {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.libraries)
}

// Get returns the library with the given id.
func (s *Set) Get(id string) (Library, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, lib := range s.libraries {
		if lib.ID == id {
			return lib, nil
		}
	}
	return Library{}, fmt.Errorf("library %q: %w", id, ErrNotFound)
}

// Root returns the open folder of the library with the given id. Every file access inside a
// library goes through it, so no path can lead outside.
func (s *Set) Root(id string) (*os.Root, error) {
	s.mu.RLock()
	root := s.roots[id]
	s.mu.RUnlock()
	if root == nil {
		return nil, fmt.Errorf("library %q: %w (or not a folder)", id, ErrNotFound)
	}
	return s.reopenIfReplaced(id, root)
}

// reopenIfReplaced returns root, or a new root when the library's folder was deleted and made
// again since root was opened: the old handle still points at the deleted folder, which lists as
// empty.
func (s *Set) reopenIfReplaced(id string, root *os.Root) (*os.Root, error) {
	lib, err := s.Get(id)
	if err != nil {
		return nil, err
	}
	now, err := os.Stat(lib.Path)
	if err != nil {
		return root, nil // missing now: listing through root reports it
	}
	opened, err := root.Stat(".")
	if err == nil && os.SameFile(now, opened) {
		return root, nil
	}
	fresh, err := os.OpenRoot(lib.Path)
	if err != nil {
		return nil, fmt.Errorf("reopen library %q: %w", lib.Path, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.roots[id] != root {
		fresh.Close()
		return s.roots[id], nil // another caller reopened it first
	}
	s.roots[id] = fresh
	// The old handle is not closed: a listing may still be reading through it.
	return fresh, nil
}

// Paths returns the id to folder map of every folder library, the form the engine takes.
func (s *Set) Paths() map[string]string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	paths := make(map[string]string, len(s.libraries))
	for _, lib := range s.libraries {
		if lib.Kind == KindFolder {
			paths[lib.ID] = lib.Path
		}
	}
	return paths
}

// Find returns the library that contains the absolute path abs and abs relative to it. When
// libraries are nested, the innermost wins.
func (s *Set) Find(abs string) (Library, string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var best Library
	var bestRel string
	found := false
	for _, lib := range s.libraries {
		if lib.Kind != KindFolder {
			continue
		}
		rel, err := filepath.Rel(lib.Path, abs)
		if err != nil || !filepath.IsLocal(rel) && rel != "." {
			continue
		}
		if !found || len(lib.Path) > len(best.Path) {
			best, bestRel, found = lib, filepath.ToSlash(rel), true
		}
	}
	if bestRel == "." {
		bestRel = ""
	}
	return best, bestRel, found
}

func (s *Set) snapshot() ([]Library, []func([]Library)) {
	return slices.Clone(s.libraries), slices.Clone(s.onChange)
}

func notify(listeners []func([]Library), list []Library) {
	for _, fn := range listeners {
		fn(list)
	}
}

func displayName(abs string) string {
	name := filepath.Base(abs)
	if name == string(filepath.Separator) || name == "." || strings.HasSuffix(name, ":\\") {
		return abs
	}
	return name
}
