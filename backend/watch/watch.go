// Package watch keeps the folders open in the UI in step with the disk. It watches each folder
// the UI shows (the current folder and the expanded nodes of the folder tree, never a whole
// disk: fsnotify is not recursive) and reports what changed as batches of added, changed,
// removed and renamed entries, built exactly as listing.ReadFolder builds them, so the UI can
// apply them in place instead of listing the folder again.
//
// One goroutine owns the fsnotify watcher and every folder's state. Events are debounced per
// file name, so a camera that writes a file in chunks or an editor that writes a temporary file
// and renames it over the original gives one change. When events are lost (the kernel's queue
// overflowed), when the kernel's watch limit is reached, and on file systems that report no
// changes made by other machines (NFS, SMB, FUSE), the folder is read again instead, and a log
// line records why. Every reported change first invalidates the Lister's cached listing of the folder,
// so a listing requested after an event reflects it.
//
// S3 libraries are not watched: a bucket sends no events. The UI lists them again when the
// window gets the focus, as it does for every folder (Rescan).
//
// NOTE: on macOS and the BSDs fsnotify uses kqueue, which opens one file descriptor for every
// file of a watched folder; a folder of many thousand images can exhaust the process's limit.
// Only Linux (inotify) is tested here.
package watch

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
)

// ChangeKind is the kind of change to an entry.
type ChangeKind string

// Change kinds.
const (
	Added   ChangeKind = "added"
	Changed ChangeKind = "changed" // new content, size, time or kind; Entry has the new Version
	Removed ChangeKind = "removed"
	Renamed ChangeKind = "renamed" // the same file under a new name in the same folder
)

// Change is one entry that changed in a watched folder.
type Change struct {
	Kind    ChangeKind
	Path    string // library-relative; for Renamed, the new path
	OldPath string // for Renamed, the path the entry had
	// Entry is the entry as listing.ReadFolder lists it now; for Removed, as it was last seen.
	Entry listing.Entry
}

// Reason is the cause of a resync: the folder must be listed again instead of changed in place.
type Reason string

// Reasons for a resync.
const (
	// ReasonOverflow: the kernel's event queue overflowed, so changes may have been missed.
	ReasonOverflow Reason = "overflow"
	// ReasonManyChanges: more entries changed at once than one batch carries.
	ReasonManyChanges Reason = "many-changes"
	// ReasonDeleted: the folder was deleted or moved away, or its disk was removed. Nothing is
	// listed until it comes back, which a later ReasonReplaced reports.
	ReasonDeleted Reason = "deleted"
	// ReasonReplaced: a deleted folder is back, or another folder now has its name.
	ReasonReplaced Reason = "replaced"
)

// Event reports a watched folder's changes, or a resync when Resync is set.
type Event struct {
	Library string
	Folder  string   // library-relative, "" for the library root
	Changes []Change // in path order; empty for a resync
	Resync  Reason
	// Parent and ParentExists are set for ReasonDeleted: the nearest folder above Folder that
	// still exists ("" is the library root), and false when the library's own folder is gone.
	Parent       string
	ParentExists bool
}

// Libraries finds the folders of the open libraries. *library.Set implements it.
type Libraries interface {
	Get(id string) (library.Library, error)
	Root(id string) (*os.Root, error)
}

// Invalidator drops cached listings. *listing.Lister implements it.
type Invalidator interface {
	Invalidate(libraryID, path string)
}

// Defaults of Options.
const (
	DefaultDebounce      = 200 * time.Millisecond
	DefaultMaxDelay      = time.Second
	DefaultCheckInterval = 2 * time.Second
	DefaultPollInterval  = 5 * time.Second
	DefaultMaxBatch      = 500
	DefaultMaxPending    = 1000
)

// Options configure a Watcher. Zero durations and counts take the defaults above.
type Options struct {
	Libraries Libraries   // required
	Lister    Invalidator // may be nil
	// Notify receives every event, on the watcher's goroutine, in the order the changes were
	// seen. It must not call the Watcher, and should return quickly: events wait meanwhile.
	Notify func(Event)
	Logger *slog.Logger // nil discards the log

	// Debounce is how long a file must go without events before its change is reported.
	Debounce time.Duration
	// MaxDelay bounds the wait for a file that keeps changing: it is reported at least this
	// often while it does.
	MaxDelay time.Duration
	// CheckInterval is how often every watched folder is checked to still be the folder it was
	// (a removed disk sends no event) and a deleted folder is looked for again.
	CheckInterval time.Duration
	// PollInterval is how often a folder without reliable events is read again: one on a file
	// system that reports no changes made elsewhere, or one past the watch limit.
	PollInterval time.Duration
	// MaxBatch is the maximum number of changes one event carries. A folder with more changes at
	// once gets a resync (ReasonManyChanges) instead.
	MaxBatch int
	// MaxPending is the maximum number of file names waiting in one folder's debounce. Past it
	// the names are dropped and the whole folder is read again once the events stop, which
	// bounds the memory a storm of events takes.
	MaxPending int
	// MaxWatches, when positive, is a watch limit of the watcher's own, below the kernel's, for
	// tests of what happens at the limit. Zero leaves only the kernel's limit.
	MaxWatches int
	// EventlessFS reports whether the folder dir is on a file system that does not report
	// changes made by other machines, and its name. Nil uses the file system type (statfs on
	// Linux and macOS); it exists so tests can pretend a folder is on NFS.
	EventlessFS func(dir string) (string, bool)
}

// Errors returned by the Watcher.
var (
	ErrClosed      = errors.New("file watcher closed")
	ErrWatchLimit  = errors.New("file watch limit reached")
	ErrSymlink     = errors.New("folder is reached through a symlink, which is not followed")
	ErrDiskRemoved = errors.New("the folder's disk was unmounted")
)

// Watcher watches the folders the UI shows. Its methods are safe for concurrent use; they hand
// their work to the watcher's goroutine and wait for it.
type Watcher struct {
	opts Options
	log  *slog.Logger
	fsw  *fsnotify.Watcher

	cmds      chan func()
	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error

	// Everything below belongs to the goroutine that runs loop.
	views       map[string]view
	folders     map[folderKey]*folder
	dirs        map[string][]*folder // absolute path to the folders with a kernel watch on it
	timer       *time.Timer
	timerArmed  bool
	overflowLog time.Time // when an overflow was last logged, to log a storm once
}

// view is the folders one part of the UI shows, in one library.
type view struct {
	library string
	folders []folderKey
}

// New starts a Watcher. The caller must call Close.
func New(opts Options) (*Watcher, error) {
	if opts.Libraries == nil {
		return nil, errors.New("new file watcher: no libraries given")
	}
	setDefaults(&opts)
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("new file watcher: %w", err)
	}
	w := &Watcher{
		opts:    opts,
		log:     opts.Logger,
		fsw:     fsw,
		cmds:    make(chan func()),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
		views:   map[string]view{},
		folders: map[folderKey]*folder{},
		dirs:    map[string][]*folder{},
		timer:   time.NewTimer(time.Hour),
	}
	w.timer.Stop()
	go w.loop()
	return w, nil
}

func setDefaults(o *Options) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Notify == nil {
		o.Notify = func(Event) {}
	}
	if o.EventlessFS == nil {
		o.EventlessFS = eventlessFS
	}
	defaultDuration(&o.Debounce, DefaultDebounce)
	defaultDuration(&o.MaxDelay, DefaultMaxDelay)
	defaultDuration(&o.CheckInterval, DefaultCheckInterval)
	defaultDuration(&o.PollInterval, DefaultPollInterval)
	if o.MaxBatch <= 0 {
		o.MaxBatch = DefaultMaxBatch
	}
	if o.MaxPending <= 0 {
		o.MaxPending = DefaultMaxPending
	}
}

func defaultDuration(d *time.Duration, def time.Duration) {
	if *d <= 0 {
		*d = def
	}
}

// Close stops the watcher's goroutine and removes every watch. Events not yet reported are
// dropped. Close may be called more than once.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() {
		close(w.stop)
		<-w.done
		w.closeErr = w.fsw.Close()
	})
	return w.closeErr
}

// do runs fn on the watcher's goroutine and waits for it.
func (w *Watcher) do(fn func()) error {
	ran := make(chan struct{})
	select {
	case w.cmds <- func() { fn(); close(ran) }:
		<-ran
		return nil
	case <-w.done:
		return ErrClosed
	}
}

// Watch replaces the folders that the part of the UI called view shows with paths of the
// library libraryID (library-relative, "" for the root). An empty libraryID or no paths
// stops the view's watches. A folder stays watched while any view shows it. Folders of an S3
// library are accepted and not watched. A folder that does not exist is watched for: when it
// appears, a ReasonReplaced event reports it.
func (w *Watcher) Watch(viewID, libraryID string, paths []string) error {
	next := view{library: libraryID}
	if libraryID != "" && len(paths) > 0 {
		lib, err := w.opts.Libraries.Get(libraryID)
		if err != nil {
			return fmt.Errorf("watch: %w", err)
		}
		for _, p := range paths {
			rel, err := library.CleanRel(p)
			if err != nil {
				return fmt.Errorf("watch: %w", err)
			}
			if lib.Kind == library.KindFolder && !slices.Contains(next.folders, folderKey{libraryID, rel}) {
				next.folders = append(next.folders, folderKey{libraryID, rel})
			}
		}
	}
	return w.do(func() { w.setView(viewID, next) })
}

// Rescan reads the given folders of a library again now and reports what changed since they
// were last read. It also drops the Lister's cached listings of them, watched or not, so the
// next listing reads the disk. The UI calls it when the window gets the focus, for changes that
// no event reported (a network file system, an S3 bucket).
func (w *Watcher) Rescan(libraryID string, paths []string) error {
	var keys []folderKey
	for _, p := range paths {
		rel, err := library.CleanRel(p)
		if err != nil {
			return fmt.Errorf("rescan: %w", err)
		}
		keys = append(keys, folderKey{libraryID, rel})
	}
	return w.do(func() {
		now := time.Now()
		for _, key := range keys {
			if f := w.folders[key]; f != nil {
				w.rescan(f, now)
			} else if w.opts.Lister != nil {
				w.opts.Lister.Invalidate(key.library, key.rel)
			}
		}
	})
}

// SyncLibraries stops watching the folders of libraries that are no longer in libs, for a
// library that was removed. library.Set's OnChange calls it with the new list.
func (w *Watcher) SyncLibraries(libs []library.Library) {
	open := map[string]bool{}
	for _, lib := range libs {
		open[lib.ID] = true
	}
	_ = w.do(func() {
		for id, v := range w.views {
			if !open[v.library] {
				w.setView(id, view{})
			}
		}
	})
}

// Mode is the way a folder is kept in step.
type Mode string

// Modes of a watched folder.
const (
	ModeEvents Mode = "events" // kernel events
	ModePoll   Mode = "poll"   // read again every PollInterval (kernel events too where they come)
	ModeGone   Mode = "gone"   // the folder does not exist; looked for every CheckInterval
)

// FolderStatus describes one watched folder.
type FolderStatus struct {
	Library string
	Path    string
	Mode    Mode
	Reason  string // for ModePoll: the file system's name, or "watch limit"
	Kernel  bool   // has a kernel watch
	Views   int    // views that show it
}

// Folders returns the watched folders, sorted by library and path.
func (w *Watcher) Folders() []FolderStatus {
	var out []FolderStatus
	_ = w.do(func() {
		for _, f := range w.folders {
			out = append(out, FolderStatus{
				Library: f.library, Path: f.rel, Mode: f.mode(), Reason: f.pollReason(),
				Kernel: f.kernel, Views: f.refs,
			})
		}
	})
	slices.SortFunc(out, func(a, b FolderStatus) int {
		if a.Library != b.Library {
			return compareStrings(a.Library, b.Library)
		}
		return compareStrings(a.Path, b.Path)
	})
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// absPath returns the absolute path of rel inside the library folder base.
func absPath(base, rel string) string {
	if rel == "" {
		return base
	}
	return filepath.Join(base, filepath.FromSlash(rel))
}
