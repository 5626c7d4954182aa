package watch_test

import (
	"os"
	"testing"

	"github.com/imagor-studio/desktop/backend/watch"
)

// TestWatcher_NestedRecreate watches one folder as a folder of one library and as the root of a
// nested library, so both share one kernel watch, then replaces the folder. Changes in the new
// folder must reach both libraries.
func TestWatcher_NestedRecreate(t *testing.T) {
	for name, replace := range map[string]func(fx *fixture) error{
		"Deleted": func(fx *fixture) error { return os.RemoveAll(fx.path("sub")) },
		"MovedAway": func(fx *fixture) error {
			return os.Rename(fx.path("sub"), fx.path("sub.old"))
		},
	} {
		t.Run(name, func(t *testing.T) {
			fx := MustWatcher(t, "", watch.Options{})
			MustWrite(t, fx.path("sub/a.jpg"), "a")
			inner, err := fx.set.Add(fx.path("sub"))
			if err != nil {
				t.Fatal(err)
			}
			fx.mustWatch(t, "grid", "sub")
			if err := fx.watcher.Watch("tree", inner.ID, []string{""}); err != nil {
				t.Fatal(err)
			}

			if err := replace(fx); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(fx.path("sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			_, next := fx.events.waitFor(t, 0, "replaced in the outer library", func(ev watch.Event) bool {
				return ev.Library == fx.lib.ID && ev.Folder == "sub" && ev.Resync == watch.ReasonReplaced
			})
			fx.events.waitFor(t, 0, "replaced in the inner library", func(ev watch.Event) bool {
				return ev.Library == inner.ID && ev.Folder == "" && ev.Resync == watch.ReasonReplaced
			})

			MustWrite(t, fx.path("sub/b.jpg"), "b")
			fx.events.waitFor(t, next, "added b.jpg in the outer library", func(ev watch.Event) bool {
				return ev.Library == fx.lib.ID && hasChange(ev, watch.Added, "sub/b.jpg")
			})
			fx.events.waitFor(t, next, "added b.jpg in the inner library", func(ev watch.Event) bool {
				return ev.Library == inner.ID && hasChange(ev, watch.Added, "b.jpg")
			})
			for _, f := range fx.watcher.Folders() {
				if f.Mode != watch.ModeEvents || !f.Kernel {
					t.Errorf("folder %+v, want it watched through kernel events", f)
				}
			}
		})
	}
}

func hasChange(ev watch.Event, kind watch.ChangeKind, path string) bool {
	for _, c := range ev.Changes {
		if c.Kind == kind && c.Path == path {
			return true
		}
	}
	return false
}
