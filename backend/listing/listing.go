// Package listing reads folders for the gallery: entries with their kind, size, modification time
// and version, sorted and filtered in Go over the whole folder, and handed out in pages. Listings
// are cached per folder and re-read when the folder changes or the cache gets old.
package listing

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

// Sort orders.
const (
	SortName     = "name"
	SortModified = "modified"
	SortSize     = "size"
)

// ErrNotFolder is returned when the listed path is not a folder.
var ErrNotFolder = errors.New("not a folder")

// Entry is one item of a folder.
type Entry struct {
	Name    string
	Path    string // slash-separated, relative to the library root
	Kind    Kind
	Size    int64
	ModTime time.Time
	Version string // changes with the file's content; empty for folders
}

// Query selects a page of a folder.
type Query struct {
	Path   string // cleaned, relative to the library root; "" is the root
	Sort   string // SortName, SortModified or SortSize; "" means SortName
	Desc   bool
	Filter string // case-insensitive substring of the name; "" keeps everything
	Offset int
	Limit  int    // 0 means every entry from Offset
	Select string // path of an entry whose index Page.SelectIndex reports; "" for none
}

// Page is a slice of a sorted, filtered folder.
type Page struct {
	Entries     []Entry
	Total       int // entries that pass the filter, in the whole folder
	Offset      int
	SelectIndex int // index of Query.Select in the sorted, filtered folder; -1 when absent
}

// Lister lists folders inside library roots. It is safe for concurrent use.
type Lister struct {
	// MaxAge is how long a cached listing is used without a re-read when the folder's own
	// modification time has not changed. It bounds how stale a size or mtime shown can be for a
	// file rewritten in place, which does not touch the folder.
	MaxAge time.Duration

	mu      sync.Mutex
	folders map[string]*folder // key: library id + "\x00" + path
}

type folder struct {
	mu         sync.Mutex
	refreshing bool // a background read is running
	stamp      string
	readAt     time.Time
	entries    []Entry
	folded     []string         // foldName of each entry's name, for sorting
	sorted     map[string][]int // key: sort order + direction
	filtered   map[string][]int // key: sort key + filter, last few only
}

// NewLister returns a Lister whose cache re-reads a folder at most every maxAge.
func NewLister(maxAge time.Duration) *Lister {
	return &Lister{MaxAge: maxAge, folders: map[string]*folder{}}
}

// Source reads the folders of one library for a Lister.
type Source interface {
	// FolderStamp returns a value that changes whenever an entry is added to or removed from the
	// folder (a local folder's modification time), or "" when the source has none, so that only
	// MaxAge bounds how stale a listing is. It fails when path is not a folder.
	FolderStamp(path string) (string, error)
	// ReadFolder returns every visible entry of the folder, in any order.
	ReadFolder(path string) ([]Entry, error)
}

// List returns the page of the folder q.Path of src that q selects. libraryID keys the cache.
func (l *Lister) List(libraryID string, src Source, q Query) (Page, error) {
	f, err := l.load(libraryID, src, q.Path)
	if err != nil {
		return Page{}, err
	}

	f.mu.Lock()
	order := f.order(q.Sort, q.Desc, strings.ToLower(q.Filter))
	entries := f.entries
	f.mu.Unlock()

	page := Page{Total: len(order), Offset: min(max(q.Offset, 0), len(order)), SelectIndex: -1}
	if q.Select != "" {
		for i, e := range order {
			if entries[e].Path == q.Select {
				page.SelectIndex = i
				break
			}
		}
	}
	end := len(order)
	if q.Limit > 0 {
		end = min(page.Offset+q.Limit, len(order))
	}
	page.Entries = make([]Entry, 0, end-page.Offset)
	for _, i := range order[page.Offset:end] {
		page.Entries = append(page.Entries, entries[i])
	}
	return page, nil
}

// Invalidate drops the cached listing of one folder, so the next List reads the folder again
// before it returns, even when the folder's stamp has not changed (a file rewritten in place).
// The file watcher calls it for every folder it reports a change in. A List already reading
// the folder when Invalidate runs keeps its result to itself: nothing it read is cached.
func (l *Lister) Invalidate(libraryID, path string) {
	l.mu.Lock()
	delete(l.folders, libraryID+"\x00"+path)
	l.mu.Unlock()
}

// InvalidateLibrary drops the cached listings of every folder of one library, for a library
// that was removed.
func (l *Lister) InvalidateLibrary(libraryID string) {
	prefix := libraryID + "\x00"
	l.mu.Lock()
	for key := range l.folders {
		if strings.HasPrefix(key, prefix) {
			delete(l.folders, key)
		}
	}
	l.mu.Unlock()
}

func (l *Lister) load(libraryID string, src Source, path string) (*folder, error) {
	stamp, err := src.FolderStamp(path)
	if err != nil {
		return nil, err
	}

	key := libraryID + "\x00" + path
	l.mu.Lock()
	f := l.folders[key]
	if f == nil {
		f = &folder{}
		l.folders[key] = f
	}
	l.mu.Unlock()

	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.entries != nil && stamp == f.stamp && time.Since(f.readAt) < l.MaxAge:
		return f, nil
	case f.entries != nil && stamp == f.stamp:
		// The stamp shows the same names, but sizes and times of files rewritten in place may
		// be stale. Return the cached page and read the folder in the background.
		if !f.refreshing {
			f.refreshing = true
			go f.refresh(src, path, stamp)
		}
		return f, nil
	}
	entries, err := src.ReadFolder(path)
	if err != nil {
		return nil, err
	}
	f.set(entries, stamp)
	return f, nil
}

// refresh reads the folder again and replaces the cached entries, unless a newer read won.
func (f *folder) refresh(src Source, path, stamp string) {
	entries, err := src.ReadFolder(path)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.refreshing = false
	if err == nil && f.stamp == stamp {
		f.set(entries, stamp)
	}
}

// set replaces the cached entries and drops the orders computed for the old ones. f.mu is held.
func (f *folder) set(entries []Entry, stamp string) {
	f.entries, f.stamp, f.readAt = entries, stamp, time.Now()
	f.folded = make([]string, len(entries))
	for i := range entries {
		f.folded[i] = foldName(entries[i].Name)
	}
	f.sorted, f.filtered = map[string][]int{}, map[string][]int{}
}

// order returns the indexes of f.entries in the requested order, folders first. f.mu is held.
func (f *folder) order(sortBy string, desc bool, filter string) []int {
	sortKey := fmt.Sprintf("%s/%t", sortBy, desc)
	sorted, ok := f.sorted[sortKey]
	if !ok {
		sorted = sortEntries(f.entries, f.folded, sortBy, desc)
		f.sorted[sortKey] = sorted
	}
	if filter == "" {
		return sorted
	}
	filterKey := sortKey + "/" + filter
	if kept, ok := f.filtered[filterKey]; ok {
		return kept
	}
	kept := make([]int, 0, len(sorted)/4)
	for _, i := range sorted {
		if strings.Contains(strings.ToLower(f.entries[i].Name), filter) {
			kept = append(kept, i)
		}
	}
	if len(f.filtered) >= 8 {
		clear(f.filtered)
	}
	f.filtered[filterKey] = kept
	return kept
}

func sortEntries(entries []Entry, folded []string, sortBy string, desc bool) []int {
	order := make([]int, len(entries))
	for i := range order {
		order[i] = i
	}
	// The comparison is a total order (names break every tie), so an unstable sort is enough.
	slices.SortFunc(order, func(i, j int) int {
		a, b := &entries[i], &entries[j]
		if (a.Kind == KindFolder) != (b.Kind == KindFolder) {
			if a.Kind == KindFolder {
				return -1
			}
			return 1
		}
		c := compareBy(a, b, sortBy)
		if c == 0 {
			c = compareFolded(folded[i], folded[j], a.Name, b.Name)
		}
		if desc {
			c = -c
		}
		return c
	})
	return order
}

func compareBy(a, b *Entry, sortBy string) int {
	switch sortBy {
	case SortModified:
		return a.ModTime.Compare(b.ModTime)
	case SortSize:
		return compareInt(a.Size, b.Size)
	}
	return 0
}

func compareInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
