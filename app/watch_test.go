package app_test

import (
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/watch"
)

// TestGallery_WatchFolders checks the bound watch methods against a real watcher: a folder of
// an open library is watched, a path that leaves the library gets a message that says so.
func TestGallery_WatchFolders(t *testing.T) {
	set := library.NewSet(nil)
	lib, err := set.Add(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	lister := listing.NewLister(0)
	watcher, err := watch.New(watch.Options{Libraries: set, Lister: lister})
	if err != nil {
		t.Fatal(err)
	}
	defer watcher.Close()
	a := app.New(app.Services{Libraries: set, Lister: lister, Watcher: watcher, Logger: discard})
	var gallery *app.Gallery
	for _, b := range a.Bindings() {
		if g, ok := b.(*app.Gallery); ok {
			gallery = g
		}
	}

	if err := gallery.WatchFolders("grid", lib.ID, []string{""}); err != nil {
		t.Fatalf("WatchFolders of the root: %v", err)
	}
	if got := watcher.Folders(); len(got) != 1 || got[0].Mode != watch.ModeEvents {
		t.Errorf("watched folders=%+v, want the root with events", got)
	}
	err = gallery.WatchFolders("grid", lib.ID, []string{"../elsewhere"})
	if err == nil || !strings.Contains(err.Error(), "only paths inside an open folder") {
		t.Errorf("WatchFolders outside the library: err=%v, want the outside message", err)
	}
	if err := gallery.Rescan(lib.ID, []string{""}); err != nil {
		t.Errorf("Rescan: %v", err)
	}
	if err := gallery.WatchFolders("grid", "", nil); err != nil {
		t.Errorf("closing the view: %v", err)
	}
	if got := watcher.Folders(); len(got) != 0 {
		t.Errorf("watched folders after closing=%+v, want none", got)
	}
}
