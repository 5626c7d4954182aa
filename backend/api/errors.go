package api

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
)

// Error codes in extensions.code of a GraphQL error.
const (
	CodeNotFound          = "NOT_FOUND"
	CodeInvalidArgument   = "INVALID_ARGUMENT"
	CodeOutsideLibrary    = "OUTSIDE_LIBRARY"
	CodeUnauthenticated   = "UNAUTHENTICATED"
	CodePermissionDenied  = "PERMISSION_DENIED"
	CodeAlreadyExists     = "ALREADY_EXISTS"
	CodeEngineUnavailable = "ENGINE_UNAVAILABLE"
	CodeRenderFailed      = "RENDER_FAILED"
	CodeTimeout           = "TIMEOUT"
	CodeInternal          = "INTERNAL"
)

// errInvalid marks an argument the API itself rejects.
var errInvalid = errors.New("invalid argument")

// invalidf returns an INVALID_ARGUMENT error whose message is the formatted text.
func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errInvalid}, args...)...)
}

// codeOf returns the extensions.code for a backend error.
func codeOf(err error) string {
	switch {
	case errors.Is(err, library.ErrOutside), library.IsEscape(err):
		return CodeOutsideLibrary
	case errors.Is(err, library.ErrNotFound), errors.Is(err, settings.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		return CodeNotFound
	case errors.Is(err, fs.ErrExist):
		return CodeAlreadyExists
	case errors.Is(err, fs.ErrPermission):
		return CodePermissionDenied
	case errors.Is(err, errInvalid), errors.Is(err, library.ErrInvalidPath), errors.Is(err, library.ErrNotFolder),
		errors.Is(err, listing.ErrNotFolder), errors.Is(err, settings.ErrInvalid), errors.Is(err, imageurl.ErrInvalidServer),
		errors.Is(err, editor.ErrInvalidState), errors.Is(err, editor.ErrOverwriteOriginal), errors.Is(err, secrets.ErrUndecryptable):
		return CodeInvalidArgument
	case errors.Is(err, engine.ErrUnavailable), errors.Is(err, engine.ErrCrashed):
		return CodeEngineUnavailable
	case errors.Is(err, context.DeadlineExceeded):
		return CodeTimeout
	}
	return CodeInternal
}

// apiError returns err as a GraphQL error with extensions.code and, when path is not "",
// extensions.path. Its message is the backend's, which names the value.
func apiError(err error, path string) error {
	if err == nil {
		return nil
	}
	var gqlErr *gqlerror.Error
	if errors.As(err, &gqlErr) {
		return gqlErr
	}
	msg := library.PlainMessage(strings.TrimPrefix(err.Error(), errInvalid.Error()+": "))
	out := gqlerror.Errorf("%s", msg)
	out.Extensions = map[string]any{"code": codeOf(err)}
	if path != "" {
		out.Extensions["path"] = path
	}
	return out
}
