package library

import (
	"context"
	"fmt"
	"strings"
)

// AddS3 opens an S3 bucket prefix as a library named name and remembers it. The caller tests
// the connection first. Adding the same bucket prefix again updates its name and keys.
func (s *Set) AddS3(ctx context.Context, name string, bucket S3) (Library, error) {
	if bucket.Bucket == "" {
		return Library{}, fmt.Errorf("add S3 library: %w: the bucket name is empty", ErrInvalidPath)
	}
	location := "s3://" + bucket.Bucket + "/" + strings.Trim(bucket.Prefix, "/")
	id := IDFor(bucket.Endpoint + "|" + location)
	if strings.TrimSpace(name) == "" {
		name = bucket.Bucket
	}
	cfg := bucket
	lib := Library{ID: id, Kind: KindS3, Name: strings.TrimSpace(name), Path: location, S3: &cfg}
	s.insert(lib)
	if s.store != nil {
		if err := s.store.SaveLibrary(ctx, lib); err != nil {
			return lib, fmt.Errorf("remember library %q: %w: %w", location, ErrNotSaved, err)
		}
	}
	return lib, nil
}

// Buckets returns the id to bucket map of every S3 library.
func (s *Set) Buckets() map[string]S3 {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := map[string]S3{}
	for _, lib := range s.libraries {
		if lib.Kind == KindS3 && lib.S3 != nil {
			out[lib.ID] = *lib.S3
		}
	}
	return out
}
