// Package s3loader is the engine's imagor loader for libraries kept in S3 buckets. An image key
// is "<library-id>/<path inside the library>", like rootloader's, and the object read is the
// library's prefix plus that path, exactly as stored. Paths with a ".." segment or a leading
// slash are rejected with rootloader.ErrOutside.
//
// imagor v1.9.4 tries its loaders in order until one returns a blob, and reports the error of
// the last one. Registered after rootloader, this loader would get every S3 key, but a local
// key that rootloader rejects (an empty file, say) would then report this loader's
// ErrUnknownLibrary. WithFallback avoids that: it sends each key to one loader only.
package s3loader

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"strings"
	"sync"

	"github.com/cshum/imagor"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/s3"
)

// Errors returned inside imagor errors, so the app can tell the user why a tile failed. A
// zero-byte object, a path outside the library and an unknown library id get rootloader's
// errors, which read the same for both kinds of library.
var (
	ErrNoSuchBucket = imagor.NewError("bucket not found: check the library's bucket name and region", http.StatusNotFound)
	ErrAccessDenied = imagor.NewError("access denied: check the library's access key and secret key", http.StatusForbidden)
	ErrUnreachable  = imagor.NewError("S3 endpoint unreachable: check the library's endpoint and the network", http.StatusBadGateway)
	ErrWrongRegion  = imagor.NewError("bucket is in another region: check the library's region", http.StatusBadGateway)
)

// Loader maps library ids to S3 clients. It is safe for concurrent use, and SetLibraries may
// replace the set while requests are served.
type Loader struct {
	mu      sync.RWMutex
	clients map[string]*s3.Client
	configs map[string]s3.Config // as given to SetLibraries, to keep clients whose config is unchanged
}

// New returns a Loader with no libraries.
func New() *Loader {
	return &Loader{clients: map[string]*s3.Client{}, configs: map[string]s3.Config{}}
}

// SetLibraries replaces the libraries with the given id to bucket configuration map. Clients
// whose configuration is unchanged are kept. A library whose id or configuration is invalid is
// reported and left out, and the others still apply.
func (l *Loader) SetLibraries(libraries map[string]s3.Config) error {
	l.mu.Lock()
	defer l.mu.Unlock()

	var errs []error
	clients := make(map[string]*s3.Client, len(libraries))
	configs := make(map[string]s3.Config, len(libraries))
	for id, config := range libraries {
		if strings.ContainsRune(id, '/') || id == "" {
			errs = append(errs, fmt.Errorf("invalid library id %q: use a non-empty id without a slash", id))
			continue
		}
		if client, ok := l.clients[id]; ok && l.configs[id] == config {
			clients[id], configs[id] = client, config
			continue
		}
		client, err := s3.New(config)
		if err != nil {
			errs = append(errs, fmt.Errorf("library %s: %w", id, err))
			continue
		}
		clients[id], configs[id] = client, config
	}
	l.clients, l.configs = clients, configs
	return errors.Join(errs...)
}

// Libraries returns a copy of the id to configuration map with every SecretKey removed, so it
// can be shown or logged.
func (l *Loader) Libraries() map[string]s3.Config {
	l.mu.RLock()
	defer l.mu.RUnlock()
	out := make(map[string]s3.Config, len(l.configs))
	for id, config := range l.configs {
		config.SecretKey = ""
		out[id] = config
	}
	return out
}

// Owns reports whether key names an image in one of the loader's libraries.
func (l *Loader) Owns(key string) bool {
	id := libraryID(key)
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.clients[id] != nil
}

// WithFallback returns an imagor.Loader that serves the keys of l's libraries from l and every
// other key from fallback, so that each key gets the error of its own loader.
func (l *Loader) WithFallback(fallback imagor.Loader) imagor.Loader {
	return routingLoader{s3: l, fallback: fallback}
}

type routingLoader struct {
	s3       *Loader
	fallback imagor.Loader
}

func (r routingLoader) Get(request *http.Request, key string) (*imagor.Blob, error) {
	if r.s3.Owns(key) {
		return r.s3.Get(request, key)
	}
	return r.fallback.Get(request, key)
}

// Get implements imagor.Loader. It sends one GetObject, whose body feeds the blob's first read,
// and opens the object again only for a later read. imagor v1.9.4 reads a blob (blob.Err) as
// soon as a loader returns it, so the first body is not left open. A caller outside imagor
// must read or release the blob.
func (l *Loader) Get(r *http.Request, key string) (*imagor.Blob, error) {
	client, rel, err := l.resolve(key)
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	object, err := client.OpenObject(ctx, rel)
	if err != nil {
		return nil, mapError(err)
	}
	if object.Entry.Size == 0 {
		_ = object.Body.Close()
		return nil, rootloader.ErrEmptyFile
	}
	blob := imagor.NewBlob(newReader(ctx, client, rel, object))
	blob.Stat = &imagor.Stat{Size: object.Entry.Size, ModifiedTime: object.Entry.ModTime}
	return blob, nil
}

// newReader returns the blob's reader function: object's body on the first call, and a new
// GetObject on each later one.
func newReader(ctx context.Context, client *s3.Client, rel string, object *s3.Object) func() (io.ReadCloser, int64, error) {
	var mu sync.Mutex
	first := object.Body
	size := object.Entry.Size
	return func() (io.ReadCloser, int64, error) {
		mu.Lock()
		body := first
		first = nil
		mu.Unlock()
		if body != nil {
			return body, size, nil
		}
		body, size, err := client.Open(ctx, rel)
		if err != nil {
			return nil, 0, mapError(err)
		}
		return body, size, nil
	}
}

func (l *Loader) resolve(key string) (*s3.Client, string, error) {
	_, rel, ok := strings.Cut(key, "/")
	if !ok || rel == "" {
		return nil, "", imagor.ErrNotFound
	}
	id := libraryID(key)
	l.mu.RLock()
	client := l.clients[id]
	l.mu.RUnlock()
	if client == nil {
		return nil, "", rootloader.ErrUnknownLibrary
	}
	return client, rel, nil
}

// libraryID returns the library id of key, without the "@<version>" that the editor's preview
// frames add so that imagor's in-memory cache, keyed by image key, never serves old pixels.
func libraryID(key string) string {
	id, _, _ := strings.Cut(key, "/")
	id, _, _ = strings.Cut(id, rootloader.VersionSeparator)
	return id
}

func mapError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return imagor.ErrNotFound
	case errors.Is(err, library.ErrOutside):
		return rootloader.ErrOutside
	case errors.Is(err, library.ErrInvalidPath):
		return imagor.NewError(err.Error(), http.StatusBadRequest)
	case errors.Is(err, s3.ErrNoSuchBucket):
		return ErrNoSuchBucket
	case errors.Is(err, s3.ErrAccessDenied):
		return ErrAccessDenied
	case errors.Is(err, s3.ErrUnreachable):
		return ErrUnreachable
	case errors.Is(err, s3.ErrWrongRegion):
		return ErrWrongRegion
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		// Returned unchanged, because imagor v1.9.4 checks for them with errors.Is: it maps
		// DeadlineExceeded to ErrTimeout and handles a cancelled request itself.
		return err
	}
	return imagor.NewError(err.Error(), http.StatusInternalServerError)
}
