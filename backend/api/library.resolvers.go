package api

import (
	"context"
	"encoding/json"
	"path"
	"path/filepath"
	"strings"

	"github.com/imagor-studio/desktop/backend/api/generated"
	"github.com/imagor-studio/desktop/backend/api/model"
	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/source"
)

// Width is the resolver for the width field.
func (r *entryResolver) Width(ctx context.Context, obj *model.Entry) (*int, error) {
	src, ok := r.entrySource(ctx, obj)
	if !ok {
		return nil, nil
	}
	return &src.Width, nil
}

// Height is the resolver for the height field.
func (r *entryResolver) Height(ctx context.Context, obj *model.Entry) (*int, error) {
	src, ok := r.entrySource(ctx, obj)
	if !ok {
		return nil, nil
	}
	return &src.Height, nil
}

// ThumbnailURL is the resolver for the thumbnailUrl field.
func (r *entryResolver) ThumbnailURL(ctx context.Context, obj *model.Entry) (*string, error) {
	if obj.Kind != string(listing.KindImage) {
		return nil, nil
	}
	unsafePath := imageurl.Thumbnail(library.Key(obj.Library, obj.Path), obj.Version, imageurl.ThumbnailSize)
	url, err := absoluteImageURL(baseURL(ctx), r.srv.signingSecret, unsafePath, false)
	if err != nil {
		return nil, apiError(err, obj.Path)
	}
	return &url, nil
}

// AddLibrary is the resolver for the addLibrary field.
func (r *mutationResolver) AddLibrary(ctx context.Context, path string) (*model.Library, error) {
	switch {
	case path == "":
		return nil, apiError(invalidf("no folder given: give the folder's absolute path"), path)
	case strings.ContainsRune(path, 0):
		return nil, apiError(invalidf("path %q contains a NUL byte", path), path)
	case !filepath.IsAbs(path):
		return nil, apiError(invalidf("path %q is not absolute: give the folder's absolute path", path), path)
	}
	if err := r.svc.checkLibraryFolder(path); err != nil {
		return nil, apiError(err, path)
	}
	lib, err := r.svc.Libraries.Add(path)
	if err != nil {
		return nil, apiError(err, path)
	}
	return toLibrary(lib), nil
}

// RemoveLibrary is the resolver for the removeLibrary field.
func (r *mutationResolver) RemoveLibrary(ctx context.Context, id string) (string, error) {
	if err := r.svc.Libraries.Remove(id); err != nil {
		return "", apiError(err, "")
	}
	return id, nil
}

// RenameLibrary is the resolver for the renameLibrary field.
func (r *mutationResolver) RenameLibrary(ctx context.Context, id string, name string) (*model.Library, error) {
	lib, err := r.svc.Libraries.Rename(ctx, id, name)
	if err != nil {
		return nil, apiError(err, "")
	}
	return toLibrary(lib), nil
}

// MoveLibrary is the resolver for the moveLibrary field.
func (r *mutationResolver) MoveLibrary(ctx context.Context, id string, index int) ([]*model.Library, error) {
	if err := r.svc.Libraries.Move(ctx, id, index); err != nil {
		return nil, apiError(err, "")
	}
	return toLibraries(r.svc.Libraries.List()), nil
}

// AddS3Library is the resolver for the addS3Library field.
func (r *mutationResolver) AddS3Library(ctx context.Context, input model.S3Input) (*model.Library, error) {
	if err := source.TestBucket(ctx, bucketOf(input)); err != nil {
		return nil, apiError(err, "")
	}
	lib, err := r.svc.Libraries.AddS3(ctx, input.Name, bucketOf(input))
	if err != nil {
		return nil, apiError(err, "")
	}
	return toLibrary(lib), nil
}

// TestS3 is the resolver for the testS3 field.
func (r *mutationResolver) TestS3(ctx context.Context, input model.S3Input) (bool, error) {
	if err := source.TestBucket(ctx, bucketOf(input)); err != nil {
		return false, apiError(err, "")
	}
	return true, nil
}

// MarkOpened is the resolver for the markOpened field.
func (r *mutationResolver) MarkOpened(ctx context.Context, library string, path string) (bool, error) {
	rel, err := cleanFile(path)
	if err != nil {
		return false, apiError(err, path)
	}
	if err := r.svc.Settings.AddRecent(ctx, library, rel); err != nil {
		return false, apiError(err, path)
	}
	return true, nil
}

// Libraries is the resolver for the libraries field.
func (r *queryResolver) Libraries(ctx context.Context) ([]*model.Library, error) {
	return toLibraries(r.svc.Libraries.List()), nil
}

// Folder is the resolver for the folder field.
func (r *queryResolver) Folder(ctx context.Context, library string, path string, first *int, after *string, sort *model.SortInput, filter *string) (*model.FolderPage, error) {
	q, err := folderQuery(path, first, after, sort, filter)
	if err != nil {
		return nil, apiError(err, path)
	}
	src, err := r.svc.resolver().Listing(library)
	if err != nil {
		return nil, apiError(err, path)
	}
	page, err := r.svc.Lister.List(library, src, q)
	if err != nil {
		return nil, apiError(err, path)
	}
	out := toFolderPage(library, q.Offset, page)
	if first == nil {
		if err := checkUnpagedFolder(ctx, path, len(out.Entries)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ImageURL is the resolver for the imageUrl field.
func (r *queryResolver) ImageURL(ctx context.Context, library string, path string, ops *string, profile *string, signed *bool) (string, error) {
	f, err := r.file(ctx, library, path)
	if err != nil {
		return "", apiError(err, path)
	}
	operations, err := checkOps(deref(ops))
	if err != nil {
		return "", apiError(err, path)
	}
	if profile != nil && *profile != "" {
		server, err := r.svc.Settings.Server(ctx, *profile, f.library)
		if err != nil {
			return "", apiError(err, path)
		}
		url, _, err := server.URL(operations, f.rel)
		if err != nil {
			return "", apiError(err, path)
		}
		return asciiURL(url), nil
	}
	unsafe := signed != nil && !*signed
	url, err := absoluteImageURL(baseURL(ctx), r.srv.signingSecret, imageurl.Path(operations, f.key, f.version), unsafe)
	if err != nil {
		return "", apiError(err, path)
	}
	return url, nil
}

// Meta is the resolver for the meta field.
func (r *queryResolver) Meta(ctx context.Context, library string, path string) (any, error) {
	f, err := r.file(ctx, library, path)
	if err != nil {
		return nil, apiError(err, path)
	}
	body, err := editor.Render(ctx, r.svc, imageurl.Meta(f.key, f.version))
	if err != nil {
		return nil, renderError(err, path)
	}
	var meta json.RawMessage
	if err := json.Unmarshal(body, &meta); err != nil {
		return nil, renderError(err, path)
	}
	return meta, nil
}

// Profiles is the resolver for the profiles field.
func (r *queryResolver) Profiles(ctx context.Context) ([]*model.Profile, error) {
	profiles, err := r.svc.Settings.Profiles(ctx)
	if err != nil {
		return nil, apiError(err, "")
	}
	out := make([]*model.Profile, 0, len(profiles))
	for _, p := range profiles {
		out = append(out, toProfile(p))
	}
	return out, nil
}

// RemoteStatus is the resolver for the remoteStatus field.
func (r *queryResolver) RemoteStatus(ctx context.Context) ([]*model.RemoteStatus, error) {
	out := []*model.RemoteStatus{}
	if r.svc.Router == nil {
		return out, nil
	}
	for _, s := range r.svc.Router.Statuses() {
		out = append(out, &model.RemoteStatus{
			Library: s.Library, BaseURL: s.BaseURL, Ok: s.OK, Reason: s.Reason, Checked: s.Checked, Fallback: s.Fallback,
		})
	}
	return out, nil
}

// Preferences is the resolver for the preferences field.
func (r *queryResolver) Preferences(ctx context.Context) (any, error) {
	prefs, err := r.svc.Settings.Preferences(ctx)
	if err != nil {
		return nil, apiError(err, "")
	}
	out := make(map[string]json.RawMessage, len(prefs))
	for name, value := range prefs {
		if json.Valid([]byte(value)) {
			out[name] = json.RawMessage(value)
		}
	}
	return out, nil
}

// RecentFiles is the resolver for the recentFiles field.
func (r *queryResolver) RecentFiles(ctx context.Context, first *int) ([]*model.RecentFile, error) {
	limit := 50
	if first != nil {
		if *first < 1 || *first > 500 {
			return nil, apiError(invalidf("first %d: give 1 to 500", *first), "")
		}
		limit = *first
	}
	stored, err := r.svc.Settings.Recent(ctx, limit)
	if err != nil {
		return nil, apiError(err, "")
	}
	out := make([]*model.RecentFile, 0, len(stored))
	for _, f := range stored {
		item := &model.RecentFile{Library: f.LibraryID, Path: f.Path, Name: path.Base(f.Path), OpenedAt: f.OpenedAt}
		if lib, err := r.svc.Libraries.Get(f.LibraryID); err == nil {
			item.LibraryName, item.Available = lib.Name, true
		}
		out = append(out, item)
	}
	return out, nil
}

// EditorSession is the resolver for the editorSession field.
func (r *queryResolver) EditorSession(ctx context.Context, library string, path string) (*model.EditorSession, error) {
	return r.editorSession(ctx, library, path)
}

// KeyStatus is the resolver for the keyStatus field.
func (r *queryResolver) KeyStatus(ctx context.Context) (*model.KeyStatus, error) {
	source, warning := r.svc.Settings.KeySource()
	return &model.KeyStatus{Source: source, Warning: warning}, nil
}

// About is the resolver for the about field.
func (r *queryResolver) About(ctx context.Context) (*model.About, error) {
	return r.about(ctx), nil
}

// Entry returns generated.EntryResolver implementation.
func (r *Resolver) Entry() generated.EntryResolver { return &entryResolver{r} }

// Mutation returns generated.MutationResolver implementation.
func (r *Resolver) Mutation() generated.MutationResolver { return &mutationResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

type (
	entryResolver    struct{ *Resolver }
	mutationResolver struct{ *Resolver }
	queryResolver    struct{ *Resolver }
)
