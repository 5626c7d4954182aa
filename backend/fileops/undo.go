package fileops

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path"

	"github.com/imagor-studio/desktop/backend/trash"
)

// Kinds of operations Undo reverts.
const (
	kindTrash  = "trash"
	kindRename = "rename"
	kindMove   = "move"
)

// step is one entry an operation changed: it was at from in fromLib and is now at to in toLib,
// or in the trash as item.
type step struct {
	fromLib, from string
	toLib, to     string
	item          trash.Item
	entry         fs.FileInfo // the entry at to right after the operation; nil on S3
}

// action is an operation that Undo can revert.
type action struct {
	kind  string
	steps []step
}

func (a *action) label() string {
	items := fmt.Sprintf("%d items", len(a.steps))
	if len(a.steps) == 1 {
		items = path.Base(a.steps[0].from)
	}
	switch a.kind {
	case kindTrash:
		return "Delete of " + items
	case kindRename:
		return "Rename of " + items
	}
	return "Move of " + items
}

// remember makes a the operation Undo reverts. With extend, steps of the same kind join the
// last operation's instead.
func (s *Service) remember(a *action, extend bool) {
	if a.kind != kindTrash {
		for i := range a.steps {
			a.steps[i].entry = s.identify(a.steps[i].toLib, a.steps[i].to)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if extend && s.last != nil && s.last.kind == a.kind {
		s.last.steps = append(s.last.steps, a.steps...)
		return
	}
	s.last = a
}

func (s *Service) undo(ctx context.Context) (Undone, error) {
	s.mu.Lock()
	a := s.last
	s.last = nil
	s.mu.Unlock()
	fail := &failures{op: "undo"}
	if a == nil {
		// No path failed, so the message names none (failureOf would name the library root).
		msg := "nothing to undo: no trash, rename or move of this run is left"
		fail.list = append(fail.list, Failure{Code: CodeInvalid, Message: msg, Err: ErrInvalid})
		return Undone{}, fail.err()
	}
	undone := Undone{Kind: a.kind, Library: a.steps[0].fromLib}
	for i := len(a.steps) - 1; i >= 0; i-- {
		st := a.steps[i]
		if err := s.revert(ctx, a.kind, st); err != nil {
			fail.add(st.from, err)
			continue
		}
		undone.Paths = append(undone.Paths, st.from)
	}
	return undone, fail.err()
}

// identify returns the entry at rel in the folder library lib, so Undo can tell the entry it moved
// from one that took its name since. It returns nil for S3 libraries or an unreadable entry.
func (s *Service) identify(lib, rel string) fs.FileInfo {
	t, err := s.open(lib)
	if err != nil || t.root == nil {
		return nil
	}
	info, err := t.root.Lstat(rel)
	if err != nil {
		return nil
	}
	return info
}

// unchanged fails when the entry at the step's destination is no longer the one the operation
// put there, or was written since: Undo then leaves it where it is.
func (s *Service) unchanged(st step) error {
	if st.entry == nil {
		return nil
	}
	// An inode freed by a delete is often given to the next new file, so the time is compared too.
	now := s.identify(st.toLib, st.to)
	if now != nil && (!os.SameFile(now, st.entry) || !now.ModTime().Equal(st.entry.ModTime())) {
		return fmt.Errorf("%q: %w: it changed or another file took its place since, so undo left it as it is; "+
			"rename or move it by hand", st.to, ErrInvalid)
	}
	return nil
}

// revert puts the entry of one step back where it was, replacing nothing.
func (s *Service) revert(ctx context.Context, kind string, st step) error {
	if kind == kindTrash {
		return s.restore(st)
	}
	if err := s.unchanged(st); err != nil {
		return err
	}
	switch kind {
	case kindRename:
		_, err := s.renameEntry(ctx, st.toLib, st.to, path.Base(st.from))
		return err
	}
	src, err := s.open(st.toLib)
	if err != nil {
		return err
	}
	dst, err := s.open(st.fromLib)
	if err != nil {
		return err
	}
	_, err = transferOne(ctx, src, dst, st.to, parentRel(st.from), path.Base(st.from), ClashFail, true)
	return err
}

// restore takes a trashed entry out of the trash into its old folder, making the folder again
// when it is gone.
func (s *Service) restore(st step) error {
	t, err := s.open(st.fromLib)
	if err != nil {
		return err
	}
	if t.root == nil {
		return fmt.Errorf("%w: S3 has no trash", trash.ErrNoTrash)
	}
	parent := parentRel(st.from)
	if parent != "" {
		if err := t.root.MkdirAll(parent, 0o755); err != nil {
			return err
		}
	}
	dir, err := t.root.Open(rootName(parent))
	if err != nil {
		return err
	}
	defer dir.Close()
	if err := trash.Restore(st.item, dir, path.Base(st.from)); err != nil {
		return fmt.Errorf("%w", err)
	}
	return nil
}
