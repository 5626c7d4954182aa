package settings

import (
	"context"
	"fmt"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/sqlite"
)

// LibraryStore remembers libraries in the config database with S3 keys sealed. It implements
// library.Store.
type LibraryStore struct {
	svc *Service
}

// Libraries returns the store for the library set.
func (s *Service) Libraries() LibraryStore {
	return LibraryStore{svc: s}
}

// Libraries returns the remembered libraries in order, with S3 keys opened. A key that no
// longer opens (a lost keychain) comes back empty, so the library still lists its name and the
// user can enter the keys again.
func (s LibraryStore) Libraries(ctx context.Context) ([]library.Library, error) {
	stored, err := s.svc.db.Libraries(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]library.Library, 0, len(stored))
	for _, l := range stored {
		lib := library.Library{ID: l.ID, Kind: l.Kind, Name: l.Name, Path: l.Path}
		if l.Kind == sqlite.KindS3 {
			lib.S3 = &library.S3{
				Bucket: l.S3.Bucket, Prefix: l.S3.Prefix, Region: l.S3.Region,
				Endpoint: l.S3.Endpoint, PathStyle: l.S3.PathStyle,
				AccessKey: s.open(l.S3.AccessKey, "s3_access_key", l.ID),
				SecretKey: s.open(l.S3.SecretKey, "s3_secret_key", l.ID),
			}
		}
		out = append(out, lib)
	}
	return out, nil
}

// SaveLibrary remembers a library, sealing its S3 keys.
func (s LibraryStore) SaveLibrary(ctx context.Context, lib library.Library) error {
	row := sqlite.Library{ID: lib.ID, Kind: lib.Kind, Name: lib.Name, Path: lib.Path}
	if lib.Kind == library.KindS3 && lib.S3 != nil {
		row.S3 = sqlite.S3Location{
			Bucket: lib.S3.Bucket, Prefix: lib.S3.Prefix, Region: lib.S3.Region,
			Endpoint: lib.S3.Endpoint, PathStyle: lib.S3.PathStyle,
		}
		var err error
		if row.S3.AccessKey, err = s.seal(lib.S3.AccessKey, "s3_access_key", lib.ID); err != nil {
			return err
		}
		if row.S3.SecretKey, err = s.seal(lib.S3.SecretKey, "s3_secret_key", lib.ID); err != nil {
			return err
		}
	}
	return s.svc.db.SaveLibrary(ctx, row)
}

// OrderLibraries stores the order of the libraries.
func (s LibraryStore) OrderLibraries(ctx context.Context, ids []string) error {
	return s.svc.db.OrderLibraries(ctx, ids)
}

// DeleteLibrary forgets a library.
func (s LibraryStore) DeleteLibrary(ctx context.Context, id string) error {
	return s.svc.db.DeleteLibrary(ctx, id)
}

func (s LibraryStore) seal(value, column, row string) ([]byte, error) {
	if value == "" {
		return nil, nil
	}
	sealed, err := s.svc.box.Seal([]byte(value), "libraries", column, row)
	if err != nil {
		return nil, fmt.Errorf("seal %s of library %s: %w", column, row, err)
	}
	return sealed, nil
}

func (s LibraryStore) open(sealed []byte, column, row string) string {
	if sealed == nil {
		return ""
	}
	plain, err := s.svc.box.Open(sealed, "libraries", column, row)
	if err != nil {
		return ""
	}
	return string(plain)
}

var _ library.Store = LibraryStore{}
