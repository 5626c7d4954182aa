package fileops

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"syscall"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/s3"
)

// target is an open library: a folder's root, or an S3 library's client.
type target struct {
	lib       library.Library
	root      *os.Root   // set for folder libraries
	client    *s3.Client // set for S3 libraries
	protected []string   // folders of the app that no operation may touch
}

func (s *Service) open(id string) (target, error) {
	lib, err := s.libraries.Get(id)
	if err != nil {
		return target{}, err
	}
	if lib.Kind == library.KindS3 {
		if s.buckets == nil {
			return target{}, fmt.Errorf("library %q: %w", id, s3.ErrNoClient)
		}
		client, err := s.buckets.Client(id)
		if err != nil {
			return target{}, err
		}
		return target{lib: lib, client: client}, nil
	}
	root, err := s.libraries.Root(id)
	if err != nil {
		return target{}, err
	}
	return target{lib: lib, root: root, protected: s.protectedFolders()}, nil
}

// cleanEntry cleans rel and rejects the library root, which no operation may change.
func cleanEntry(rel string) (string, error) {
	cleaned, err := library.CleanRel(rel)
	if err != nil {
		return "", err
	}
	if cleaned == "" {
		return "", fmt.Errorf("%w: the library root itself cannot be changed", ErrInvalid)
	}
	return cleaned, nil
}

// placement is the destination of an entry: its final path, and whether an existing entry there
// is to be replaced. skip is set when the clash policy leaves the entry out.
type placement struct {
	path    string
	replace bool
	skip    bool
}

// place decides the final path of an entry called name in folder of root under clash.
func place(root *os.Root, folder, name string, isFolder bool, clash Clash) (placement, error) {
	want := joinRel(folder, name)
	if !exists(root, want) {
		return placement{path: want}, nil
	}
	switch clash {
	case ClashSkip:
		return placement{path: want, skip: true}, nil
	case ClashReplace:
		return placement{path: want, replace: true}, nil
	case ClashKeepBoth:
		free, err := keepBothName(name, isFolder, func(n string) (bool, error) { return lookup(root, joinRel(folder, n)) })
		if err != nil {
			return placement{}, err
		}
		return placement{path: joinRel(folder, free)}, nil
	case ClashFail:
		return placement{}, fmt.Errorf("%q %w", want, ErrExists)
	}
	return placement{}, fmt.Errorf("clash policy %q: %w: use replace, keep-both or skip", clash, ErrInvalid)
}

// commit renames the finished entry tmp to p.path, replacing what is there only when p.replace.
func commit(root *os.Root, tmp string, p placement) error {
	if p.replace {
		return replaceWith(root, tmp, p.path)
	}
	return renameNoReplace(root, tmp, p.path)
}

// checkedRename renames from to to inside root unless to exists. An entry made at to by another
// program between the check and the rename would be replaced; renameNoReplace avoids that where
// the platform can.
func checkedRename(root *os.Root, from, to string) error {
	if exists(root, to) {
		return fmt.Errorf("%q %w", to, ErrExists)
	}
	return root.Rename(from, to)
}

// replaceWith moves from onto target, which may exist. A file replaces a file in one rename.
// Otherwise the old entry is set aside under a temporary name and the new one renamed in. The old
// one is then removed, or put back when that rename failed.
func replaceWith(root *os.Root, from, target string) error {
	old, err := root.Lstat(target)
	if err != nil {
		return root.Rename(from, target)
	}
	fresh, err := root.Lstat(from)
	if err != nil {
		return err
	}
	if !old.IsDir() && !fresh.IsDir() {
		return root.Rename(from, target)
	}
	aside := joinRel(parentRel(target), tempName())
	if err := root.Rename(target, aside); err != nil {
		return err
	}
	if err := root.Rename(from, target); err != nil {
		if undoErr := root.Rename(aside, target); undoErr != nil {
			return fmt.Errorf("%w; the replaced entry is kept as %q", err, aside)
		}
		return err
	}
	return root.RemoveAll(aside)
}

// copyIn copies the entry from of src into dst at p under a temporary name, then commits it.
// done, when not nil, records what was copied.
func copyIn(ctx context.Context, src *os.Root, from string, dst *os.Root, p placement, done *copied) error {
	tmp := joinRel(parentRel(p.path), tempName())
	if err := copyTree(ctx, src, from, dst, tmp, done); err != nil {
		_ = dst.RemoveAll(tmp)
		return err
	}
	if err := commit(dst, tmp, p); err != nil {
		_ = dst.RemoveAll(tmp)
		return err
	}
	return nil
}

func (s *Service) createFolder(_ context.Context, id, folder string) (string, error) {
	fail := &failures{op: "new folder"}
	rel, err := cleanEntry(folder)
	if err == nil {
		err = checkName(path.Base(rel))
	}
	var t target
	if err == nil {
		t, err = s.open(id)
	}
	if err == nil && t.root == nil {
		err = fmt.Errorf("new folder: %w: S3 has no empty folders; upload a file instead", ErrNoS3)
	}
	if err == nil {
		err = t.check(rel)
	}
	if err == nil {
		err = t.root.Mkdir(rel, 0o755)
	}
	if err != nil {
		fail.add(folder, err)
		return "", fail.err()
	}
	return rel, nil
}

func (s *Service) rename(ctx context.Context, id, from, newName string) (string, error) {
	fail := &failures{op: "rename"}
	to, err := s.renameEntry(ctx, id, from, newName)
	if err != nil {
		fail.add(from, err)
		return "", fail.err()
	}
	if to != from {
		s.remember(&action{kind: kindRename, steps: []step{{fromLib: id, from: from, toLib: id, to: to}}}, false)
	}
	return to, nil
}

func (s *Service) renameEntry(ctx context.Context, id, from, newName string) (string, error) {
	rel, err := cleanEntry(from)
	if err != nil {
		return "", err
	}
	if err := checkName(newName); err != nil {
		return "", err
	}
	t, err := s.open(id)
	if err != nil {
		return "", err
	}
	if err := t.check(rel); err != nil {
		return "", err
	}
	to := joinRel(parentRel(rel), newName)
	if to == rel {
		return rel, nil
	}
	if t.client != nil {
		return to, s3Move(ctx, t.client, rel, to, ClashFail)
	}
	info, err := t.root.Lstat(rel)
	if err != nil {
		return "", err
	}
	// A change of case only, on a file system that ignores case, finds the entry itself. A hard
	// link of the entry under the new name is another entry, which rename(2) leaves as it is.
	if other, err := t.root.Lstat(to); err == nil {
		if !os.SameFile(info, other) || hasEntry(t.root, parentRel(rel), newName) {
			return "", fmt.Errorf("%q %w", to, ErrExists)
		}
		return to, t.root.Rename(rel, to)
	}
	return to, renameNoReplace(t.root, rel, to)
}

// hasEntry reports whether the folder rel of root lists an entry spelled exactly name. A check
// that fails reports true, so nothing is renamed over by mistake.
func hasEntry(root *os.Root, rel, name string) bool {
	dir, err := root.Open(rootName(rel))
	if err != nil {
		return true
	}
	defer dir.Close()
	for {
		names, err := dir.Readdirnames(1024)
		if slices.Contains(names, name) {
			return true
		}
		if errors.Is(err, io.EOF) {
			return false
		}
		if err != nil {
			return true
		}
	}
}

// moveWithin moves rel to p inside one root: a rename, or a checked copy when the two are on
// different file systems.
func moveWithin(ctx context.Context, root *os.Root, rel string, p placement) error {
	var err error
	if p.replace {
		err = replaceWith(root, rel, p.path)
	} else {
		err = renameNoReplace(root, rel, p.path)
	}
	if !errors.Is(err, syscall.EXDEV) {
		return err
	}
	// A mount point inside the library: copy, check, then remove the original.
	var done copied
	if err := copyIn(ctx, root, rel, root, p, &done); err != nil {
		return err
	}
	if err := done.removeOriginals(root, rel); err != nil {
		return fmt.Errorf("copied to %q, but the original remains: %w", p.path, err)
	}
	return nil
}

// overlap compares the entry rel of src, which info describes, with the destination name in
// folder of dst by file identity rather than by path. Nested libraries, symlinks and bind
// mounts can show one folder under two paths, and a move between them must not remove its own
// copy. overlap fails with ErrInvalid when rel is a folder and the destination folder is rel or
// lies inside it, and reports whether the destination entry is rel itself.
func overlap(src, dst target, rel string, info fs.FileInfo, folder, name string) (bool, error) {
	dstFolder, err := filepath.EvalSymlinks(filepath.Join(dst.lib.Path, filepath.FromSlash(folder)))
	if err != nil {
		return false, err
	}
	if info.IsDir() {
		for dir := dstFolder; ; dir = filepath.Dir(dir) {
			if st, err := os.Stat(dir); err == nil && os.SameFile(st, info) {
				return false, fmt.Errorf("%w: a folder cannot go into itself or a folder inside it", ErrInvalid)
			}
			if filepath.Dir(dir) == dir {
				break
			}
		}
	}
	if name != path.Base(rel) {
		return false, nil
	}
	srcParent, err := os.Stat(filepath.Join(src.lib.Path, filepath.FromSlash(parentRel(rel))))
	if err != nil {
		return false, err
	}
	dstInfo, err := os.Stat(dstFolder)
	if err != nil {
		return false, err
	}
	return os.SameFile(srcParent, dstInfo), nil
}
