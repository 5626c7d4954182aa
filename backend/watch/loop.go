package watch

import (
	"errors"
	"io/fs"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/imagor-studio/desktop/backend/listing"
)

// minTimerGap keeps the debounce timer from firing in a tight loop while names fall due one by
// one in a storm of events.
const minTimerGap = 10 * time.Millisecond

// overflowLogEvery limits the overflow warning to one line per storm.
const overflowLogEvery = 10 * time.Second

// loop is the watcher's goroutine: it owns the fsnotify watcher and every folder's state.
func (w *Watcher) loop() {
	defer close(w.done)
	check := time.NewTicker(w.opts.CheckInterval)
	defer check.Stop()
	defer w.timer.Stop()

	events, errs := w.fsw.Events, w.fsw.Errors
	for {
		select {
		case <-w.stop:
			return
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			w.event(ev, time.Now())
		case err, ok := <-errs:
			if !ok {
				errs = nil
				continue
			}
			w.fsError(err, time.Now())
		case cmd := <-w.cmds:
			cmd()
		case <-w.timer.C:
			w.timerArmed = false
			w.flush(time.Now())
		case <-check.C:
			w.check(time.Now())
		}
	}
}

// setView makes next the folders of the view id, watching what is new and unwatching what is
// no longer shown by any view.
func (w *Watcher) setView(id string, next view) {
	old := w.views[id]
	now := time.Now()
	for _, key := range next.folders {
		if !slices.Contains(old.folders, key) {
			w.ref(key, now)
		}
	}
	for _, key := range old.folders {
		if !slices.Contains(next.folders, key) {
			w.unref(key)
		}
	}
	if len(next.folders) == 0 {
		delete(w.views, id)
		return
	}
	w.views[id] = next
}

func (w *Watcher) ref(key folderKey, now time.Time) {
	if f := w.folders[key]; f != nil {
		f.refs++
		return
	}
	lib, err := w.opts.Libraries.Get(key.library)
	if err != nil {
		w.log.Warn("folder not watched", "library", key.library, "path", key.rel, "error", err)
		return
	}
	f := &folder{folderKey: key, base: lib.Path, abs: absPath(lib.Path, key.rel), refs: 1}
	w.folders[key] = f
	w.open(f, now)
	w.log.Debug("watching folder", "library", key.library, "path", key.rel, "mode", f.mode(),
		"entries", len(f.entries))
}

func (w *Watcher) unref(key folderKey) {
	f := w.folders[key]
	if f == nil {
		return
	}
	if f.refs--; f.refs > 0 {
		return
	}
	w.removeKernelWatch(f)
	delete(w.folders, key)
	w.log.Debug("stopped watching folder", "library", key.library, "path", key.rel)
}

// event records one fsnotify event. Its name is an entry of a watched folder, or a watched folder
// itself when that was deleted or moved away. When a folder and its parent are both watched, the
// two look the same, so both are checked.
func (w *Watcher) event(ev fsnotify.Event, now time.Time) {
	dir, name := filepath.Dir(ev.Name), filepath.Base(ev.Name)
	for _, f := range w.dirs[dir] {
		f.touchName(name, now, &w.opts)
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		for _, f := range w.dirs[ev.Name] {
			touch(&f.whole, now)
		}
	}
	w.arm()
}

// fsError handles an error from fsnotify. After an overflow the kernel has dropped events of
// every watch, so every watched folder is read whole once the storm calms down.
func (w *Watcher) fsError(err error, now time.Time) {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		w.log.Warn("file watcher error", "error", err)
		return
	}
	if now.Sub(w.overflowLog) >= overflowLogEvery {
		w.overflowLog = now
		w.log.Warn("file events were lost (the kernel's event queue overflowed); "+
			"reading every watched folder again", "folders", len(w.folders))
	}
	for _, f := range w.folders {
		if !f.gone && f.kernel {
			touch(&f.whole, now)
			f.resync = ReasonOverflow
		}
	}
	w.arm()
}

// arm starts the debounce timer unless it runs.
func (w *Watcher) arm() {
	if w.timerArmed {
		return
	}
	w.timer.Reset(w.opts.Debounce)
	w.timerArmed = true
}

// flush reports the changes that are due, and sets the timer for the next ones.
func (w *Watcher) flush(now time.Time) {
	for _, f := range w.folders {
		w.flushFolder(f, now)
	}

	var next time.Time
	found := false
	for _, f := range w.folders {
		if due, ok := f.nextDue(&w.opts); ok && (!found || due.Before(next)) {
			next, found = due, true
		}
	}
	if found {
		w.timer.Reset(max(next.Sub(now), minTimerGap))
		w.timerArmed = true
	}
}

func (w *Watcher) flushFolder(f *folder, now time.Time) {
	if f.gone {
		clear(f.pending)
		f.whole = nil
		return
	}
	if f.whole != nil {
		if !f.whole.due(&w.opts).After(now) {
			w.readWhole(f, now)
		}
		return
	}
	var names []string
	for name, p := range f.pending {
		if !p.due(&w.opts).After(now) {
			names = append(names, name)
			delete(f.pending, name)
		}
	}
	if len(names) > 0 {
		w.readNames(f, names, now)
	}
}

// readWhole reads all of f again and reports the difference, or a resync when one is pending.
func (w *Watcher) readWhole(f *folder, now time.Time) {
	reason := f.resync
	f.whole, f.resync = nil, ""
	clear(f.pending)
	if !w.stillThere(f, now) {
		return
	}
	next, err := w.readFolder(f)
	if err != nil {
		w.unreachable(f, err)
		return
	}
	f.lastRead = now
	w.report(f, f.diff(next, nil), reason, now)
}

// readNames reads the entries names of f and reports how they changed.
func (w *Watcher) readNames(f *folder, names []string, now time.Time) {
	if !w.stillThere(f, now) {
		return
	}
	root, err := w.opts.Libraries.Root(f.library)
	if err != nil {
		w.unreachable(f, err)
		return
	}
	next := make(map[string]snapshotEntry, len(names))
	for _, name := range names {
		if entry, ok := w.readName(root, f, name); ok {
			next[name] = entry
		}
	}
	w.report(f, f.diff(next, names), "", now)
}

// stillThere checks that f is the folder it was when last read. When it is gone, or another
// folder has its name, that is reported and stillThere returns false.
func (w *Watcher) stillThere(f *folder, now time.Time) bool {
	id, err := w.identify(f)
	if err != nil {
		w.unreachable(f, err)
		return false
	}
	if id != f.id {
		if f.mountPoint && !w.onOwnDevice(f, id) {
			w.unreachable(f, ErrDiskRemoved)
		} else {
			w.reopen(f, now)
		}
		return false
	}
	f.lastErr = ""
	return true
}

// report sends f's changes, after dropping the Lister's cached listing so that a listing asked
// for after the event reflects them, then checks the watched subfolders the changes touch.
func (w *Watcher) report(f *folder, changes []Change, reason Reason, now time.Time) {
	if len(changes) == 0 && reason == "" {
		return
	}
	w.invalidate(f)
	if reason == "" && len(changes) > w.opts.MaxBatch {
		reason = ReasonManyChanges
	}
	if reason != "" {
		w.log.Info("folder listed again", "library", f.library, "path", f.rel, "reason", reason,
			"changes", len(changes))
		w.opts.Notify(Event{Library: f.library, Folder: f.rel, Resync: reason})
	} else {
		w.opts.Notify(Event{Library: f.library, Folder: f.rel, Changes: changes})
	}

	// A subfolder removed or renamed away may be watched itself (an expanded tree node), and
	// one added may be a deleted folder that came back.
	for _, c := range changes {
		for _, rel := range []string{c.Path, c.OldPath} {
			g := w.folders[folderKey{f.library, rel}]
			switch {
			case rel == "" || g == nil:
			case g.gone && c.Kind != Removed && c.Entry.Kind == listing.KindFolder:
				w.lookAgain(g, now)
			case !g.gone:
				touch(&g.whole, now)
				w.arm()
			}
		}
	}
}

// unreachable handles an error reaching f. A folder that no longer exists, or whose disk is
// gone, is reported deleted. Another error (a permission changed) is logged once.
func (w *Watcher) unreachable(f *folder, err error) {
	if !isGone(err) {
		if msg := err.Error(); msg != f.lastErr {
			f.lastErr = msg
			w.log.Warn("watched folder could not be read", "library", f.library, "path", f.rel,
				"error", err)
		}
		return
	}
	if f.gone {
		return
	}
	w.setGone(f)
	w.invalidate(f)
	parent, ok := w.nearestFolder(f)
	w.log.Info("watched folder deleted or its disk removed", "library", f.library, "path", f.rel,
		"error", err)
	w.opts.Notify(Event{
		Library: f.library, Folder: f.rel, Resync: ReasonDeleted, Parent: parent, ParentExists: ok,
	})
}

// isGone reports whether err means the folder is not there: deleted, replaced by a file or a
// symlink, or on a disk that went away.
func isGone(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, ErrDiskRemoved) ||
		errors.Is(err, listing.ErrNotFolder) ||
		errors.Is(err, ErrSymlink) || errors.Is(err, syscall.ENOTDIR) ||
		errors.Is(err, syscall.EIO) || errors.Is(err, syscall.ENODEV) ||
		errors.Is(err, syscall.ENXIO) || errors.Is(err, syscall.ESTALE) ||
		errors.Is(err, syscall.ENOTCONN)
}

// reopen reads f afresh after its folder was replaced or came back, and reports it.
func (w *Watcher) reopen(f *folder, now time.Time) {
	wasGone := f.gone
	w.dropStaleWatch(f, now)
	w.removeKernelWatch(f)
	w.open(f, now)
	w.invalidate(f)
	if f.gone {
		if !wasGone {
			// open saw the folder go; report it as any other deletion.
			f.gone = false
			w.unreachable(f, fs.ErrNotExist)
		}
		return
	}
	w.log.Info("watched folder is back or was replaced", "library", f.library, "path", f.rel)
	w.opts.Notify(Event{Library: f.library, Folder: f.rel, Resync: ReasonReplaced})
}

func (w *Watcher) invalidate(f *folder) {
	if w.opts.Lister != nil {
		w.opts.Lister.Invalidate(f.library, f.rel)
	}
}
