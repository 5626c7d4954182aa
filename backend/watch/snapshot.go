package watch

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/imagor-studio/desktop/backend/listing"
)

// snapshotEntry is an entry as last read, with the file's identity to tell a rename from a
// removal and an addition.
type snapshotEntry struct {
	entry listing.Entry
	id    fileID
}

// identify checks that f's path still leads to a folder without passing a symlink below the
// library's folder, and returns that folder's identity.
func (w *Watcher) identify(f *folder) (fileID, error) {
	root, err := w.opts.Libraries.Root(f.library)
	if err != nil {
		return fileID{}, err
	}
	if f.rel != "" {
		parts := strings.Split(f.rel, "/")
		for i := range parts {
			info, err := root.Lstat(strings.Join(parts[:i+1], "/"))
			if err != nil {
				return fileID{}, err
			}
			if info.Mode()&fs.ModeSymlink != 0 {
				return fileID{}, fmt.Errorf("watch %q: %w", f.rel, ErrSymlink)
			}
		}
	}
	// The library's own folder may be a symlink the user chose; it is followed.
	info, err := os.Stat(f.abs)
	if err != nil {
		return fileID{}, err
	}
	if !info.IsDir() {
		return fileID{}, fmt.Errorf("watch %q: %w", f.rel, listing.ErrNotFolder)
	}
	return fileIDOf(info), nil
}

// readFolder reads every entry of f as listing.ReadFolder lists it.
func (w *Watcher) readFolder(f *folder) (map[string]snapshotEntry, error) {
	root, err := w.opts.Libraries.Root(f.library)
	if err != nil {
		return nil, err
	}
	name := f.rel
	if name == "" {
		name = "."
	}
	dir, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer dir.Close()
	items, err := dir.ReadDir(-1)
	if err != nil {
		return nil, err
	}
	entries := make(map[string]snapshotEntry, len(items))
	for _, item := range items {
		info, err := item.Info()
		if err != nil {
			continue // removed while it was read; its event follows
		}
		if entry, ok := listing.EntryOf(root, f.rel, info); ok {
			entries[entry.Name] = snapshotEntry{entry: entry, id: fileIDOf(info)}
		}
	}
	return entries, nil
}

// readName reads the entry name of f, and false when the listing has no such entry.
func (w *Watcher) readName(root *os.Root, f *folder, name string) (snapshotEntry, bool) {
	info, err := root.Lstat(f.childRel(name))
	if err != nil {
		return snapshotEntry{}, false
	}
	entry, ok := listing.EntryOf(root, f.rel, info)
	if !ok {
		return snapshotEntry{}, false
	}
	return snapshotEntry{entry: entry, id: fileIDOf(info)}, true
}

// diff returns the changes from f's entries to next for the given names, or for every name
// when names is nil, and updates f's entries to next for them.
func (f *folder) diff(next map[string]snapshotEntry, names []string) []Change {
	if names == nil {
		for name := range f.entries {
			names = append(names, name)
		}
		for name := range next {
			if _, ok := f.entries[name]; !ok {
				names = append(names, name)
			}
		}
	}
	var changes []Change
	var removed, added []identified
	for _, name := range names {
		before, had := f.entries[name]
		after, has := next[name]
		switch {
		case had && !has:
			removed = append(removed, identified{Change{Kind: Removed, Path: before.entry.Path, Entry: before.entry}, before.id})
			delete(f.entries, name)
		case !had && has:
			added = append(added, identified{Change{Kind: Added, Path: after.entry.Path, Entry: after.entry}, after.id})
			f.entries[name] = after
		case had && has:
			if !sameEntry(before.entry, after.entry) {
				changes = append(changes, Change{Kind: Changed, Path: after.entry.Path, Entry: after.entry})
			}
			f.entries[name] = after
		}
	}
	return pairRenames(changes, removed, added)
}

// identified is a change with the identity of the file it is about.
type identified struct {
	change Change
	id     fileID
}

func sameEntry(a, b listing.Entry) bool {
	return a.Kind == b.Kind && a.Size == b.Size && a.ModTime.Equal(b.ModTime) && a.Version == b.Version
}

// pairRenames turns a removal and an addition of the same file (same device and inode) into one
// rename, adds the rest to changes and sorts them by path. A file system may give a new file
// the inode of one deleted a moment before. The pair then reads as a rename, which leaves the
// UI in the same state as a removal and an addition would.
func pairRenames(changes []Change, removed, added []identified) []Change {
	byID := make(map[fileID]int, len(removed))
	for i, r := range removed {
		if !r.id.zero() {
			byID[r.id] = i
		}
	}
	paired := make([]bool, len(removed))
	for _, a := range added {
		if i, ok := byID[a.id]; ok && !a.id.zero() && !paired[i] {
			paired[i] = true
			changes = append(changes, Change{
				Kind: Renamed, Path: a.change.Path, OldPath: removed[i].change.Path, Entry: a.change.Entry,
			})
			continue
		}
		changes = append(changes, a.change)
	}
	for i, r := range removed {
		if !paired[i] {
			changes = append(changes, r.change)
		}
	}
	return sortChanges(changes)
}

func sortChanges(changes []Change) []Change {
	slices.SortFunc(changes, func(a, b Change) int { return compareStrings(a.Path, b.Path) })
	return changes
}

// parentOf returns the library-relative folder that contains rel, and false for the root.
func parentOf(rel string) (string, bool) {
	if rel == "" {
		return "", false
	}
	dir := path.Dir(rel)
	if dir == "." {
		return "", true
	}
	return dir, true
}
