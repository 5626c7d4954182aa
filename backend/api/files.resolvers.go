package api

import (
	"context"
	"path/filepath"

	"github.com/imagor-studio/desktop/backend/api/model"
)

// CreateFolder is the resolver for the createFolder field.
func (r *mutationResolver) CreateFolder(ctx context.Context, library string, path string) (string, error) {
	created, err := r.svc.Files.CreateFolder(ctx, library, path)
	return singleResult(ctx, created, err)
}

// Rename is the resolver for the rename field.
func (r *mutationResolver) Rename(ctx context.Context, library string, path string, newName string) (string, error) {
	renamed, err := r.svc.Files.Rename(ctx, library, path, newName)
	return singleResult(ctx, renamed, err)
}

// Move is the resolver for the move field.
func (r *mutationResolver) Move(ctx context.Context, library string, paths []string, to string, toLibrary *string, onClash *model.Clash) ([]string, error) {
	moved, err := r.svc.Files.Move(ctx, library, paths, to, options(onClash, toLibrary))
	return fileResult(ctx, moved, err)
}

// Copy is the resolver for the copy field.
func (r *mutationResolver) Copy(ctx context.Context, library string, paths []string, to string, toLibrary *string, onClash *model.Clash) ([]string, error) {
	copied, err := r.svc.Files.Copy(ctx, library, paths, to, options(onClash, toLibrary))
	return fileResult(ctx, copied, err)
}

// Duplicate is the resolver for the duplicate field.
func (r *mutationResolver) Duplicate(ctx context.Context, library string, paths []string) ([]string, error) {
	copies, err := r.svc.Files.Duplicate(ctx, library, paths, options(nil, nil))
	return fileResult(ctx, copies, err)
}

// Trash is the resolver for the trash field.
func (r *mutationResolver) Trash(ctx context.Context, library string, paths []string) ([]string, error) {
	trashed, err := r.svc.Files.Trash(ctx, library, paths, options(nil, nil))
	return fileResult(ctx, trashed, err)
}

// Delete is the resolver for the delete field.
func (r *mutationResolver) Delete(ctx context.Context, library string, paths []string) ([]string, error) {
	removed, err := r.svc.Files.Delete(ctx, library, paths, options(nil, nil))
	return fileResult(ctx, removed, err)
}

// ImportFiles is the resolver for the importFiles field.
func (r *mutationResolver) ImportFiles(ctx context.Context, library string, folder string, sources []string, onClash *model.Clash) ([]string, error) {
	for _, src := range sources {
		if !filepath.IsAbs(src) {
			return nil, apiError(invalidf("source %q is not absolute: give the absolute path of the file or folder to import", src), src)
		}
		if err := r.svc.checkImportSource(src); err != nil {
			return nil, apiError(err, src)
		}
	}
	imported, err := r.svc.Files.Import(ctx, library, folder, sources, options(onClash, nil))
	return fileResult(ctx, imported, err)
}

// Undo is the resolver for the undo field.
func (r *mutationResolver) Undo(ctx context.Context) (*model.UndoResult, error) {
	undone, err := r.svc.Files.Undo(ctx)
	if err != nil && undone.Kind == "" {
		// Nothing was reverted, so there is no result to return beside the error.
		_, err = singleResult(ctx, "", err)
		return nil, err
	}
	paths, err := fileResult(ctx, undone.Paths, err)
	if err != nil {
		return nil, err
	}
	return &model.UndoResult{Kind: undone.Kind, Library: undone.Library, Paths: paths}, nil
}

// Rescan is the resolver for the rescan field.
func (r *mutationResolver) Rescan(ctx context.Context, library string, paths []string) (bool, error) {
	if _, err := r.svc.Libraries.Get(library); err != nil {
		return false, apiError(err, "")
	}
	for _, p := range paths {
		rel, err := libraryRel(p)
		if err != nil {
			return false, apiError(err, p)
		}
		r.svc.Lister.Invalidate(library, rel)
	}
	return true, nil
}

// UndoLabel is the resolver for the undoLabel field.
func (r *queryResolver) UndoLabel(ctx context.Context) (string, error) {
	return r.svc.Files.UndoLabel(), nil
}

// LocalPath is the resolver for the localPath field.
func (r *queryResolver) LocalPath(ctx context.Context, library string, path string) (string, error) {
	abs, err := r.svc.Files.LocalPath(ctx, library, path)
	return singleResult(ctx, abs, err)
}
