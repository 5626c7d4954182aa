package watch

import "time"

// lookAgain reopens the deleted folder f when it exists again. A mount point whose disk was
// removed exists as the empty folder under it; it is back when a disk is mounted there again.
func (w *Watcher) lookAgain(f *folder, now time.Time) {
	id, err := w.identify(f)
	if err != nil || f.mountPoint && !w.onOwnDevice(f, id) {
		return
	}
	w.reopen(f, now)
}

// nearestFolder returns the nearest folder above f that exists, and false when the library's
// own folder is gone.
func (w *Watcher) nearestFolder(f *folder) (string, bool) {
	rel := f.rel
	for {
		parent, ok := parentOf(rel)
		if !ok {
			return "", false
		}
		if w.isFolder(absPath(f.base, parent)) {
			return parent, true
		}
		rel = parent
	}
}

// check runs every CheckInterval: it notices folders that changed without an event (a removed
// disk, a dropped watch), looks for deleted folders again, and reads polled folders when due.
func (w *Watcher) check(now time.Time) {
	watched := map[string]bool{}
	for _, p := range w.fsw.WatchList() {
		watched[p] = true
	}
	for _, f := range w.folders {
		if f.gone {
			w.lookAgain(f, now)
			continue
		}
		if !w.stillThere(f, now) {
			continue
		}
		upgraded := false
		if f.kernel && !watched[f.abs] {
			// fsnotify drops a watch the kernel ended (an unmount, a deleted folder) without an
			// event, and every folder of a nested library that shared it lost it too.
			w.dropKernelWatch(f.abs)
		}
		if !f.kernel {
			if err := w.addKernelWatch(f); err == nil {
				w.log.Info("folder watched for changes again", "library", f.library, "path", f.rel)
				f.watchErr, upgraded = nil, true
			}
		}
		if upgraded || f.mode() == ModePoll && now.Sub(f.lastRead) >= w.opts.PollInterval {
			w.readWhole(f, now)
		}
	}
}

// rescan reads f whole now (Rescan), or looks for it when it was deleted.
func (w *Watcher) rescan(f *folder, now time.Time) {
	if f.gone {
		w.lookAgain(f, now)
	} else {
		w.readWhole(f, now)
	}
	w.invalidate(f)
}
