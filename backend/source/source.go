// Package source resolves a library to where its files are read from: its folder, opened
// through an os.Root so no path leads outside it, or its S3 bucket.
package source

import (
	"context"
	"path/filepath"
	"time"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
)

// Timeouts of the requests to a bucket.
const (
	statTimeout       = 20 * time.Second // the request for one S3 object's version
	bucketTestTimeout = 20 * time.Second // the connection test before a bucket is opened
)

// Resolver finds the listing source and the file versions of the open libraries.
type Resolver struct {
	Libraries *library.Set
	Buckets   *s3.Pool
}

// Listing returns where the library's folders are read from: its open folder, or its bucket.
func (r Resolver) Listing(id string) (listing.Source, error) {
	lib, err := r.Libraries.Get(id)
	if err != nil {
		return nil, err
	}
	if lib.Kind == library.KindS3 {
		client, err := r.Buckets.Client(id)
		if err != nil {
			return nil, err
		}
		return client.Source(), nil
	}
	root, err := r.Libraries.Root(id)
	if err != nil {
		return nil, err
	}
	return listing.RootSource{Root: root}, nil
}

// FileVersion returns the version of the file at rel (cleaned) in a library and, for a folder
// library, its absolute path ("" for an S3 object, which has none on this disk).
func (r Resolver) FileVersion(ctx context.Context, libraryID, rel string) (string, string, error) {
	lib, err := r.Libraries.Get(libraryID)
	if err != nil {
		return "", "", err
	}
	if lib.Kind == library.KindS3 {
		client, err := r.Buckets.Client(libraryID)
		if err != nil {
			return "", "", err
		}
		ctx, cancel := context.WithTimeout(ctx, statTimeout)
		defer cancel()
		entry, err := client.Stat(ctx, rel)
		if err != nil {
			return "", "", err
		}
		return entry.Version, "", nil
	}
	root, err := r.Libraries.Root(libraryID)
	if err != nil {
		return "", "", err
	}
	info, err := root.Stat(rel)
	if err != nil {
		return "", "", err
	}
	return listing.Version(info), filepath.Join(lib.Path, filepath.FromSlash(rel)), nil
}

// TestBucket checks that the bucket is reachable and readable with the given keys, within 20
// seconds. Its error names the cause: no such bucket, access denied, or an unreachable endpoint.
func TestBucket(ctx context.Context, bucket library.S3) error {
	ctx, cancel := context.WithTimeout(ctx, bucketTestTimeout)
	defer cancel()
	client, err := s3.New(s3.Config(bucket))
	if err != nil {
		return err
	}
	return client.Test(ctx)
}
