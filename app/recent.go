package app

import (
	"path"

	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
	wailsruntime "github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/imagor-studio/desktop/backend/library"
)

// recentInMenu is how many recent files File → Open Recent lists.
const recentInMenu = 10

// EventOpenLocation is the event the frontend receives when a menu item asks it to show a place;
// its payload is a Location.
const EventOpenLocation = "open-location"

// EventMenu is the event for menu commands the frontend carries out; its payload is the command
// name ("open-folder").
const EventMenu = "menu"

// RecentFile is a recently opened file, for the start screen and the menu.
type RecentFile struct {
	Library     string `json:"library"`
	LibraryName string `json:"libraryName"`
	Path        string `json:"path"`
	Name        string `json:"name"`
	OpenedAt    int64  `json:"openedAt"` // Unix milliseconds
	Available   bool   `json:"available"`
}

// Opened records that the user opened a file in the viewer or the editor, for Open Recent.
func (g *Gallery) Opened(libraryID, rel string) error {
	if _, err := library.CleanRel(rel); err != nil {
		return userError(err)
	}
	if err := g.app.svc.Settings.AddRecent(g.app.context(), libraryID, rel); err != nil {
		return userError(err)
	}
	g.app.refreshMenu()
	return nil
}

// Recent returns the recently opened files, newest first.
func (g *Gallery) Recent() ([]RecentFile, error) {
	return g.app.recent(50)
}

func (a *App) recent(limit int) ([]RecentFile, error) {
	stored, err := a.svc.Settings.Recent(a.context(), limit)
	if err != nil {
		return nil, userError(err)
	}
	out := make([]RecentFile, 0, len(stored))
	for _, r := range stored {
		item := RecentFile{Library: r.LibraryID, Path: r.Path, Name: path.Base(r.Path), OpenedAt: r.OpenedAt.UnixMilli()}
		if lib, err := a.svc.Libraries.Get(r.LibraryID); err == nil {
			item.LibraryName, item.Available = lib.Name, true
		}
		out = append(out, item)
	}
	return out, nil
}

// Menu returns the application menu: File with Open Folder, Open Recent and Quit.
func (a *App) Menu() *menu.Menu {
	app := menu.NewMenu()
	file := app.AddSubmenu("File")
	file.AddText("Open Folder…", keys.CmdOrCtrl("o"), func(*menu.CallbackData) {
		wailsruntime.EventsEmit(a.context(), EventMenu, "open-folder")
	})
	recent := file.AddSubmenu("Open Recent")
	a.fillRecent(recent)
	file.AddSeparator()
	file.AddText("Quit", keys.CmdOrCtrl("q"), func(*menu.CallbackData) {
		wailsruntime.Quit(a.context())
	})
	a.mu.Lock()
	a.menu, a.recentMenu = app, recent
	a.mu.Unlock()
	return app
}

func (a *App) fillRecent(m *menu.Menu) {
	m.Items = nil
	files, err := a.recent(recentInMenu)
	if err != nil || len(files) == 0 {
		m.AddText("No recent files", nil, nil).Disabled = true
		return
	}
	for _, f := range files {
		label := f.Name + " — " + f.LibraryName
		item := m.AddText(label, nil, func(*menu.CallbackData) {
			wailsruntime.EventsEmit(a.context(), EventOpenLocation,
				Location{Library: f.Library, Path: folderOf(f.Path), Select: f.Path})
		})
		item.Disabled = !f.Available
	}
}

// refreshMenu rebuilds Open Recent after a file was opened.
func (a *App) refreshMenu() {
	a.mu.Lock()
	app, recent := a.menu, a.recentMenu
	a.mu.Unlock()
	if app == nil || recent == nil {
		return
	}
	a.fillRecent(recent)
	wailsruntime.MenuUpdateApplicationMenu(a.context())
}

// folderOf returns the folder of a library-relative file path, "" for the library root.
func folderOf(p string) string {
	if dir := path.Dir(p); dir != "." {
		return dir
	}
	return ""
}
