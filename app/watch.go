package app

import (
	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/watch"
)

// Events the file watcher sends to the frontend.
const (
	// EventFolderChanges carries a FolderChanges: entries of a watched folder that changed.
	EventFolderChanges = "folder-changes"
	// EventFolderResync carries a FolderResync: a watched folder must be listed again, or was
	// deleted.
	EventFolderResync = "folder-resync"
)

// FolderChange is one entry of a watched folder that changed.
type FolderChange struct {
	Kind    string `json:"kind"`              // added, changed, removed or renamed
	Path    string `json:"path"`              // the new path for renamed
	OldPath string `json:"oldPath,omitempty"` // the path a renamed entry had
	Entry   Entry  `json:"entry"`             // the entry now; for removed, as it was last seen
}

// FolderChanges is a batch of changes in one watched folder, in path order.
type FolderChanges struct {
	Library string         `json:"library"`
	Folder  string         `json:"folder"`
	Changes []FolderChange `json:"changes"`
}

// FolderResync is the request to the frontend to list a watched folder again. Reason is
// overflow (events were lost), many-changes, replaced (a deleted folder is back), or deleted.
// For deleted, nothing is listed, and Parent is the nearest folder above that still exists, or
// null when the library's own folder is gone (a removed disk).
type FolderResync struct {
	Library string  `json:"library"`
	Folder  string  `json:"folder"`
	Reason  string  `json:"reason"`
	Parent  *string `json:"parent"`
}

// WatchFolders replaces the folders that one part of the window shows with paths of the
// library libraryID (library-relative, "" for the root). The part is named by view, for example
// "grid" for the open folder and "tree" for the expanded nodes of the folder tree. An empty
// libraryID or no paths closes the view's folders. Their changes then arrive as EventFolderChanges and
// EventFolderResync events. Folders of S3 libraries are accepted and not watched.
func (g *Gallery) WatchFolders(view, libraryID string, paths []string) error {
	if g.app.svc.Watcher == nil {
		return nil
	}
	return userError(g.app.svc.Watcher.Watch(view, libraryID, paths))
}

// Rescan reads the given folders of a library again, sends what changed since the last read,
// and makes the next List of them read the disk. The frontend calls it when the window gets
// the focus, then lists the open folder again, for changes no event reported (a network share,
// an S3 bucket).
func (g *Gallery) Rescan(libraryID string, paths []string) error {
	if g.app.svc.Watcher == nil {
		for _, p := range paths {
			rel, err := library.CleanRel(p)
			if err != nil {
				return userError(err)
			}
			g.app.svc.Lister.Invalidate(libraryID, rel)
		}
		return nil
	}
	return userError(g.app.svc.Watcher.Rescan(libraryID, paths))
}

// FolderEvent sends a file watcher event to the frontend. It is the watcher's Notify; events
// before the window started or after it closed are dropped.
func (a *App) FolderEvent(ev watch.Event) {
	a.mu.Lock()
	ctx, running := a.ctx, a.running
	a.mu.Unlock()
	if !running {
		return
	}
	if ev.Resync != "" {
		wailsruntime.EventsEmit(ctx, EventFolderResync, toResync(ev))
		return
	}
	wailsruntime.EventsEmit(ctx, EventFolderChanges, toChanges(ev))
}

func toChanges(ev watch.Event) FolderChanges {
	out := FolderChanges{Library: ev.Library, Folder: ev.Folder, Changes: make([]FolderChange, 0, len(ev.Changes))}
	for _, c := range ev.Changes {
		out.Changes = append(out.Changes, FolderChange{
			Kind: string(c.Kind), Path: c.Path, OldPath: c.OldPath, Entry: toEntry(ev.Library, c.Entry),
		})
	}
	return out
}

func toResync(ev watch.Event) FolderResync {
	out := FolderResync{Library: ev.Library, Folder: ev.Folder, Reason: string(ev.Resync)}
	if ev.Resync == watch.ReasonDeleted && ev.ParentExists {
		parent := ev.Parent
		out.Parent = &parent
	}
	return out
}
