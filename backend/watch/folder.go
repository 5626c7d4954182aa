package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// folderKey names a folder of a library.
type folderKey struct {
	library string
	rel     string
}

// folder is the state of one watched folder. Only the watcher's goroutine touches it.
type folder struct {
	folderKey
	base     string // the library's folder
	abs      string // the folder's absolute path
	refs     int    // views that show it
	gone     bool   // the folder does not exist (or is not a folder); looked for on the timer
	fsName   string // the file system, when it reports no changes made elsewhere
	kernel   bool   // has a kernel watch, listed in Watcher.dirs
	watchErr error  // the error of adding the kernel watch
	lastErr  string // the last read error logged, to log a lasting one once
	id       fileID // the folder's device and inode when it was read
	// mountPoint is true for a folder on another file system than its parent (a memory card, a
	// USB disk). When it is unmounted, the empty folder under it is not the folder shown.
	mountPoint bool
	lastRead   time.Time

	entries map[string]snapshotEntry // by name: what the folder held when last read
	pending map[string]*pendingName  // names with events not yet reported
	whole   *pendingName             // the whole folder is to be read again
	resync  Reason                   // report the next whole read as a resync
}

// mode returns how f is kept in step.
func (f *folder) mode() Mode {
	switch {
	case f.gone:
		return ModeGone
	case f.fsName != "" || !f.kernel:
		return ModePoll
	}
	return ModeEvents
}

// pollReason returns why f is polled: its file system, or the reason it has no kernel watch.
func (f *folder) pollReason() string {
	switch {
	case f.gone:
		return ""
	case f.fsName != "":
		return f.fsName
	case f.kernel:
		return ""
	case errors.Is(f.watchErr, ErrWatchLimit):
		return "watch limit"
	}
	return "no watch"
}

// pendingName records the events of one name (or of the whole folder) still to report.
type pendingName struct {
	first, last time.Time
}

// due returns when the change is reported: Debounce after the last event, but no later than
// MaxDelay after the first.
func (p *pendingName) due(o *Options) time.Time {
	due := p.last.Add(o.Debounce)
	if limit := p.first.Add(o.MaxDelay); limit.Before(due) {
		return limit
	}
	return due
}

func touch(p **pendingName, now time.Time) {
	if *p == nil {
		*p = &pendingName{first: now, last: now}
		return
	}
	(*p).last = now
}

// touchName records an event for name. Past MaxPending names, the folder is read whole instead.
func (f *folder) touchName(name string, now time.Time, o *Options) {
	if f.whole != nil {
		f.whole.last = now
		return
	}
	p := f.pending[name]
	touch(&p, now)
	f.pending[name] = p
	if len(f.pending) > o.MaxPending {
		f.whole = &pendingName{first: now, last: now}
		for _, p := range f.pending {
			if p.first.Before(f.whole.first) {
				f.whole.first = p.first
			}
		}
		clear(f.pending)
	}
}

// nextDue returns when the earliest pending change of f is due, and false when none is pending.
func (f *folder) nextDue(o *Options) (time.Time, bool) {
	var next time.Time
	found := false
	consider := func(p *pendingName) {
		if due := p.due(o); !found || due.Before(next) {
			next, found = due, true
		}
	}
	if f.whole != nil {
		consider(f.whole)
	}
	for _, p := range f.pending {
		consider(p)
	}
	return next, found
}

// childRel returns the library-relative path of the entry name of f.
func (f *folder) childRel(name string) string {
	if f.rel == "" {
		return name
	}
	return f.rel + "/" + name
}

// open starts keeping f in step: it adds the kernel watch first, so nothing that changes while
// the folder is read is missed, then reads the folder. A folder that cannot be reached is
// marked gone, without an event. The Lister's cached listing is kept: the UI lists the folder
// as it opens it, just before or after this, and lists it again once the watch is on.
func (w *Watcher) open(f *folder, now time.Time) {
	f.gone, f.fsName, f.watchErr, f.entries = false, "", nil, nil
	f.pending, f.whole, f.resync = map[string]*pendingName{}, nil, ""
	id, err := w.identify(f)
	if err != nil {
		w.setGone(f)
		w.log.Debug("watched folder not found; looking for it on a timer", "library", f.library,
			"path", f.rel, "error", err)
		return
	}
	if name, eventless := w.opts.EventlessFS(f.abs); eventless {
		f.fsName = name
		w.log.Info("folder is on a file system that reports no changes made elsewhere; "+
			"reading it again on a timer", "library", f.library, "path", f.rel, "fs", name,
			"interval", w.opts.PollInterval)
	}
	if err := w.addKernelWatch(f); err != nil {
		w.kernelWatchFailed(f, err)
	}
	entries, err := w.readFolder(f)
	if err != nil {
		w.setGone(f)
		w.log.Debug("watched folder not read; looking for it on a timer", "library", f.library,
			"path", f.rel, "error", err)
		return
	}
	f.entries, f.id, f.lastRead, f.lastErr = entries, id, now, ""
	f.mountPoint = w.onOwnDevice(f, id)
}

// onOwnDevice reports whether the folder f, whose identity is id, is on another file system
// than the folder that contains it.
func (w *Watcher) onOwnDevice(f *folder, id fileID) bool {
	parent, err := os.Stat(filepath.Dir(f.abs))
	if err != nil || id.device() == 0 {
		return false
	}
	return fileIDOf(parent).device() != id.device()
}

// kernelWatchFailed logs that f is polled because its kernel watch could not be added.
func (w *Watcher) kernelWatchFailed(f *folder, err error) {
	f.watchErr = err
	if errors.Is(err, ErrWatchLimit) {
		w.log.Warn("file watch limit reached; reading the folder again on a timer instead "+
			"(raise fs.inotify.max_user_watches for live updates)", "library", f.library,
			"path", f.rel, "interval", w.opts.PollInterval, "error", err)
		return
	}
	w.log.Warn("folder not watched; reading it again on a timer instead", "library", f.library,
		"path", f.rel, "interval", w.opts.PollInterval, "error", err)
}

// setGone marks f as not existing and drops what it held.
func (w *Watcher) setGone(f *folder) {
	w.removeKernelWatch(f)
	f.gone, f.entries, f.id = true, nil, fileID{}
	clear(f.pending)
	f.whole, f.resync = nil, ""
}

// isFolder reports whether the absolute path abs is a folder now.
func (w *Watcher) isFolder(abs string) bool {
	info, err := os.Stat(abs)
	return err == nil && info.IsDir()
}

// addKernelWatch adds the fsnotify watch of f.abs, or shares the one another folder of a
// nested library already has on the same path.
func (w *Watcher) addKernelWatch(f *folder) error {
	if f.kernel {
		return nil
	}
	if others := w.dirs[f.abs]; len(others) > 0 {
		w.dirs[f.abs] = append(others, f)
		f.kernel = true
		return nil
	}
	if w.opts.MaxWatches > 0 && len(w.dirs) >= w.opts.MaxWatches {
		return fmt.Errorf("watch %q: %w (%d, set by the app)", f.abs, ErrWatchLimit, w.opts.MaxWatches)
	}
	if err := w.fsw.Add(f.abs); err != nil {
		// inotify returns ENOSPC at fs.inotify.max_user_watches.
		if errors.Is(err, syscall.ENOSPC) {
			return fmt.Errorf("watch %q: %w: %w", f.abs, ErrWatchLimit, err)
		}
		return fmt.Errorf("watch %q: %w", f.abs, err)
	}
	w.dirs[f.abs] = []*folder{f}
	f.kernel = true
	return nil
}

// removeKernelWatch removes f's share of the kernel watch on f.abs, and the watch itself when
// no other folder uses it.
func (w *Watcher) removeKernelWatch(f *folder) {
	if !f.kernel {
		return
	}
	f.kernel = false
	others := slices.DeleteFunc(w.dirs[f.abs], func(g *folder) bool { return g == f })
	if len(others) > 0 {
		w.dirs[f.abs] = others
		return
	}
	delete(w.dirs, f.abs)
	// The kernel drops the watch of a deleted folder by itself, and fsnotify drops its record.
	if err := w.fsw.Remove(f.abs); err != nil && !errors.Is(err, fsnotify.ErrNonExistentWatch) {
		w.log.Debug("kernel watch not removed", "path", f.abs, "error", err)
	}
}

// dropStaleWatch removes the kernel watch that f shares with folders of nested libraries when
// none of them has read the folder now at f's path. The watch then still belongs to the folder
// that was deleted or moved away, which reports nothing. The other folders are read again at
// the next flush, which reopens them on the new watch.
func (w *Watcher) dropStaleWatch(f *folder, now time.Time) {
	sharers := w.dirs[f.abs]
	if !slices.ContainsFunc(sharers, func(g *folder) bool { return g != f }) {
		return
	}
	id, err := w.identify(f)
	for _, g := range sharers {
		if g != f && err == nil && g.id == id {
			return
		}
	}
	for _, g := range sharers {
		if g != f {
			touch(&g.whole, now)
		}
	}
	w.dropKernelWatch(f.abs)
	w.arm()
}

// dropKernelWatch removes the kernel watch on abs and every folder's share of it.
func (w *Watcher) dropKernelWatch(abs string) {
	for _, g := range w.dirs[abs] {
		g.kernel = false
	}
	delete(w.dirs, abs)
	if err := w.fsw.Remove(abs); err != nil && !errors.Is(err, fsnotify.ErrNonExistentWatch) {
		w.log.Debug("kernel watch not removed", "path", abs, "error", err)
	}
}
