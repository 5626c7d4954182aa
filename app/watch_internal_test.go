package app

import (
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/watch"
)

// TestToChanges checks that a changed image reaches the window with thumbnail URLs that carry
// its new version, so the grid fetches a fresh thumbnail.
func TestToChanges(t *testing.T) {
	out := toChanges(watch.Event{Library: "lib", Folder: "", Changes: []watch.Change{{
		Kind: watch.Changed, Path: "a.jpg",
		Entry: listing.Entry{Name: "a.jpg", Path: "a.jpg", Kind: listing.KindImage, Version: "v2"},
	}}})
	if len(out.Changes) != 1 || out.Changes[0].Kind != "changed" || out.Changes[0].Path != "a.jpg" {
		t.Fatalf("changes=%+v, want a.jpg changed", out.Changes)
	}
	if thumb := out.Changes[0].Entry.Thumbnail; !strings.Contains(thumb, "?v=v2") {
		t.Errorf("thumbnail=%q, want the version v2 in it", thumb)
	}
}

func TestToResync(t *testing.T) {
	deleted := toResync(watch.Event{Library: "lib", Folder: "a/b", Resync: watch.ReasonDeleted, Parent: "", ParentExists: true})
	if deleted.Reason != "deleted" || deleted.Parent == nil || *deleted.Parent != "" {
		t.Errorf("resync=%+v, want deleted with the root as parent", deleted)
	}
	rootGone := toResync(watch.Event{Library: "lib", Folder: "", Resync: watch.ReasonDeleted})
	if rootGone.Parent != nil {
		t.Errorf("parent=%q for a gone library folder, want null", *rootGone.Parent)
	}
	overflow := toResync(watch.Event{Library: "lib", Folder: "a", Resync: watch.ReasonOverflow})
	if overflow.Reason != "overflow" || overflow.Parent != nil {
		t.Errorf("resync=%+v, want overflow without a parent", overflow)
	}
}
