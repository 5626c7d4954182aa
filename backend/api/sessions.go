package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"

	"github.com/imagor-studio/desktop/backend/api/model"
	"github.com/imagor-studio/desktop/backend/editor"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/settings"
)

// editorSession returns the saved editor state of a file, or nil when there is none.
func (r *Resolver) editorSession(ctx context.Context, libraryID, rawPath string) (*model.EditorSession, error) {
	rel, err := cleanFile(rawPath)
	if err != nil {
		return nil, apiError(err, rawPath)
	}
	session, err := r.svc.Settings.Session(ctx, libraryID, rel)
	if errors.Is(err, settings.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, apiError(err, rawPath)
	}
	out := &model.EditorSession{Library: libraryID, Path: rel, State: json.RawMessage(session.State), Version: session.Version}
	version, _, err := r.svc.resolver().FileVersion(ctx, libraryID, rel)
	out.Stale = err != nil || version != session.Version
	return out, nil
}

// saveSession checks state against the image and stores it with the file's version. Unknown
// fields are rejected, so a misspelt name does not vanish silently.
func (r *Resolver) saveSession(ctx context.Context, f file, src editor.Source, state any) error {
	s, err := decodeState(state)
	if err != nil {
		return err
	}
	if err := s.Validate(src); err != nil {
		return err
	}
	stored, err := json.Marshal(s)
	if err != nil {
		return err
	}
	return r.svc.Settings.SaveSession(ctx, settings.EditorSession{
		LibraryID: f.library, Path: f.rel, State: string(stored), Version: f.version,
	})
}

func (r *Resolver) sessionExists(ctx context.Context, libraryID, rel string) (bool, error) {
	_, err := r.svc.Settings.Session(ctx, libraryID, rel)
	if errors.Is(err, settings.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// forgetRemote makes the preview router check the profiles' servers again.
func (r *Resolver) forgetRemote() {
	if r.svc.Router != nil {
		r.svc.Router.Forget()
	}
}

// editorPath builds the imagor path of an editor state on f, as the editor does, and its URLs.
func (r *Resolver) editorPath(ctx context.Context, f file, src editor.Source, state any, profile string) (*model.EditorPath, error) {
	s, err := decodeState(state)
	if err != nil {
		return nil, apiError(err, f.rel)
	}
	ops, err := editor.Build(s, src)
	if err == nil {
		err = ops.CheckSize()
	}
	if err != nil {
		return nil, apiError(err, f.rel)
	}
	if !ops.SizeKnown {
		// The size depends on the pixels (trim): imagor's metadata of the result has it.
		body, err := editor.Render(ctx, r.svc, editor.MetaPath(ops.Ops, f.key)+"?v="+f.version)
		if err != nil {
			return nil, renderError(err, f.rel)
		}
		meta, err := editor.ParseMeta(body)
		if err != nil {
			return nil, renderError(err, f.rel)
		}
		ops.Width, ops.Height = meta.Width, meta.Height
	}
	url, err := absoluteImageURL(baseURL(ctx), r.srv.signingSecret, imageurl.Path(ops.Ops, f.key, f.version), false)
	if err != nil {
		return nil, apiError(err, f.rel)
	}
	out := &model.EditorPath{
		Path: editor.Path(ops.Ops, imageurl.EncodeImage(f.rel)), Ops: ops.Ops, URL: url,
		OutputWidth: ops.Width, OutputHeight: ops.Height,
	}
	if profile != "" {
		server, err := r.svc.Settings.Server(ctx, profile, f.library)
		if err != nil {
			return nil, apiError(err, f.rel)
		}
		signed, warning, err := server.URL(ops.Ops, f.rel)
		if err != nil {
			return nil, apiError(err, f.rel)
		}
		signed = asciiURL(signed)
		out.SignedURL, out.Warning = &signed, warning
	}
	return out, nil
}

// decodeState decodes the editor's state object. Unknown fields are rejected, so a misspelt
// name does not vanish silently.
func decodeState(state any) (editor.State, error) {
	data, err := json.Marshal(state)
	if err != nil {
		return editor.State{}, invalidf("state: %v", err)
	}
	var s editor.State
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return editor.State{}, invalidf("state: %v; give the editor's state object (crop, width, height, mode, …)", err)
	}
	return s, nil
}
