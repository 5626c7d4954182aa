package sqlite

import (
	"context"

	"github.com/imagor-studio/desktop/backend/library"
)

// FolderLibraries returns the remembered folder libraries in order. It implements library.Store.
func (s *DB) FolderLibraries(ctx context.Context) ([]library.Library, error) {
	all, err := s.Libraries(ctx)
	if err != nil {
		return nil, err
	}
	var out []library.Library
	for _, l := range all {
		if l.Kind == KindFolder {
			out = append(out, library.Library{ID: l.ID, Name: l.Name, Path: l.Path})
		}
	}
	return out, nil
}

// SaveFolderLibrary remembers a folder library. It implements library.Store.
func (s *DB) SaveFolderLibrary(ctx context.Context, lib library.Library) error {
	return s.SaveLibrary(ctx, Library{ID: lib.ID, Kind: KindFolder, Name: lib.Name, Path: lib.Path})
}

var _ library.Store = (*DB)(nil)
