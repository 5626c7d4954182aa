package app_test

import (
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
)

// TestGallery_OpenDroppedBadPaths checks that drops that are not whole absolute paths open
// nothing, in particular not the folder the app was started in.
func TestGallery_OpenDroppedBadPaths(t *testing.T) {
	set := library.NewSet(nil)
	a := app.New(app.Services{Libraries: set, Lister: listing.NewLister(0), Logger: discard})
	var gallery *app.Gallery
	for _, b := range a.Bindings() {
		if g, ok := b.(*app.Gallery); ok {
			gallery = g
		}
	}
	loc, err := gallery.OpenDropped([]string{"", "relative/dir", "/tmp/a\x00b"})
	if err == nil || loc != nil {
		t.Fatalf("OpenDropped of bad paths: loc=%v err=%v, want an error", loc, err)
	}
	for _, want := range []string{"no folder given", "not absolute", "NUL byte"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if n := len(set.List()); n != 0 {
		t.Errorf("libraries=%d after bad drops, want 0", n)
	}
	if _, err := gallery.AddLibrary(""); err == nil {
		t.Error("AddLibrary(\"\"): no error")
	}
}
