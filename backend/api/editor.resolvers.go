package api

import (
	"context"
	"path/filepath"

	"github.com/imagor-studio/desktop/backend/api/model"
	"github.com/imagor-studio/desktop/backend/editor"
)

// SaveEditorSession is the resolver for the saveEditorSession field.
func (r *mutationResolver) SaveEditorSession(ctx context.Context, library string, path string, state any) (*model.EditorSession, error) {
	f, err := r.file(ctx, library, path)
	if err != nil {
		return nil, apiError(err, path)
	}
	src, err := r.source(ctx, f)
	if err != nil {
		return nil, renderError(err, path)
	}
	if err := r.saveSession(ctx, f, src, state); err != nil {
		return nil, apiError(err, path)
	}
	return r.editorSession(ctx, library, path)
}

// DiscardEditorSession is the resolver for the discardEditorSession field.
func (r *mutationResolver) DiscardEditorSession(ctx context.Context, library string, path string) (bool, error) {
	rel, err := cleanFile(path)
	if err != nil {
		return false, apiError(err, path)
	}
	existed, err := r.sessionExists(ctx, library, rel)
	if err != nil {
		return false, apiError(err, path)
	}
	if err := r.svc.Settings.DeleteSession(ctx, library, rel); err != nil {
		return false, apiError(err, path)
	}
	return existed, nil
}

// Export is the resolver for the export field.
func (r *mutationResolver) Export(ctx context.Context, library string, path string, ops *string, target string, replaceOriginal *bool) (string, error) {
	if !filepath.IsAbs(target) {
		return "", apiError(invalidf("target %q is not absolute: give the absolute path of the file to write", target), path)
	}
	f, err := r.file(ctx, library, path)
	if err != nil {
		return "", apiError(err, path)
	}
	operations, err := checkOps(deref(ops))
	if err != nil {
		return "", apiError(err, path)
	}
	if err := r.svc.checkExportTarget(target, f.abs, deref(replaceOriginal)); err != nil {
		return "", apiError(err, path)
	}
	ctx, cancel := context.WithTimeout(ctx, RenderTimeout)
	defer cancel()
	if err := editor.Export(ctx, r.svc.Engine, operations, f.key, target, f.abs, deref(replaceOriginal)); err != nil {
		return "", renderError(err, path)
	}
	return target, nil
}

// EditorPath is the resolver for the editorPath field.
func (r *queryResolver) EditorPath(ctx context.Context, library string, path string, state any, profile *string) (*model.EditorPath, error) {
	f, err := r.file(ctx, library, path)
	if err != nil {
		return nil, apiError(err, path)
	}
	src, err := r.source(ctx, f)
	if err != nil {
		return nil, renderError(err, path)
	}
	return r.editorPath(ctx, f, src, state, deref(profile))
}
