package app

import (
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/source"
)

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
	return userError(source.TestBucket(g.app.context(), in.location()))
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
	return a.resolver().Listing(id)
}

// fileVersion returns the version of a file in a library and, for a folder library, its
// absolute path ("" for an S3 object, which has none on this disk).
func (a *App) fileVersion(libraryID, rel string) (string, string, error) {
	return a.resolver().FileVersion(a.context(), libraryID, rel)
}

func (a *App) resolver() source.Resolver {
	return source.Resolver{Libraries: a.svc.Libraries, Buckets: a.svc.Buckets}
}
