package api

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"

	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/fileops"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/remote"
	"github.com/imagor-studio/desktop/backend/s3"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/source"
)

// Services are the backend parts the API calls: the same instances the window's bound methods
// use, so a library added through the API shows in the window and the reverse.
type Services struct {
	Libraries *library.Set
	Lister    *listing.Lister
	Engine    *engine.Engine
	Buckets   *s3.Pool
	Settings  *settings.Service
	// Images is the /imagor/ handler with the gallery's disk cache; every image and metadata
	// request of the API goes through it.
	Images http.Handler
	Router *remote.Router // may be nil, and checks the servers again after a profile change
	// Files does the file operations; the window's bound methods use the same instance, so
	// undo reverts the last operation of either.
	Files *fileops.Service
	// DataFolders are the app's config and cache folders (config.db, the key file, the
	// thumbnail cache). importFiles reads nothing from them and export writes nothing there.
	DataFolders []string
	Logger      *slog.Logger
}

func (s *Services) resolver() source.Resolver {
	return source.Resolver{Libraries: s.Libraries, Buckets: s.Buckets}
}

// render fetches an unsafe imagor path ("/unsafe/…") through the image handler, so the response
// comes from the disk cache when it is there and is cached when it is not.
func (s *Services) render(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, imagehandler.Prefix+path, nil)
	if err != nil {
		return nil, err
	}
	w := &bufferedResponse{header: http.Header{}, status: http.StatusOK}
	s.Images.ServeHTTP(w, req)
	return &http.Response{
		StatusCode: w.status, Header: w.header,
		Body: io.NopCloser(&w.body), ContentLength: int64(w.body.Len()),
	}, nil
}

// Do implements editor.Renderer over render.
func (s *Services) Do(ctx context.Context, path string) (*http.Response, error) {
	return s.render(ctx, path)
}

// bufferedResponse is an http.ResponseWriter that keeps the response in memory.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (w *bufferedResponse) Header() http.Header { return w.header }

func (w *bufferedResponse) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
}

func (w *bufferedResponse) Write(p []byte) (int, error) {
	w.wrote = true
	return w.body.Write(p)
}
