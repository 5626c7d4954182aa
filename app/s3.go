package app

import (
	"context"
	"path/filepath"
	"time"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
)

// s3TestTimeout bounds the connection test before an S3 library is saved.
const s3TestTimeout = 20 * time.Second

// S3Input is a bucket the user wants to open as a library.
type S3Input struct {
	Name      string `json:"name"`
	Bucket    string `json:"bucket"`
	Prefix    string `json:"prefix"`
	Region    string `json:"region"`
	Endpoint  string `json:"endpoint"` // "" for AWS S3
	PathStyle bool   `json:"pathStyle"`
	AccessKey string `json:"accessKey"`
	SecretKey string `json:"secretKey"`
}

func (in S3Input) location() library.S3 {
	return library.S3{
		Bucket: in.Bucket, Prefix: in.Prefix, Region: in.Region, Endpoint: in.Endpoint,
		PathStyle: in.PathStyle, AccessKey: in.AccessKey, SecretKey: in.SecretKey,
	}
}

// TestS3 checks that the bucket is reachable and readable with the given keys. Its error says
// what is wrong: no such bucket, access denied, or an unreachable endpoint.
func (g *Gallery) TestS3(in S3Input) error {
	ctx, cancel := context.WithTimeout(g.app.context(), s3TestTimeout)
	defer cancel()
	client, err := s3.New(s3.Config(in.location()))
	if err != nil {
		return userError(err)
	}
	return userError(client.Test(ctx))
}

// AddS3Library tests the connection and, when it works, opens the bucket as a library.
func (g *Gallery) AddS3Library(in S3Input) (Library, error) {
	if err := g.TestS3(in); err != nil {
		return Library{}, err
	}
	lib, err := g.app.svc.Libraries.AddS3(g.app.context(), in.Name, in.location())
	if err != nil {
		return Library{}, userError(err)
	}
	return toLibrary(lib), nil
}

// source returns where the library's folders are read from: its open folder, or its bucket.
func (a *App) source(id string) (listing.Source, error) {
	lib, err := a.svc.Libraries.Get(id)
	if err != nil {
		return nil, err
	}
	if lib.Kind == library.KindS3 {
		client, err := a.svc.Buckets.Client(id)
		if err != nil {
			return nil, err
		}
		return client.Source(), nil
	}
	root, err := a.svc.Libraries.Root(id)
	if err != nil {
		return nil, err
	}
	return listing.RootSource{Root: root}, nil
}

// fileVersion returns the version of a file in a library and, for a folder library, its
// absolute path ("" for an S3 object, which has none on this disk).
func (a *App) fileVersion(libraryID, rel string) (string, string, error) {
	lib, err := a.svc.Libraries.Get(libraryID)
	if err != nil {
		return "", "", err
	}
	if lib.Kind == library.KindS3 {
		client, err := a.svc.Buckets.Client(libraryID)
		if err != nil {
			return "", "", err
		}
		ctx, cancel := context.WithTimeout(a.context(), s3TestTimeout)
		defer cancel()
		entry, err := client.Stat(ctx, rel)
		if err != nil {
			return "", "", err
		}
		return entry.Version, "", nil
	}
	root, err := a.svc.Libraries.Root(libraryID)
	if err != nil {
		return "", "", err
	}
	info, err := root.Stat(rel)
	if err != nil {
		return "", "", err
	}
	return listing.Version(info), filepath.Join(lib.Path, filepath.FromSlash(rel)), nil
}
