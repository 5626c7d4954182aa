package app

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"

	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/rawpreview"
)

// Gallery is bound to the frontend: libraries, folder listings and the engine's status.
type Gallery struct {
	app *App
}

// Start returns the libraries and the place to open on the first render.
func (g *Gallery) Start() StartState {
	g.app.mu.Lock()
	state := g.app.start
	g.app.mu.Unlock()
	state.Libraries = g.Libraries()
	return state
}

// Libraries returns the open libraries in the order they were added.
func (g *Gallery) Libraries() []Library {
	libs := g.app.svc.Libraries.List()
	out := make([]Library, 0, len(libs))
	for _, l := range libs {
		out = append(out, toLibrary(l))
	}
	return out
}

// AddLibrary opens the folder at path as a library.
func (g *Gallery) AddLibrary(path string) (Library, error) {
	if err := checkUIPath(path); err != nil {
		return Library{}, err
	}
	lib, err := g.app.svc.Libraries.Add(path)
	if err != nil {
		return Library{}, userError(err)
	}
	return toLibrary(lib), nil
}

// OpenDropped opens paths dropped onto the window, as the command line does, and returns where
// to look: the first folder, or the folder of the first file with that file selected.
func (g *Gallery) OpenDropped(paths []string) (*Location, error) {
	var first *Location
	var failures []string
	for _, p := range paths {
		if err := checkUIPath(p); err != nil {
			failures = append(failures, err.Error())
			continue
		}
		loc, err := g.app.openPath(p)
		if err != nil {
			failures = append(failures, userMessage(err))
			continue
		}
		if first == nil {
			first = &loc
		}
	}
	if first == nil && len(failures) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(failures, "; "))
	}
	return first, nil
}

// ChooseFolder shows the native folder dialog and opens the chosen folder. It returns nil when
// the user cancels.
func (g *Gallery) ChooseFolder() (*Library, error) {
	dir, err := wailsruntime.OpenDirectoryDialog(g.app.context(), wailsruntime.OpenDialogOptions{
		Title:                "Open a folder",
		CanCreateDirectories: true,
	})
	if err != nil {
		return nil, fmt.Errorf("the folder dialog failed: %w", err)
	}
	if dir == "" {
		return nil, nil
	}
	lib, err := g.AddLibrary(dir)
	if err != nil {
		return nil, err
	}
	return &lib, nil
}

// RenameLibrary changes the name a library is shown under.
func (g *Gallery) RenameLibrary(id, name string) (Library, error) {
	lib, err := g.app.svc.Libraries.Rename(g.app.context(), id, name)
	if err != nil {
		return Library{}, userError(err)
	}
	return toLibrary(lib), nil
}

// MoveLibrary puts a library at index in the sidebar's order.
func (g *Gallery) MoveLibrary(id string, index int) error {
	return userError(g.app.svc.Libraries.Move(g.app.context(), id, index))
}

// RemoveLibrary closes a library. The folder and its files are not touched.
func (g *Gallery) RemoveLibrary(id string) error {
	return userError(g.app.svc.Libraries.Remove(id))
}

// List returns a page of a folder, sorted and filtered over the whole folder.
func (g *Gallery) List(req ListRequest) (ListPage, error) {
	rel, err := library.CleanRel(req.Path)
	if err != nil {
		return ListPage{}, userError(err)
	}
	src, err := g.app.source(req.Library)
	if err != nil {
		return ListPage{}, userError(err)
	}
	switch req.Sort {
	case "", listing.SortName, listing.SortModified, listing.SortSize:
	default:
		return ListPage{}, fmt.Errorf("unknown sort order %q: use name, modified or size", req.Sort)
	}
	page, err := g.app.svc.Lister.List(req.Library, src, listing.Query{
		Path: rel, Sort: req.Sort, Desc: req.Desc, Filter: req.Filter,
		Offset: req.Offset, Limit: req.Limit, Select: req.Select,
	})
	if err != nil {
		return ListPage{}, userError(err)
	}
	out := ListPage{Library: req.Library, Path: rel, Total: page.Total, Offset: page.Offset, SelectIndex: page.SelectIndex}
	out.Entries = make([]Entry, 0, len(page.Entries))
	for _, e := range page.Entries {
		out.Entries = append(out.Entries, g.app.withMedia(req.Library, toEntry(req.Library, e)))
	}
	return out, nil
}

// Folders returns the subfolders of a folder, in natural order, for the folder tree.
func (g *Gallery) Folders(libraryID, folder string) ([]Entry, error) {
	page, err := g.List(ListRequest{Library: libraryID, Path: folder})
	if err != nil {
		return nil, err
	}
	out := make([]Entry, 0)
	for _, e := range page.Entries {
		if e.Kind != string(listing.KindFolder) {
			break // folders come first
		}
		out = append(out, e)
	}
	return out, nil
}

// EngineInfo starts the engine if needed and returns its versions.
func (g *Gallery) EngineInfo() (EngineInfo, error) {
	health, err := g.app.svc.Engine.Health(g.app.context())
	if err != nil {
		return EngineInfo{}, userError(err)
	}
	info := EngineInfo{}
	info.Imagor, _ = health["imagor"].(string)
	info.Vips, _ = health["vips"].(string)
	if pid, ok := health["pid"].(float64); ok {
		info.Pid = int(pid)
	}
	return info, nil
}

// toEntry adds the image URLs to a listing entry.
func toEntry(libraryID string, e listing.Entry) Entry {
	out := Entry{
		Name: e.Name, Path: e.Path, Kind: string(e.Kind), Size: e.Size,
		ModTime: e.ModTime.UnixMilli(),
	}
	if e.Kind == listing.KindVideo {
		return videoEntry(libraryID, e, out)
	}
	if e.Kind != listing.KindImage {
		return out
	}
	key := library.Key(libraryID, e.Path)
	ext := strings.ToLower(path.Ext(e.Name))
	animated := ext == ".gif" || ext == ".webp"
	// A RAW file's original is its embedded JPEG preview.
	out.Raw = rawpreview.IsRaw(e.Name)
	webviewFormat := animated || out.Raw || ext == ".jpg" || ext == ".jpeg" || ext == ".png"
	out.Thumbnail = imagehandler.Prefix + imageurl.Thumbnail(key, e.Version, imageurl.ThumbnailSize)
	out.ThumbnailLarge = imagehandler.Prefix + imageurl.Thumbnail(key, e.Version, imageurl.ThumbnailLargeSize)
	out.Preview = imagehandler.Prefix + imageurl.Preview(key, e.Version, animated)
	out.Original = imagehandler.Prefix + imageurl.Original(key, e.Version, webviewFormat)
	out.Meta = imagehandler.Prefix + imageurl.Meta(key, e.Version)
	return out
}

// checkUIPath rejects a path from the window that is not a whole absolute path: the window has
// no working directory of its own, so a relative or empty path would open the folder the app
// happened to start in.
func checkUIPath(p string) error {
	switch {
	case p == "":
		return fmt.Errorf("no folder given: pick or drop a folder")
	case strings.ContainsRune(p, 0):
		return fmt.Errorf("path %q contains a NUL byte: pick the folder again", p)
	case !filepath.IsAbs(p):
		return fmt.Errorf("path %q is not absolute: pick or drop the folder itself", p)
	}
	return nil
}
