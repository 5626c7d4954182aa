package api

import (
	"context"
	"errors"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/imagor-studio/desktop/backend/api/model"
	"github.com/imagor-studio/desktop/backend/fileops"
)

// clashes maps the schema's Clash to the file operations' policy.
var clashes = map[model.Clash]fileops.Clash{
	model.ClashFail:     fileops.ClashFail,
	model.ClashReplace:  fileops.ClashReplace,
	model.ClashKeepBoth: fileops.ClashKeepBoth,
	model.ClashSkip:     fileops.ClashSkip,
}

func options(onClash *model.Clash, toLibrary *string) fileops.Options {
	opts := fileops.Options{ToLibrary: deref(toLibrary)}
	if onClash != nil {
		opts.Clash = clashes[*onClash]
	}
	return opts
}

// fileResult returns the paths that worked and adds one GraphQL error per failed path, with the
// failure's code and path, so a script sees both.
func fileResult(ctx context.Context, paths []string, err error) ([]string, error) {
	if paths == nil {
		paths = []string{}
	}
	if err == nil {
		return paths, nil
	}
	var opErr *fileops.Error
	if !errors.As(err, &opErr) {
		return nil, apiError(err, "")
	}
	for _, f := range opErr.Failures {
		graphql.AddError(ctx, failureError(ctx, f))
	}
	return paths, nil
}

// singleResult is fileResult for an operation on one path, which fails as a whole.
func singleResult(ctx context.Context, path string, err error) (string, error) {
	if err == nil {
		return path, nil
	}
	var opErr *fileops.Error
	if errors.As(err, &opErr) && len(opErr.Failures) > 0 {
		return "", failureError(ctx, opErr.Failures[0])
	}
	return "", apiError(err, "")
}

func failureError(ctx context.Context, f fileops.Failure) *gqlerror.Error {
	out := gqlerror.ErrorPathf(graphql.GetPath(ctx), "%s", f.Message)
	out.Extensions = map[string]any{"code": string(f.Code), "path": f.Path}
	return out
}
