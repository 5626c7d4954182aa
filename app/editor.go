package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/rawpreview"
	"github.com/imagor-studio/desktop/backend/settings"
)

// exportTimeout bounds the full-size render of an export.
const exportTimeout = 2 * time.Minute

// Editor is bound to the frontend: the non-destructive editor. Every edit is an imagor URL, and
// the original file is only written when the user confirms an export over it.
type Editor struct {
	app *App

	mu    sync.Mutex
	metas map[string]editor.Meta // by engine path, which carries the file version
}

// file is an image inside a library, at the version it has now.
type file struct {
	library, rel, key, version string
	abs                        string
	source                     editor.Source
}

// Open returns the image at path in library, with its saved session.
func (e *Editor) Open(libraryID, path string) (EditorSource, error) {
	f, err := e.file(libraryID, path)
	if err != nil {
		return EditorSource{}, editorError(err)
	}
	ext := strings.ToLower(filepath.Ext(f.rel))
	out := EditorSource{
		Library: f.library, Path: f.rel, Name: filepath.Base(f.rel),
		Width: f.source.Width, Height: f.source.Height, Orientation: f.source.Orientation,
		Format: f.source.Format, Raw: rawpreview.IsRaw(f.rel), Version: f.version,
		Original: imagehandler.Prefix + imageurl.Preview(f.key, f.version, ext == ".gif" || ext == ".webp"),
	}
	session, err := e.app.svc.Settings.Session(e.app.context(), f.library, f.rel)
	if errors.Is(err, settings.ErrNotFound) {
		return out, nil
	}
	if err != nil {
		return EditorSource{}, editorError(err)
	}
	var state EditorState
	if err := json.Unmarshal([]byte(session.State), &state); err != nil {
		e.app.svc.Logger.Warn("saved editor session unreadable", "library", f.library, "path", f.rel, "error", err)
		return out, nil
	}
	out.Session, out.SessionStale = &state, session.Version != f.version
	return out, nil
}

// Render returns the preview frame of a state and the URL that makes the real image.
func (e *Editor) Render(req RenderRequest) (RenderResult, error) {
	f, err := e.file(req.Library, req.Path)
	if err != nil {
		return RenderResult{}, editorError(err)
	}
	state := req.State.toEditor()
	ops, err := e.operations(f, state)
	if err != nil {
		return RenderResult{}, editorError(err)
	}

	view := editor.View{Width: req.ViewWidth, Height: req.ViewHeight, Zoom: req.Zoom, X: req.ViewX, Y: req.ViewY}
	frame, err := editor.PreviewFrame(state, f.source, view, ops.Width, ops.Height)
	if err != nil {
		return RenderResult{}, editorError(err)
	}

	image := imageurl.EncodeImage(f.rel)
	out := RenderResult{
		Preview:     imagehandler.Prefix + imageurl.Path(frame.Ops, editor.PreviewKey(f.library, f.version, f.rel), f.version),
		Path:        editor.Path(ops.Ops, image),
		OutputWidth: ops.Width, OutputHeight: ops.Height, Warning: frame.Note,
	}
	for _, p := range editor.PathParts(ops, image, f.rel) {
		out.Parts = append(out.Parts, PathPart{Text: p.Text, Explanation: p.Explanation})
	}
	if req.Profile != "" {
		// A profile that cannot sign (a secret that no longer opens, a bad base URL) must not
		// cost the preview: the frame and path go out, and the reason in the warning.
		signed, warning, err := e.signedURL(req.Profile, f, ops.Ops)
		if err != nil {
			warning = "No signed URL: " + editorError(err).Error()
		}
		out.SignedURL = signed
		out.Warning = strings.TrimPrefix(out.Warning+" "+warning, " ")
	}
	return out, nil
}

// Copy puts the path or signed URL of a state on the clipboard and returns it. It uses the Wails
// runtime, because the wails:// page is no secure context in WebKitGTK, so the page's own
// clipboard API is not available there.
func (e *Editor) Copy(req CopyRequest) (string, error) {
	f, err := e.file(req.Library, req.Path)
	if err != nil {
		return "", editorError(err)
	}
	ops, err := e.operations(f, req.State.toEditor())
	if err != nil {
		return "", editorError(err)
	}
	var text string
	switch req.Kind {
	case "path":
		text = editor.Path(ops.Ops, imageurl.EncodeImage(f.rel))
	case "signed":
		if req.Profile == "" {
			return "", errors.New("no imagor profile chosen: pick one in the editor to copy a signed URL")
		}
		if text, _, err = e.signedURL(req.Profile, f, ops.Ops); err != nil {
			return "", err
		}
	default:
		return "", fmt.Errorf("unknown copy kind %q: use path or signed", req.Kind)
	}
	if err := wailsruntime.ClipboardSetText(e.app.context(), text); err != nil {
		return "", fmt.Errorf("the clipboard did not take the text: %w", err)
	}
	return text, nil
}

// CopyImage copies the path or signed URL of an image without edits, for the gallery.
func (e *Editor) CopyImage(libraryID, path, profile, kind string) (string, error) {
	return e.Copy(CopyRequest{Library: libraryID, Path: path, Profile: profile, Kind: kind})
}

// Export shows the save dialog, renders the edited image at full size and writes it there. It
// returns the written path, or "" when the user cancels.
func (e *Editor) Export(libraryID, path string, state EditorState) (string, error) {
	f, err := e.file(libraryID, path)
	if err != nil {
		return "", editorError(err)
	}
	s := state.toEditor()
	ops, err := e.operations(f, s)
	if err != nil {
		return "", editorError(err)
	}

	format := s.Format
	if format == "" {
		format = f.source.Format
	}
	ctx := e.app.context()
	target, err := wailsruntime.SaveFileDialog(ctx, wailsruntime.SaveDialogOptions{
		Title: "Export the edited image", DefaultDirectory: filepath.Dir(f.abs),
		DefaultFilename:      editor.ExportName(filepath.Base(f.rel), s.Format, f.source.Format),
		Filters:              []wailsruntime.FileFilter{{DisplayName: strings.ToUpper(format) + " image", Pattern: "*." + editor.Extension(format)}},
		CanCreateDirectories: true,
	})
	if err != nil {
		return "", fmt.Errorf("the save dialog failed: %w", err)
	}
	if target == "" {
		return "", nil
	}

	confirmed := false
	if f.abs != "" && editor.SameFile(target, f.abs) {
		answer, err := wailsruntime.MessageDialog(ctx, wailsruntime.MessageDialogOptions{
			Type: wailsruntime.QuestionDialog, Title: "Replace the original?",
			Message: fmt.Sprintf("%s is the original image. Replace it with the edited one? "+
				"This cannot be undone.", target),
			Buttons: []string{"Replace", "Cancel"}, DefaultButton: "Cancel", CancelButton: "Cancel",
		})
		if err != nil || answer != "Replace" {
			return "", nil
		}
		confirmed = true
	}

	renderCtx, cancel := context.WithTimeout(ctx, exportTimeout)
	defer cancel()
	if err := editor.Export(renderCtx, e.app.svc.Engine, ops.Ops, f.key, target, f.abs, confirmed); err != nil {
		e.app.svc.Logger.Warn("export failed", "library", f.library, "path", f.rel, "target", target, "error", err)
		return "", editorError(err)
	}
	return target, nil
}

// SaveSession stores the state for the file, with the file's version.
func (e *Editor) SaveSession(libraryID, path string, state EditorState) error {
	f, err := e.file(libraryID, path)
	if err != nil {
		return editorError(err)
	}
	if err := state.toEditor().Validate(f.source); err != nil {
		return editorError(err)
	}
	data, err := json.Marshal(state)
	if err != nil {
		return fmt.Errorf("encode the editor state: %w", err)
	}
	return editorError(e.app.svc.Settings.SaveSession(e.app.context(), settings.EditorSession{
		LibraryID: f.library, Path: f.rel, State: string(data), Version: f.version,
	}))
}

// DiscardSession deletes the saved state of the file.
func (e *Editor) DiscardSession(libraryID, path string) error {
	rel, err := library.CleanRel(path)
	if err != nil {
		return editorError(err)
	}
	return editorError(e.app.svc.Settings.DeleteSession(e.app.context(), libraryID, rel))
}

// file resolves path in a library, stats it for its version and reads its size and orientation
// from the engine.
func (e *Editor) file(libraryID, rawPath string) (file, error) {
	rel, err := library.CleanRel(rawPath)
	if err != nil {
		return file{}, err
	}
	if rel == "" {
		return file{}, fmt.Errorf("path %q: %w: give an image inside the folder", rawPath, library.ErrInvalidPath)
	}
	version, abs, err := e.app.fileVersion(libraryID, rel)
	if err != nil {
		return file{}, err
	}
	f := file{library: libraryID, rel: rel, key: library.Key(libraryID, rel), version: version, abs: abs}
	meta, err := e.meta(editor.SourceMetaPath(f.key) + "?v=" + f.version)
	if err != nil {
		return file{}, err
	}
	f.source = editor.SourceOf(meta)
	return f, nil
}

// operations builds the operations of s on f, asking the engine for the output size when it
// depends on the pixels (trim).
func (e *Editor) operations(f file, s editor.State) (editor.Operations, error) {
	ops, err := editor.Build(s, f.source)
	if err != nil {
		return ops, err
	}
	if err := ops.CheckSize(); err != nil {
		return editor.Operations{}, err
	}
	if ops.SizeKnown {
		return ops, nil
	}
	meta, err := e.meta(editor.MetaPath(ops.Ops, f.key) + "?v=" + f.version)
	if err != nil {
		return editor.Operations{}, err
	}
	ops.Width, ops.Height, ops.SizeKnown = meta.Width, meta.Height, true
	return ops, nil
}

// meta returns imagor's metadata for an engine path, remembered for the path (which carries the
// file version). The memory is dropped once it holds 1,000 paths.
func (e *Editor) meta(enginePath string) (editor.Meta, error) {
	e.mu.Lock()
	m, ok := e.metas[enginePath]
	e.mu.Unlock()
	if ok {
		return m, nil
	}
	body, err := editor.Render(e.app.context(), e.app.svc.Engine, enginePath)
	if err != nil {
		return editor.Meta{}, err
	}
	if m, err = editor.ParseMeta(body); err != nil {
		return editor.Meta{}, err
	}
	e.mu.Lock()
	if e.metas == nil || len(e.metas) >= 1000 {
		e.metas = map[string]editor.Meta{}
	}
	e.metas[enginePath] = m
	e.mu.Unlock()
	return m, nil
}

// signedURL returns the URL of ops on f for a profile's server, and its warning.
func (e *Editor) signedURL(profileID string, f file, ops string) (string, string, error) {
	server, err := e.app.svc.Settings.Server(e.app.context(), profileID, f.library)
	if err != nil {
		return "", "", userError(err)
	}
	url, warning, err := server.URL(ops, f.rel)
	if err != nil {
		return "", "", userError(err)
	}
	return url, warning, nil
}

// editorError adds what to do next to the message of an editor error.
func editorError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("%v: the disk is full; free some space or choose another folder", err)
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%v: the folder is read-only; choose another folder", err)
	case errors.Is(err, editor.ErrOverwriteOriginal):
		return fmt.Errorf("%v: choose another name, or confirm the replacement", err)
	case errors.Is(err, editor.ErrInvalidState):
		return fmt.Errorf("%v", err)
	}
	return userError(err)
}

func (s EditorState) toEditor() editor.State {
	out := editor.State{
		Width: s.Width, Height: s.Height, Mode: s.Mode, HAlign: s.HAlign, VAlign: s.VAlign,
		NoUpscale: s.NoUpscale, FlipH: s.FlipH, FlipV: s.FlipV, Rotate: s.Rotate,
		Brightness: s.Brightness, Contrast: s.Contrast, Saturation: s.Saturation, Hue: s.Hue,
		Grayscale: s.Grayscale, Blur: s.Blur, Sharpen: s.Sharpen, RoundCorner: s.RoundCorner,
		Pixelate: s.Pixelate, RGB: editor.RGB(s.RGB), Trim: s.Trim,
		Background: editor.Background(s.Background), Padding: editor.Padding(s.Padding),
		Format: s.Format, Quality: s.Quality, MaxBytes: s.MaxBytes, StripExif: s.StripExif, StripIcc: s.StripIcc,
	}
	if s.Crop != nil {
		crop := editor.Box(*s.Crop)
		out.Crop = &crop
	}
	if s.Focal != nil {
		focal := editor.Point(*s.Focal)
		out.Focal = &focal
	}
	for _, r := range s.Redact {
		out.Redact = append(out.Redact, editor.Box(r))
	}
	return out
}
