package app

import (
	"context"
	"errors"

	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// FileRequest is a file operation on several paths.
type FileRequest struct {
	Op        string            `json:"op"`        // id for progress events and Cancel; may be ""
	Library   string            `json:"library"`   // the library of Paths (the destination, for Import)
	Paths     []string          `json:"paths"`     // library paths, or OS paths for Import
	To        string            `json:"to"`        // destination folder of move, copy and import
	ToLibrary string            `json:"toLibrary"` // destination library of move and copy; "" is Library
	Clash     string            `json:"clash"`     // "", replace, keep-both or skip
	Clashes   map[string]string `json:"clashes"`   // a clash policy per path of Paths
	Continue  bool              `json:"continue"`  // finishes the previous call, so one Undo reverts both
}

// FileFailure is one path an operation could not do.
type FileFailure struct {
	Path    string `json:"path"`
	Code    string `json:"code"` // NOT_FOUND, EXISTS, OUTSIDE_LIBRARY, PERMISSION, NO_SPACE, CANCELLED, ...
	Message string `json:"message"`
}

// FileResult is the outcome of a file operation: the resulting paths of what worked, each path
// that failed, and what Undo would revert now.
type FileResult struct {
	Paths    []string      `json:"paths"`
	Failures []FileFailure `json:"failures"`
	Undo     string        `json:"undo"` // "" when nothing can be undone
}

// UndoResult is the outcome of Undo: the paths put back and their library.
type UndoResult struct {
	FileResult
	Kind    string `json:"kind"`    // trash, rename or move
	Library string `json:"library"` // the library the paths are in now
}

// FileProgress is the payload of EventFileProgress.
type FileProgress struct {
	Op    string `json:"op"`
	Done  int    `json:"done"`
	Total int    `json:"total"`
	Path  string `json:"path"`
}

// run does one bulk operation under a cancellable context registered as req.Op.
func (f *Files) run(req FileRequest, do func(context.Context, fileops.Options) ([]string, error)) (FileResult, error) {
	ctx, cancel := context.WithCancel(f.app.context())
	defer cancel()
	if req.Op != "" {
		f.mu.Lock()
		f.running[req.Op] = cancel
		f.mu.Unlock()
		defer func() {
			f.mu.Lock()
			delete(f.running, req.Op)
			f.mu.Unlock()
		}()
	}
	opts := fileops.Options{
		Clash: fileops.Clash(req.Clash), ToLibrary: req.ToLibrary, Progress: f.progress(req.Op), Continue: req.Continue,
	}
	if len(req.Clashes) > 0 {
		opts.Clashes = make(map[string]fileops.Clash, len(req.Clashes))
		for p, c := range req.Clashes {
			opts.Clashes[p] = fileops.Clash(c)
		}
	}
	return f.result(do(ctx, opts))
}

// progress returns the callback that emits EventFileProgress for op, or nil outside Wails.
func (f *Files) progress(op string) func(fileops.Progress) {
	ctx := f.app.context()
	// The Wails runtime ends the process when its context is missing, as in tests.
	if ctx.Value("events") == nil {
		return nil
	}
	return func(p fileops.Progress) {
		wailsruntime.EventsEmit(ctx, EventFileProgress, FileProgress{Op: op, Done: p.Done, Total: p.Total, Path: p.Path})
	}
}

// result turns the paths and error of an operation into a FileResult. Per-path failures are
// part of the result, not an error, so the UI can list them beside what worked.
func (f *Files) result(paths []string, err error) (FileResult, error) {
	res := FileResult{Paths: paths, Failures: []FileFailure{}, Undo: f.app.svc.Files.UndoLabel()}
	if res.Paths == nil {
		res.Paths = []string{}
	}
	var opErr *fileops.Error
	if errors.As(err, &opErr) {
		for _, failure := range opErr.Failures {
			res.Failures = append(res.Failures, FileFailure{Path: failure.Path, Code: string(failure.Code), Message: failure.Message})
		}
		return res, nil
	}
	return res, userError(err)
}

func single(path string) []string {
	if path == "" {
		return nil
	}
	return []string{path}
}
