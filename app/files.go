package app

import (
	"context"
	"fmt"
	"sync"

	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// EventFileProgress is the Wails event a bulk file operation emits after each path, with a
// FileProgress.
const EventFileProgress = "files:progress"

// Files is bound to the frontend: the gallery's file operations. Each bulk method takes an
// operation id that its progress events carry and that Cancel stops.
type Files struct {
	app *App

	mu      sync.Mutex
	running map[string]context.CancelFunc
}

func newFiles(a *App) *Files {
	return &Files{app: a, running: map[string]context.CancelFunc{}}
}

// CreateFolder makes the folder at path in the library and returns its path.
func (f *Files) CreateFolder(library, path string) (FileResult, error) {
	created, err := f.app.svc.Files.CreateFolder(f.app.context(), library, path)
	return f.result(single(created), err)
}

// Rename gives the entry at path the name newName and returns its new path.
func (f *Files) Rename(library, path, newName string) (FileResult, error) {
	renamed, err := f.app.svc.Files.Rename(f.app.context(), library, path, newName)
	return f.result(single(renamed), err)
}

// Move moves req.Paths into the folder req.To (of req.ToLibrary, when set).
func (f *Files) Move(req FileRequest) (FileResult, error) {
	return f.run(req, func(ctx context.Context, opts fileops.Options) ([]string, error) {
		return f.app.svc.Files.Move(ctx, req.Library, req.Paths, req.To, opts)
	})
}

// Copy copies req.Paths into the folder req.To (of req.ToLibrary, when set).
func (f *Files) Copy(req FileRequest) (FileResult, error) {
	return f.run(req, func(ctx context.Context, opts fileops.Options) ([]string, error) {
		return f.app.svc.Files.Copy(ctx, req.Library, req.Paths, req.To, opts)
	})
}

// Duplicate copies each of req.Paths beside itself as "name (1).ext".
func (f *Files) Duplicate(req FileRequest) (FileResult, error) {
	return f.run(req, func(ctx context.Context, opts fileops.Options) ([]string, error) {
		return f.app.svc.Files.Duplicate(ctx, req.Library, req.Paths, opts)
	})
}

// Import copies the OS paths req.Paths (dropped onto the window) into the folder req.To.
func (f *Files) Import(req FileRequest) (FileResult, error) {
	for _, p := range req.Paths {
		if err := checkUIPath(p); err != nil {
			return FileResult{}, err
		}
	}
	return f.run(req, func(ctx context.Context, opts fileops.Options) ([]string, error) {
		return f.app.svc.Files.Import(ctx, req.Library, req.To, req.Paths, opts)
	})
}

// Trash moves req.Paths to the OS trash.
func (f *Files) Trash(req FileRequest) (FileResult, error) {
	return f.run(req, func(ctx context.Context, opts fileops.Options) ([]string, error) {
		return f.app.svc.Files.Trash(ctx, req.Library, req.Paths, opts)
	})
}

// Delete removes req.Paths for good. The UI asks twice before it calls this.
func (f *Files) Delete(req FileRequest) (FileResult, error) {
	return f.run(req, func(ctx context.Context, opts fileops.Options) ([]string, error) {
		return f.app.svc.Files.Delete(ctx, req.Library, req.Paths, opts)
	})
}

// Undo reverts the last delete to the trash, rename or move.
func (f *Files) Undo() (UndoResult, error) {
	undone, err := f.app.svc.Files.Undo(f.app.context())
	res, err := f.result(undone.Paths, err)
	return UndoResult{FileResult: res, Kind: undone.Kind, Library: undone.Library}, err
}

// UndoLabel describes what Undo would revert, or returns "" when nothing can be undone.
func (f *Files) UndoLabel() string {
	return f.app.svc.Files.UndoLabel()
}

// Cancel stops the running operation with the given id; paths not done yet fail as CANCELLED.
// An unknown id does nothing, since the operation may have just finished.
func (f *Files) Cancel(op string) {
	f.mu.Lock()
	cancel := f.running[op]
	f.mu.Unlock()
	if cancel != nil {
		cancel()
	}
}

// Reveal shows the entry in the OS file manager.
func (f *Files) Reveal(library, path string) error {
	return userError(f.app.svc.Files.Reveal(f.app.context(), library, path))
}

// OpenDefault opens the entry in the app the OS associates with it.
func (f *Files) OpenDefault(library, path string) error {
	return userError(f.app.svc.Files.OpenDefault(f.app.context(), library, path))
}

// CopyPath puts the entry's absolute path on the clipboard and returns it.
func (f *Files) CopyPath(library, path string) (string, error) {
	abs, err := f.app.svc.Files.LocalPath(f.app.context(), library, path)
	if err != nil {
		return "", userError(err)
	}
	if err := wailsruntime.ClipboardSetText(f.app.context(), abs); err != nil {
		return "", fmt.Errorf("the clipboard did not take the path %s: %w", abs, err)
	}
	return abs, nil
}
