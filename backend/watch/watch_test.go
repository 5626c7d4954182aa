package watch_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/watch"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// waitTimeout bounds every wait for an event. Events come within Debounce (250 ms in these
// tests); the margin is for a loaded CI machine.
const waitTimeout = 10 * time.Second

// recorder keeps every event a Watcher sends.
type recorder struct {
	mu     sync.Mutex
	events []watch.Event
	signal chan struct{}
}

func newRecorder() *recorder {
	return &recorder{signal: make(chan struct{}, 1)}
}

func (r *recorder) notify(ev watch.Event) {
	r.mu.Lock()
	r.events = append(r.events, ev)
	r.mu.Unlock()
	select {
	case r.signal <- struct{}{}:
	default:
	}
}

// snapshot returns the events so far.
func (r *recorder) snapshot() []watch.Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.events)
}

// waitFor waits until some event since the from-th matches match, and returns the index after it.
func (r *recorder) waitFor(tb testing.TB, from int, what string, match func(watch.Event) bool) (watch.Event, int) {
	tb.Helper()
	deadline := time.After(waitTimeout)
	for {
		events := r.snapshot()
		for i := from; i < len(events); i++ {
			if match(events[i]) {
				return events[i], i + 1
			}
		}
		select {
		case <-r.signal:
		case <-deadline:
			tb.Fatalf("no event %s within %s; events: %s", what, waitTimeout, describe(events[from:]))
		}
	}
}

// changesUntil waits until an event since the from-th has a change of kind for path, and returns
// every change from the from-th event to that one.
func (r *recorder) changesUntil(tb testing.TB, from int, kind watch.ChangeKind, path string) []watch.Change {
	tb.Helper()
	_, next := r.waitFor(tb, from, fmt.Sprintf("with %s %s", kind, path), func(ev watch.Event) bool {
		return slices.ContainsFunc(ev.Changes, func(c watch.Change) bool { return c.Kind == kind && c.Path == path })
	})
	var changes []watch.Change
	for _, ev := range r.snapshot()[from:next] {
		changes = append(changes, ev.Changes...)
	}
	return changes
}

func describe(events []watch.Event) string {
	var b strings.Builder
	for _, ev := range events {
		fmt.Fprintf(&b, "\n  %s %q", ev.Library, ev.Folder)
		if ev.Resync != "" {
			fmt.Fprintf(&b, " resync %s", ev.Resync)
		}
		for _, c := range ev.Changes {
			fmt.Fprintf(&b, " [%s %s %s size=%d]", c.Kind, c.OldPath, c.Path, c.Entry.Size)
		}
	}
	return b.String()
}

// fixture is a library on a temporary folder with a Watcher over it.
type fixture struct {
	dir     string
	lib     library.Library
	set     *library.Set
	lister  *listing.Lister
	watcher *watch.Watcher
	events  *recorder
	log     *syncBuffer
}

// syncBuffer is a bytes.Buffer for a logger written from the watcher's goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// testOptions are fast timings for tests. The debounce is long enough that the steps of one
// file operation in a test (create, then write) land in one change on a loaded machine.
func testOptions() watch.Options {
	return watch.Options{
		Debounce:      250 * time.Millisecond,
		MaxDelay:      2 * time.Second,
		CheckInterval: 100 * time.Millisecond,
		PollInterval:  200 * time.Millisecond,
	}
}

// MustWatcher opens dir (a new temporary folder when "") as a library and starts a Watcher on
// it with opts and fast timings where opts has none. The Watcher is closed when the test ends.
func MustWatcher(tb testing.TB, dir string, opts watch.Options) *fixture {
	tb.Helper()
	if dir == "" {
		dir = tb.TempDir()
	}
	set := library.NewSet(nil)
	lib, err := set.Add(dir)
	if err != nil {
		tb.Fatal(err)
	}
	fast := testOptions()
	if opts.Debounce == 0 {
		opts.Debounce, opts.MaxDelay = fast.Debounce, fast.MaxDelay
	}
	if opts.CheckInterval == 0 {
		opts.CheckInterval = fast.CheckInterval
	}
	if opts.PollInterval == 0 {
		opts.PollInterval = fast.PollInterval
	}
	fx := &fixture{dir: dir, lib: lib, set: set, lister: listing.NewLister(time.Hour), events: newRecorder(), log: &syncBuffer{}}
	opts.Libraries, opts.Lister, opts.Notify = set, fx.lister, fx.events.notify
	opts.Logger = slog.New(slog.NewTextHandler(fx.log, &slog.HandlerOptions{Level: slog.LevelDebug}))
	fx.watcher, err = watch.New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := fx.watcher.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return fx
}

func (fx *fixture) mustWatch(tb testing.TB, view string, paths ...string) {
	tb.Helper()
	if err := fx.watcher.Watch(view, fx.lib.ID, paths); err != nil {
		tb.Fatal(err)
	}
}

func (fx *fixture) path(rel string) string {
	return filepath.Join(fx.dir, filepath.FromSlash(rel))
}

// list returns the whole listing of rel through the fixture's Lister, as the UI gets it.
func (fx *fixture) list(tb testing.TB, rel string) []listing.Entry {
	tb.Helper()
	root, err := fx.set.Root(fx.lib.ID)
	if err != nil {
		tb.Fatal(err)
	}
	page, err := fx.lister.List(fx.lib.ID, listing.RootSource{Root: root}, listing.Query{Path: rel})
	if err != nil {
		tb.Fatal(err)
	}
	return page.Entries
}

func entryNamed(entries []listing.Entry, name string) (listing.Entry, bool) {
	for _, e := range entries {
		if e.Name == name {
			return e, true
		}
	}
	return listing.Entry{}, false
}

func MustWrite(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func MustRename(tb testing.TB, from, to string) {
	tb.Helper()
	if err := os.Rename(from, to); err != nil {
		tb.Fatal(err)
	}
}

func TestWatcher_Create(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	fx.mustWatch(t, "grid", "")

	MustWrite(t, fx.path("a.jpg"), "12345")
	changes := fx.events.changesUntil(t, 0, watch.Added, "a.jpg")
	if len(changes) != 1 || changes[0].Entry.Size != 5 || changes[0].Entry.Kind != listing.KindImage {
		t.Errorf("changes=%+v, want one added a.jpg of 5 bytes", changes)
	}
	if _, ok := entryNamed(fx.list(t, ""), "a.jpg"); !ok {
		t.Error("listing after the event has no a.jpg")
	}
}

// TestWatcher_ChunkedWrite writes a file in chunks, as a camera or a download does: the UI
// must end with the whole file and never see it removed.
func TestWatcher_ChunkedWrite(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{Debounce: 100 * time.Millisecond, MaxDelay: time.Second})
	fx.mustWatch(t, "grid", "")

	file, err := os.Create(fx.path("camera.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	const chunks, chunkSize = 5, 1000
	for range chunks {
		if _, err := file.Write(bytes.Repeat([]byte{'x'}, chunkSize)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := file.Close(); err != nil {
		t.Fatal(err)
	}

	_, _ = fx.events.waitFor(t, 0, "with the whole camera.jpg", func(ev watch.Event) bool {
		return slices.ContainsFunc(ev.Changes, func(c watch.Change) bool { return c.Entry.Size == chunks*chunkSize })
	})
	var changes []watch.Change
	for _, ev := range fx.events.snapshot() {
		changes = append(changes, ev.Changes...)
	}
	if changes[0].Kind != watch.Added {
		t.Errorf("first change=%s, want added", changes[0].Kind)
	}
	for _, c := range changes[1:] {
		if c.Kind != watch.Changed {
			t.Errorf("later change=%s, want changed", c.Kind)
		}
	}
	// Chunks 20 ms apart fall within one 100 ms debounce; a loaded machine may split them.
	if len(changes) > chunks {
		t.Errorf("changes=%d for %d chunks, want at most one per chunk", len(changes), chunks)
	}
}

// TestWatcher_RenameThroughTemp saves a file the way editors do, writing a temporary file and
// renaming it over the original: the UI gets one change, with a new version for the thumbnail.
func TestWatcher_RenameThroughTemp(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	MustWrite(t, fx.path("photo.jpg"), "version one")
	before, _ := entryNamed(fx.list(t, ""), "photo.jpg")
	fx.mustWatch(t, "grid", "")

	MustWrite(t, fx.path(".photo.jpg.swp"), "editor state")
	MustWrite(t, fx.path("photo.jpg.part"), "version two!")
	MustRename(t, fx.path("photo.jpg.part"), fx.path("photo.jpg"))

	changes := fx.events.changesUntil(t, 0, watch.Changed, "photo.jpg")
	if len(changes) != 1 {
		t.Errorf("changes=%+v, want only photo.jpg changed", changes)
	}
	after := changes[len(changes)-1].Entry
	if after.Version == before.Version || after.Size != int64(len("version two!")) {
		t.Errorf("version %q size %d after the save, want a new version and %d bytes (was %q)",
			after.Version, after.Size, len("version two!"), before.Version)
	}
	listed, _ := entryNamed(fx.list(t, ""), "photo.jpg")
	if listed.Version != after.Version {
		t.Errorf("listed version=%q, want the event's %q", listed.Version, after.Version)
	}
}

// TestWatcher_RewriteInPlace rewrites a file with the same size, which leaves the folder's
// modification time alone: the Lister's cached listing must still be dropped, so the grid's
// thumbnail URL changes.
func TestWatcher_RewriteInPlace(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	MustWrite(t, fx.path("a.jpg"), "aaaa")
	before, _ := entryNamed(fx.list(t, ""), "a.jpg")
	fx.mustWatch(t, "grid", "")
	time.Sleep(10 * time.Millisecond) // a later modification time on coarse clocks

	MustWrite(t, fx.path("a.jpg"), "bbbb")
	changes := fx.events.changesUntil(t, 0, watch.Changed, "a.jpg")
	listed, _ := entryNamed(fx.list(t, ""), "a.jpg")
	if listed.Version == before.Version {
		t.Fatalf("listed version=%q after the rewrite, want a new one (Lister not invalidated)", listed.Version)
	}
	if listed.Version != changes[0].Entry.Version {
		t.Errorf("listed version=%q, event's=%q", listed.Version, changes[0].Entry.Version)
	}
	key := library.Key(fx.lib.ID, "a.jpg")
	oldURL := imageurl.Thumbnail(key, before.Version, imageurl.ThumbnailSize)
	newURL := imageurl.Thumbnail(key, listed.Version, imageurl.ThumbnailSize)
	if oldURL == newURL {
		t.Errorf("thumbnail URL %s unchanged after the rewrite", newURL)
	}
}

func TestWatcher_Rename(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	MustWrite(t, fx.path("a.jpg"), "x")
	fx.mustWatch(t, "grid", "")

	MustRename(t, fx.path("a.jpg"), fx.path("b.jpg"))
	changes := fx.events.changesUntil(t, 0, watch.Renamed, "b.jpg")
	if len(changes) != 1 || changes[0].OldPath != "a.jpg" || changes[0].Entry.Name != "b.jpg" {
		t.Errorf("changes=%+v, want a.jpg renamed to b.jpg", changes)
	}
}

func TestWatcher_Delete(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	MustWrite(t, fx.path("sub/a.jpg"), "xyz")
	fx.mustWatch(t, "grid", "sub")

	if err := os.Remove(fx.path("sub/a.jpg")); err != nil {
		t.Fatal(err)
	}
	changes := fx.events.changesUntil(t, 0, watch.Removed, "sub/a.jpg")
	if len(changes) != 1 || changes[0].Entry.Size != 3 {
		t.Errorf("changes=%+v, want a.jpg removed with its last entry", changes)
	}
	if got := fx.list(t, "sub"); len(got) != 0 {
		t.Errorf("listing after the removal=%v, want empty", got)
	}
}

// TestWatcher_MoveSubtree moves a folder with files into the library and out again, while the
// tree shows it expanded.
func TestWatcher_MoveSubtree(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	outside := t.TempDir()
	MustWrite(t, filepath.Join(outside, "album/one.jpg"), "1")
	MustWrite(t, filepath.Join(outside, "album/two.jpg"), "2")
	fx.mustWatch(t, "grid", "")

	MustRename(t, filepath.Join(outside, "album"), fx.path("album"))
	changes := fx.events.changesUntil(t, 0, watch.Added, "album")
	if len(changes) != 1 || changes[0].Entry.Kind != listing.KindFolder {
		t.Errorf("changes=%+v, want the folder album added", changes)
	}

	// The tree expands the new folder, which lists its files.
	fx.mustWatch(t, "tree", "", "album")
	if got := len(fx.list(t, "album")); got != 2 {
		t.Errorf("album lists %d entries, want 2", got)
	}
	from := len(fx.events.snapshot())
	MustWrite(t, fx.path("album/three.jpg"), "3")
	fx.events.changesUntil(t, from, watch.Added, "album/three.jpg")

	from = len(fx.events.snapshot())
	MustRename(t, fx.path("album"), filepath.Join(outside, "album"))
	fx.events.changesUntil(t, from, watch.Removed, "album")
	gone, _ := fx.events.waitFor(t, from, "deleted for album", func(ev watch.Event) bool {
		return ev.Folder == "album" && ev.Resync == watch.ReasonDeleted
	})
	if gone.Parent != "" || !gone.ParentExists {
		t.Errorf("deleted event parent=%q exists=%v, want the library root", gone.Parent, gone.ParentExists)
	}

	// Files changed in the moved-away folder are no longer reported under the old path.
	from = len(fx.events.snapshot())
	MustWrite(t, filepath.Join(outside, "album/four.jpg"), "4")
	MustWrite(t, fx.path("marker.jpg"), "m")
	fx.events.changesUntil(t, from, watch.Added, "marker.jpg")
	for _, ev := range fx.events.snapshot()[from:] {
		if ev.Folder == "album" {
			t.Errorf("event for the moved-away album: %s", describe([]watch.Event{ev}))
		}
	}
}

// TestWatcher_DeleteAndRecreate deletes the folder shown in the grid and makes it again, as
// pulling a memory card out and putting it back does.
func TestWatcher_DeleteAndRecreate(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	MustWrite(t, fx.path("card/DCIM/a.jpg"), "a")
	fx.mustWatch(t, "grid", "card/DCIM")

	if err := os.RemoveAll(fx.path("card")); err != nil {
		t.Fatal(err)
	}
	gone, next := fx.events.waitFor(t, 0, "deleted", func(ev watch.Event) bool { return ev.Resync == watch.ReasonDeleted })
	if gone.Folder != "card/DCIM" || gone.Parent != "" || !gone.ParentExists {
		t.Errorf("deleted event=%+v, want card/DCIM with the library root as the nearest folder", gone)
	}
	if got := fx.watcher.Folders(); len(got) != 1 || got[0].Mode != watch.ModeGone || got[0].Kernel {
		t.Errorf("folders=%+v, want card/DCIM gone without a kernel watch", got)
	}

	// Several check intervals pass with the folder gone: no error loop, no more events.
	time.Sleep(5 * testOptions().CheckInterval)
	if extra := fx.events.snapshot()[next:]; len(extra) != 0 {
		t.Errorf("events while the folder was gone: %s", describe(extra))
	}

	MustWrite(t, fx.path("card/DCIM/b.jpg"), "b")
	fx.events.waitFor(t, next, "replaced", func(ev watch.Event) bool {
		return ev.Folder == "card/DCIM" && ev.Resync == watch.ReasonReplaced
	})
	if got := fx.list(t, "card/DCIM"); len(got) != 1 || got[0].Name != "b.jpg" {
		t.Errorf("listing of the new folder=%v, want b.jpg", got)
	}
	from := len(fx.events.snapshot())
	MustWrite(t, fx.path("card/DCIM/c.jpg"), "c")
	fx.events.changesUntil(t, from, watch.Added, "card/DCIM/c.jpg")
}

// TestWatcher_LibraryFolderDeleted deletes the library's own folder: nothing above it exists
// inside the library.
func TestWatcher_LibraryFolderDeleted(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "library")
	MustWrite(t, filepath.Join(dir, "a.jpg"), "a")
	fx := MustWatcher(t, dir, watch.Options{})
	fx.mustWatch(t, "grid", "")

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	gone, _ := fx.events.waitFor(t, 0, "deleted", func(ev watch.Event) bool { return ev.Resync == watch.ReasonDeleted })
	if gone.Folder != "" || gone.ParentExists {
		t.Errorf("deleted event=%+v, want the root with no parent", gone)
	}
}

// TestWatcher_Storm creates 20,000 files and renames each: whatever mix of batches, resyncs and
// overflows that gives, the UI's view must end equal to the folder on disk.
func TestWatcher_Storm(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 20,000 files")
	}
	fx := MustWatcher(t, "", watch.Options{})
	fx.mustWatch(t, "grid", "")
	ui := newModel(fx)

	start := time.Now()
	const n = 20_000
	for i := range n {
		MustWrite(t, fx.path(fmt.Sprintf("new_%05d.jpg", i)), "")
	}
	for i := range n {
		MustRename(t, fx.path(fmt.Sprintf("new_%05d.jpg", i)), fx.path(fmt.Sprintf("IMG_%05d.jpg", i)))
	}
	written := time.Since(start)

	want := readDirNames(t, fx.dir)
	converged := ui.waitFor(t, want)
	resyncs := map[watch.Reason]int{}
	for _, ev := range fx.events.snapshot() {
		if ev.Resync != "" {
			resyncs[ev.Resync]++
		}
	}
	t.Logf("%d files created and renamed in %s; UI converged %s after the last rename "+
		"(%d events, resyncs %v)", n, written.Round(time.Millisecond),
		converged.Round(time.Millisecond), len(fx.events.snapshot()), resyncs)
	if got := names(fx.list(t, "")); !slices.Equal(got, want) {
		t.Errorf("listing has %d names, os.ReadDir %d", len(got), len(want))
	}
}

// model is what the UI shows of the library root: the first listing, changed in place by each
// batch and listed again on a resync.
type model struct {
	fx      *fixture
	mu      sync.Mutex
	entries map[string]bool
	applied int // events applied
}

func newModel(fx *fixture) *model {
	m := &model{fx: fx, entries: map[string]bool{}}
	return m
}

// sync applies the events that arrived since the last call.
func (m *model) sync(tb testing.TB) {
	m.mu.Lock()
	defer m.mu.Unlock()
	events := m.fx.events.snapshot()
	for _, ev := range events[m.applied:] {
		if ev.Folder != "" {
			continue
		}
		if ev.Resync != "" {
			clear(m.entries)
			for _, e := range m.fx.list(tb, "") {
				m.entries[e.Name] = true
			}
			continue
		}
		for _, c := range ev.Changes {
			switch c.Kind {
			case watch.Removed:
				delete(m.entries, c.Path)
			case watch.Renamed:
				delete(m.entries, c.OldPath)
				m.entries[c.Path] = true
			default:
				m.entries[c.Path] = true
			}
		}
	}
	m.applied = len(events)
}

// waitFor applies events until the model holds exactly want, and returns how long that took.
func (m *model) waitFor(tb testing.TB, want []string) time.Duration {
	tb.Helper()
	start := time.Now()
	deadline := start.Add(60 * time.Second)
	for {
		m.sync(tb)
		m.mu.Lock()
		got := make([]string, 0, len(m.entries))
		for name := range m.entries {
			got = append(got, name)
		}
		m.mu.Unlock()
		slices.Sort(got)
		if slices.Equal(got, want) {
			return time.Since(start)
		}
		if time.Now().After(deadline) {
			tb.Fatalf("UI shows %d names, the folder has %d, after 60 s", len(got), len(want))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func readDirNames(tb testing.TB, dir string) []string {
	tb.Helper()
	items, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]string, 0, len(items))
	for _, item := range items {
		out = append(out, item.Name())
	}
	slices.Sort(out)
	return out
}

func names(entries []listing.Entry) []string {
	out := make([]string, 0, len(entries))
	for _, e := range entries {
		out = append(out, e.Name)
	}
	slices.Sort(out)
	return out
}

// TestWatcher_Overflow stalls the watcher so the kernel's event queue (16,384 events by default)
// overflows, as it does behind a slow consumer: every watched folder must be listed again, and
// the log must say why.
func TestWatcher_Overflow(t *testing.T) {
	limit, err := os.ReadFile("/proc/sys/fs/inotify/max_queued_events")
	if err != nil {
		t.Skip("no inotify queue limit to overflow on this system")
	}
	var queue int
	if _, err := fmt.Sscan(string(limit), &queue); err != nil || queue > 100_000 {
		t.Skipf("inotify queue limit %q is too large to overflow in a test", limit)
	}
	fx := MustWatcher(t, "", watch.Options{})
	fx.mustWatch(t, "grid", "")
	ui := newModel(fx)

	release := watch.Hold(fx.watcher)
	for i := range queue + 1000 {
		MustWrite(t, fx.path(fmt.Sprintf("IMG_%05d.jpg", i)), "")
	}
	release()

	fx.events.waitFor(t, 0, "resync overflow", func(ev watch.Event) bool { return ev.Resync == watch.ReasonOverflow })
	ui.waitFor(t, readDirNames(t, fx.dir))
	if log := fx.log.String(); !strings.Contains(log, "event queue overflowed") {
		t.Errorf("log does not mention the overflow:\n%s", log)
	}
}

// TestWatcher_WatchLimit sets a limit of one watch: the second folder is read on a timer, says
// so in the log, still reports its changes, and gets a watch once the first folder closes.
func TestWatcher_WatchLimit(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{MaxWatches: 1})
	MustWrite(t, fx.path("a/x.jpg"), "x")
	MustWrite(t, fx.path("b/y.jpg"), "y")
	fx.mustWatch(t, "grid", "a")
	fx.mustWatch(t, "tree", "b")

	folders := fx.watcher.Folders()
	if len(folders) != 2 || folders[0].Mode != watch.ModeEvents || folders[1].Mode != watch.ModePoll ||
		folders[1].Reason != "watch limit" {
		t.Fatalf("folders=%+v, want a with events and b polled at the watch limit", folders)
	}
	if !strings.Contains(fx.log.String(), "watch limit reached") {
		t.Errorf("log does not mention the watch limit:\n%s", fx.log.String())
	}

	MustWrite(t, fx.path("b/z.jpg"), "z")
	fx.events.changesUntil(t, 0, watch.Added, "b/z.jpg")

	fx.mustWatch(t, "grid") // closes a
	deadline := time.Now().Add(waitTimeout)
	for {
		folders = fx.watcher.Folders()
		if len(folders) == 1 && folders[0].Kernel && folders[0].Mode == watch.ModeEvents {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("folders=%+v, want b watched with events once a closed", folders)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWatcher_EventlessFS pretends the library is on NFS: the folder is read on the timer and the
// log says why.
func TestWatcher_EventlessFS(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{EventlessFS: func(string) (string, bool) { return "nfs", true }})
	fx.mustWatch(t, "grid", "")
	folders := fx.watcher.Folders()
	if len(folders) != 1 || folders[0].Mode != watch.ModePoll || folders[0].Reason != "nfs" {
		t.Errorf("folders=%+v, want the root polled for nfs", folders)
	}
	if log := fx.log.String(); !strings.Contains(log, "reports no changes made elsewhere") || !strings.Contains(log, "fs=nfs") {
		t.Errorf("log does not say the folder is polled:\n%s", log)
	}
	MustWrite(t, fx.path("a.jpg"), "a")
	fx.events.changesUntil(t, 0, watch.Added, "a.jpg")
}

// TestWatcher_Rescan reads a folder at once when the window gets the focus, without waiting for
// the debounce.
func TestWatcher_Rescan(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{Debounce: time.Hour, MaxDelay: time.Hour})
	fx.mustWatch(t, "grid", "")
	MustWrite(t, fx.path("a.jpg"), "a")
	if err := fx.watcher.Rescan(fx.lib.ID, []string{""}); err != nil {
		t.Fatal(err)
	}
	events := fx.events.snapshot()
	if len(events) != 1 || len(events[0].Changes) != 1 || events[0].Changes[0].Path != "a.jpg" {
		t.Errorf("events after Rescan: %s, want a.jpg added", describe(events))
	}
}

// TestWatcher_Symlinks checks that a symlink to a folder is neither watched nor listed.
func TestWatcher_Symlinks(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	MustWrite(t, fx.path("real/a.jpg"), "a")
	if err := os.Symlink(fx.path("real"), fx.path("link")); err != nil {
		t.Fatal(err)
	}
	fx.mustWatch(t, "grid", "", "link")
	for _, f := range fx.watcher.Folders() {
		if f.Path == "link" && (f.Mode != watch.ModeGone || f.Kernel) {
			t.Errorf("folder through a symlink: %+v, want it not watched", f)
		}
	}
	for _, p := range watch.KernelWatches(fx.watcher) {
		if p == fx.path("link") {
			t.Errorf("kernel watch on the symlink %s", p)
		}
	}

	if err := os.Symlink(fx.path("real"), fx.path("link2")); err != nil {
		t.Fatal(err)
	}
	MustWrite(t, fx.path("after.jpg"), "b")
	for _, c := range fx.events.changesUntil(t, 0, watch.Added, "after.jpg") {
		if c.Path == "link2" {
			t.Errorf("symlink to a folder reported: %+v", c)
		}
	}
}

// TestWatcher_Close checks that closing folders, removing the library and closing the watcher
// leave no watch and no goroutine behind.
func TestWatcher_Close(t *testing.T) {
	defer goleak.VerifyNone(t)
	dir := t.TempDir()
	set := library.NewSet(nil)
	lib, err := set.Add(dir)
	if err != nil {
		t.Fatal(err)
	}
	MustWrite(t, filepath.Join(dir, "a/b/c.jpg"), "c")
	w, err := watch.New(watch.Options{Libraries: set})
	if err != nil {
		t.Fatal(err)
	}
	set.OnChange(w.SyncLibraries)

	if err := w.Watch("grid", lib.ID, []string{"a/b"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Watch("tree", lib.ID, []string{"", "a", "a/b"}); err != nil {
		t.Fatal(err)
	}
	if got := len(watch.KernelWatches(w)); got != 3 {
		t.Errorf("kernel watches=%d, want 3", got)
	}

	// Navigating away and collapsing tree nodes.
	if err := w.Watch("grid", "", nil); err != nil {
		t.Fatal(err)
	}
	if err := w.Watch("tree", lib.ID, []string{""}); err != nil {
		t.Fatal(err)
	}
	if got := watch.KernelWatches(w); !slices.Equal(got, []string{dir}) {
		t.Errorf("kernel watches=%v, want only %s", got, dir)
	}

	// Removing the library.
	if err := set.Remove(lib.ID); err != nil {
		t.Fatal(err)
	}
	if got := watch.KernelWatches(w); len(got) != 0 {
		t.Errorf("kernel watches after removing the library=%v, want none", got)
	}
	if got := w.Folders(); len(got) != 0 {
		t.Errorf("folders after removing the library=%+v, want none", got)
	}

	// Closing the window, with a folder still watched.
	lib, err = set.Add(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Watch("grid", lib.ID, []string{"a"}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Watch("grid", lib.ID, []string{"a"}); err == nil {
		t.Error("Watch after Close: no error")
	}
}

func TestWatcher_WatchErrors(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	if err := fx.watcher.Watch("grid", "missing", []string{""}); err == nil {
		t.Error("Watch of an unknown library: no error")
	}
	if err := fx.watcher.Watch("grid", fx.lib.ID, []string{"../outside"}); err == nil {
		t.Error("Watch of a path outside the library: no error")
	}
	// A folder that does not exist yet is watched for.
	fx.mustWatch(t, "grid", "later")
	MustWrite(t, fx.path("later/a.jpg"), "a")
	fx.events.waitFor(t, 0, "replaced for later", func(ev watch.Event) bool {
		return ev.Folder == "later" && ev.Resync == watch.ReasonReplaced
	})
}

// TestWatcher_Unmount unmounts the file system of the folder shown, as pulling out a memory card
// does: the empty folder under the mount point must read as the card removed, not as an empty
// card, until a file system is mounted there again.
func TestWatcher_Unmount(t *testing.T) {
	fx := MustWatcher(t, "", watch.Options{})
	card := fx.path("card")
	if err := os.Mkdir(card, 0o755); err != nil {
		t.Fatal(err)
	}
	mount := func() {
		t.Helper()
		if out, err := exec.Command("mount", "-t", "tmpfs", "tmpfs", card).CombinedOutput(); err != nil {
			t.Skipf("mounting a tmpfs needs root (CAP_SYS_ADMIN): %v: %s", err, out)
		}
	}
	mounted := func() bool {
		out, _ := os.ReadFile("/proc/self/mounts")
		return strings.Contains(string(out), " "+card+" ")
	}
	mount()
	t.Cleanup(func() {
		if mounted() {
			_ = exec.Command("umount", card).Run()
		}
	})
	MustWrite(t, filepath.Join(card, "DSC_0001.jpg"), "1")
	fx.mustWatch(t, "grid", "card")

	if out, err := exec.Command("umount", card).CombinedOutput(); err != nil {
		t.Fatalf("umount: %v: %s", err, out)
	}
	gone, next := fx.events.waitFor(t, 0, "deleted", func(ev watch.Event) bool { return ev.Resync == watch.ReasonDeleted })
	if gone.Folder != "card" || !gone.ParentExists {
		t.Errorf("event=%+v, want card deleted with the root above it", gone)
	}
	time.Sleep(3 * testOptions().CheckInterval)
	if extra := fx.events.snapshot()[next:]; len(extra) != 0 {
		t.Errorf("events while the card was out: %s", describe(extra))
	}

	mount()
	MustWrite(t, filepath.Join(card, "DSC_0002.jpg"), "2")
	fx.events.waitFor(t, next, "replaced", func(ev watch.Event) bool {
		return ev.Folder == "card" && ev.Resync == watch.ReasonReplaced
	})
	if got := names(fx.list(t, "card")); !slices.Equal(got, []string{"DSC_0002.jpg"}) {
		t.Errorf("listing after the card is back=%v, want DSC_0002.jpg", got)
	}
}
