package api

import (
	"context"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/imagor-studio/desktop/backend/api/model"
	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/settings"
)

// maxPageSize bounds first in folder.
const maxPageSize = 10000

func toLibrary(l library.Library) *model.Library {
	return &model.Library{ID: l.ID, Kind: l.Kind, Name: l.Name, Path: l.Path}
}

func toLibraries(libs []library.Library) []*model.Library {
	out := make([]*model.Library, 0, len(libs))
	for _, l := range libs {
		out = append(out, toLibrary(l))
	}
	return out
}

// folderQuery checks the arguments of folder and returns the listing query.
func folderQuery(rawPath string, first *int, after *string, sort *model.SortInput, filter *string) (listing.Query, error) {
	rel, err := library.CleanRel(rawPath)
	if err != nil {
		return listing.Query{}, err
	}
	q := listing.Query{Path: rel, Sort: listing.SortName, Filter: deref(filter)}
	if first != nil {
		if *first < 1 || *first > maxPageSize {
			return listing.Query{}, invalidf("first %d: give 1 to %d", *first, maxPageSize)
		}
		q.Limit = *first
	}
	if after != nil && *after != "" {
		if q.Offset, err = decodeCursor(*after); err != nil {
			return listing.Query{}, err
		}
	}
	if sort != nil {
		q.Desc = sort.Desc
		switch sort.By {
		case model.SortFieldModified:
			q.Sort = listing.SortModified
		case model.SortFieldSize:
			q.Sort = listing.SortSize
		}
	}
	return q, nil
}

// encodeCursor and decodeCursor turn an offset in the sorted folder into an opaque cursor.
func encodeCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(offset)))
}

func decodeCursor(cursor string) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err == nil {
		if n, ok := strings.CutPrefix(string(raw), "offset:"); ok {
			if offset, err := strconv.Atoi(n); err == nil && offset >= 0 {
				return offset, nil
			}
		}
	}
	return 0, invalidf("cursor %q: pass the endCursor of the previous page", cursor)
}

func toFolderPage(libraryID string, offset int, page listing.Page) *model.FolderPage {
	out := &model.FolderPage{Entries: make([]*model.Entry, 0, len(page.Entries)), TotalCount: page.Total, PageInfo: &model.PageInfo{}}
	for _, e := range page.Entries {
		out.Entries = append(out.Entries, &model.Entry{
			Name: e.Name, Path: e.Path, Kind: string(e.Kind), Size: e.Size, ModifiedAt: e.ModTime,
			Library: libraryID, Version: e.Version,
		})
	}
	end := offset + len(page.Entries)
	if len(page.Entries) > 0 {
		cursor := encodeCursor(end)
		out.PageInfo.EndCursor = &cursor
	}
	out.PageInfo.HasNextPage = end < page.Total
	return out
}

// file is an existing file of a library, at its current version.
type file struct {
	library, rel, key, version, abs string
}

// file resolves rawPath in a library and stats it, through the library's os.Root, so ".." and
// links that lead out are rejected.
func (r *Resolver) file(ctx context.Context, libraryID, rawPath string) (file, error) {
	rel, err := cleanFile(rawPath)
	if err != nil {
		return file{}, err
	}
	version, abs, err := r.svc.resolver().FileVersion(ctx, libraryID, rel)
	if err != nil {
		return file{}, err
	}
	return file{library: libraryID, rel: rel, key: library.Key(libraryID, rel), version: version, abs: abs}, nil
}

// libraryRel is library.CleanRel under a name that the resolvers' library parameters, named by
// the schema, do not shadow.
func libraryRel(rawPath string) (string, error) {
	return library.CleanRel(rawPath)
}

// cleanFile is library.CleanRel for a path that must name something inside the library.
func cleanFile(rawPath string) (string, error) {
	rel, err := library.CleanRel(rawPath)
	if err != nil {
		return "", err
	}
	if rel == "" {
		return "", invalidf("path %q: give a file inside the library", rawPath)
	}
	return rel, nil
}

// source returns the size of an image, after EXIF orientation, through the cached metadata.
func (r *Resolver) source(ctx context.Context, f file) (editor.Source, error) {
	body, err := editor.Render(ctx, r.svc, editor.SourceMetaPath(f.key)+"?v="+f.version)
	if err != nil {
		return editor.Source{}, err
	}
	meta, err := editor.ParseMeta(body)
	if err != nil {
		return editor.Source{}, err
	}
	return editor.SourceOf(meta), nil
}

// entrySource returns the size of a listed image; false for other entries and for files that
// do not decode.
func (r *entryResolver) entrySource(ctx context.Context, e *model.Entry) (editor.Source, bool) {
	if e.Kind != string(listing.KindImage) {
		return editor.Source{}, false
	}
	f := file{library: e.Library, rel: e.Path, key: library.Key(e.Library, e.Path), version: e.Version}
	src, err := r.source(ctx, f)
	if err != nil {
		r.svc.Logger.Debug("image size unknown", "library", e.Library, "path", e.Path, "error", err)
		return editor.Source{}, false
	}
	return src, true
}

// renderError is apiError for a failed render, with code RENDER_FAILED unless the cause has a
// more precise one.
func renderError(err error, path string) error {
	out := apiError(err, path)
	var gqlErr *gqlerror.Error
	if errors.As(out, &gqlErr) && gqlErr.Extensions["code"] == CodeInternal {
		gqlErr.Extensions["code"] = CodeRenderFailed
	}
	return out
}

func toProfile(p settings.Profile) *model.Profile {
	out := &model.Profile{
		ID: p.ID, Name: p.Name, BaseURL: p.BaseURL, Signer: model.Signer(strings.ToUpper(p.Signer)),
		Truncate: p.Truncate, EscapesNames: p.EscapesNames, RendersPreviews: p.RendersPreviews,
		SecretSet: p.SecretSet, Libraries: []*model.ProfileLibrary{},
	}
	for _, l := range p.Libraries {
		out.Libraries = append(out.Libraries, &model.ProfileLibrary{Library: l.Library, PathPrefix: l.PathPrefix})
	}
	return out
}

func profileInput(in model.ProfileInput) settings.ProfileInput {
	out := settings.ProfileInput{
		ID: deref(in.ID), Name: in.Name, BaseURL: in.BaseURL, Secret: in.Secret,
		Signer: strings.ToLower(string(in.Signer)), Truncate: in.Truncate,
		EscapesNames: in.EscapesNames, RendersPreviews: in.RendersPreviews,
	}
	for _, l := range in.Libraries {
		out.Libraries = append(out.Libraries, settings.ProfileLibrary{Library: l.Library, PathPrefix: l.PathPrefix})
	}
	return out
}

func bucketOf(in model.S3Input) library.S3 {
	return library.S3{
		Bucket: in.Bucket, Prefix: in.Prefix, Region: in.Region, Endpoint: in.Endpoint,
		PathStyle: in.PathStyle, AccessKey: in.AccessKey, SecretKey: in.SecretKey,
	}
}

// about returns the versions of the app, imagor and libvips.
func (r *Resolver) about(ctx context.Context) *model.About {
	v, err := r.svc.Engine.About(ctx)
	about := &model.About{App: v.App, Imagor: v.Imagor, Vips: v.Vips, Go: v.Go, Platform: v.Platform}
	if err != nil {
		about.Error = err.Error()
	}
	return about
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
