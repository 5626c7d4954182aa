package listing

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"
)

// RootSource lists a local folder library through its os.Root, so no listed path can lead out.
type RootSource struct {
	Root *os.Root
}

// FolderStamp returns the folder's modification time, which changes when an entry is added,
// removed or renamed.
func (s RootSource) FolderStamp(path string) (string, error) {
	info, err := s.Root.Stat(rootName(path))
	if err != nil {
		return "", fmt.Errorf("list %q: %w", path, plainError(err))
	}
	if !info.IsDir() {
		return "", fmt.Errorf("list %q: %w", path, ErrNotFolder)
	}
	return strconv.FormatInt(info.ModTime().UnixNano(), 36), nil
}

// ReadFolder reads the folder's entries.
func (s RootSource) ReadFolder(path string) ([]Entry, error) {
	return readFolder(s.Root, rootName(path), path)
}

// plainError drops the operation names of an os.Root error ("statat deep"), which mean nothing to
// the person who reads the message, and keeps the cause, so errors.Is still matches it.
func plainError(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
}

func rootName(path string) string {
	if path == "" {
		return "."
	}
	return path
}

// readFolder reads every visible entry of the folder name inside root. Hidden entries (a leading
// dot) and symlinks to folders are left out; an entry that vanishes while it is read is skipped.
func readFolder(root *os.Root, name, path string) ([]Entry, error) {
	dir, err := root.Open(name)
	if err != nil {
		return nil, fmt.Errorf("list %q: %w", path, plainError(err))
	}
	defer dir.Close()
	items, err := dir.ReadDir(-1)
	if err != nil {
		return nil, fmt.Errorf("list %q: %w", path, plainError(err))
	}

	entries := make([]Entry, 0, len(items))
	for _, item := range items {
		if strings.HasPrefix(item.Name(), ".") {
			continue
		}
		info, err := item.Info()
		if err != nil {
			continue
		}
		if entry, ok := EntryOf(root, path, info); ok {
			entries = append(entries, entry)
		}
	}
	return entries, nil
}

// EntryOf returns the entry that ReadFolder lists for the item of the folder parent (relative to
// root, "" for the root) whose Lstat result is info, and false when ReadFolder leaves the item
// out: a hidden name (leading dot), a symlink to a folder, or a symlink that leads out of root
// or nowhere. A symlink to a file counts as that file. The file watcher builds its entries with
// it, so they match the listing's.
func EntryOf(root *os.Root, parent string, info fs.FileInfo) (Entry, bool) {
	name := info.Name()
	if strings.HasPrefix(name, ".") {
		return Entry{}, false
	}
	rel := name
	if parent != "" {
		rel = parent + "/" + name
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		// A symlink counts as the file it points to, as long as that stays inside the library.
		target, err := root.Stat(rel)
		if err != nil || target.IsDir() {
			return Entry{}, false
		}
		info = target
	}
	entry := Entry{Name: name, Path: rel, Size: info.Size(), ModTime: info.ModTime()}
	switch {
	case info.IsDir():
		entry.Kind, entry.Size = KindFolder, 0
	case info.Mode().IsRegular():
		entry.Kind, entry.Version = KindOf(name), Version(info)
	default:
		entry.Kind = KindOther
	}
	return entry, true
}
