// Package app is the thin layer Wails binds to the frontend. Its exported structs' methods become
// JavaScript functions; they check their arguments, call backend services and turn errors into
// messages a person can act on. No file, image or database work happens here.
package app

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/menu"

	"github.com/imagor-studio/desktop/backend/api"
	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/fileops"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/remote"
	"github.com/imagor-studio/desktop/backend/s3"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/video"
	"github.com/imagor-studio/desktop/backend/watch"
)

// Services are the backend parts the app calls.
type Services struct {
	Libraries *library.Set
	Lister    *listing.Lister
	Engine    *engine.Engine
	Buckets   *s3.Pool
	Settings  *settings.Service
	Logger    *slog.Logger
	Files     *fileops.Service // file operations; New makes one over Libraries and Buckets when nil
	Media     *video.Server    // plays videos in the webview; nil in tests that play none
	FFmpeg    string           // the ffmpeg the engine grabs video frames with; "" for none
	Watcher   *watch.Watcher   // keeps the open folders in step with the disk; nil watches none
}

// App holds the Wails context and the start state. It is not bound itself; Bindings returns the
// structs that are.
type App struct {
	svc Services

	mu         sync.Mutex
	ctx        context.Context
	running    bool // between Startup and Shutdown, while events reach the window
	start      StartState
	remote     *remote.Router // renders previews on the user's servers; nil in tests
	menu       *menu.Menu     // the application menu, once built
	recentMenu *menu.Menu     // its File → Open Recent submenu
	api        *api.Switch    // the loopback GraphQL API's switch; nil where none runs

	durations video.Durations // lengths of listed videos, by file version
}

// New returns an App over svc.
func New(svc Services) *App {
	if svc.Files == nil {
		logger := svc.Logger
		if logger == nil {
			logger = slog.New(slog.DiscardHandler)
		}
		svc.Files = fileops.New(svc.Libraries, svc.Buckets, logger.With("subsystem", "files"))
	}
	return &App{svc: svc, ctx: context.Background(), start: StartState{Platform: runtime.GOOS}}
}

// Bindings returns the structs whose methods the frontend calls.
func (a *App) Bindings() []any {
	bindings := []any{&Gallery{app: a}, &Settings{app: a}, &Editor{app: a}, &Media{app: a}, newFiles(a), &API{app: a}}
	return append(bindings, extraBindings(a)...)
}

// Startup keeps the Wails runtime context, which dialogs and events need. Wails calls it.
func (a *App) Startup(ctx context.Context) {
	a.mu.Lock()
	a.ctx, a.running = ctx, true
	a.mu.Unlock()
	a.startWindowBench(ctx)
}

// Shutdown stops the events to the window and the engine. Wails calls it when the window closes.
func (a *App) Shutdown(context.Context) {
	a.mu.Lock()
	a.running = false
	a.mu.Unlock()
	if err := a.svc.Engine.Close(); err != nil {
		a.svc.Logger.Warn("engine socket folder not removed", "error", err)
	}
}

// OpenPaths opens the command-line arguments: each folder becomes a library, and a file opens its
// folder with the file in the editor, as a file manager's "Open with" expects. The first file
// is shown at start, else the first folder.
func (a *App) OpenPaths(paths []string) {
	for _, p := range paths {
		loc, err := a.openPath(p)
		// Only images open in the editor; a video or another file is selected in its folder.
		loc.Edit = loc.Select != "" && listing.KindOf(loc.Select) == listing.KindImage
		a.mu.Lock()
		if err != nil {
			a.start.Errors = append(a.start.Errors, userMessage(err))
		} else if a.start.Open == nil || (loc.Edit && !a.start.Open.Edit) {
			a.start.Open = &loc
		}
		a.mu.Unlock()
	}
}

// openPath adds p (or its folder, when p is a file) as a library and returns where to look.
func (a *App) openPath(p string) (Location, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return Location{}, err
	}
	lib, err := a.svc.Libraries.Add(abs)
	if err == nil {
		return Location{Library: lib.ID}, nil
	}
	if !isNotFolder(err) {
		return Location{}, err
	}
	lib, err = a.svc.Libraries.Add(filepath.Dir(abs))
	if err != nil {
		return Location{}, err
	}
	return Location{Library: lib.ID, Select: filepath.Base(abs)}, nil
}

func (a *App) context() context.Context {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.ctx
}

func toLibrary(l library.Library) Library {
	return Library{ID: l.ID, Kind: l.Kind, Name: l.Name, Path: l.Path}
}

// Restore reopens the libraries remembered from earlier runs. Folders that are missing now are
// reported on the start screen and stay remembered.
func (a *App) Restore(ctx context.Context) error {
	missing, err := a.svc.Libraries.Restore(ctx)
	if err != nil {
		return err
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, lib := range missing {
		a.start.Errors = append(a.start.Errors, fmt.Sprintf("Folder %s is missing (unplugged or moved); "+
			"it stays in the list until you remove it", lib.Path))
	}
	return nil
}

// SetRemote gives the app the router that renders previews on the user's imagor servers, so the
// settings page can show its state and profile changes reach it.
func (a *App) SetRemote(r *remote.Router) {
	a.mu.Lock()
	a.remote = r
	a.mu.Unlock()
}

func (a *App) forgetRemote() {
	a.mu.Lock()
	r := a.remote
	a.mu.Unlock()
	if r != nil {
		r.Forget()
	}
}
