package fileops

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/trash"
)

// bulk runs do for each path, in order, reporting progress and stopping at the end of ctx: the
// paths not reached then fail with CodeCancelled. do returns the resulting path, or "" for a
// path left out on purpose.
func bulk(ctx context.Context, fail *failures, paths []string, opts Options, do func(string) (string, error)) []string {
	done := make([]string, 0, len(paths))
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			for _, rest := range paths[i:] {
				fail.add(rest, fmt.Errorf("%w before it started: %w", ErrCancelled, err))
			}
			break
		}
		result, err := do(p)
		if err != nil {
			fail.add(p, err)
		} else if result != "" {
			done = append(done, result)
		}
		if opts.Progress != nil {
			opts.Progress(Progress{Done: i + 1, Total: len(paths), Path: p})
		}
	}
	return done
}

// openFolder opens the library id and checks that folder is one of its folders.
func (s *Service) openFolder(id, folder string) (target, string, error) {
	t, err := s.open(id)
	if err != nil {
		return target{}, "", err
	}
	rel, err := library.CleanRel(folder)
	if err != nil {
		return target{}, "", err
	}
	if t.root != nil {
		info, err := t.root.Stat(rootName(rel))
		if err != nil {
			return target{}, "", err
		}
		if !info.IsDir() {
			return target{}, "", fmt.Errorf("%q: %w: the destination is not a folder", folder, ErrInvalid)
		}
	}
	return t, rel, nil
}

func (s *Service) transfer(ctx context.Context, op, id string, paths []string, to string, opts Options, move bool) ([]string, error) {
	fail := &failures{op: op}
	src, err := s.open(id)
	if err != nil {
		fail.add(to, err)
		return nil, fail.err()
	}
	dstID := opts.ToLibrary
	if dstID == "" {
		dstID = id
	}
	dst, folder, err := s.openFolder(dstID, to)
	if err != nil {
		fail.add(to, err)
		return nil, fail.err()
	}
	var steps []step
	done := bulk(ctx, fail, paths, opts, func(p string) (string, error) {
		result, err := transferOne(ctx, src, dst, p, folder, "", opts.clashFor(p), move)
		if err == nil && result != "" && move && (result != p || src.lib.ID != dst.lib.ID) {
			steps = append(steps, step{fromLib: src.lib.ID, from: p, toLib: dst.lib.ID, to: result})
		}
		return result, err
	})
	if len(steps) > 0 {
		s.remember(&action{kind: kindMove, steps: steps}, opts.Continue)
	}
	return done, fail.err()
}

// transferOne moves or copies the entry from of src into folder of dst, under name ("" keeps its
// name), and returns its new path, or "" when the clash policy skipped it.
func transferOne(ctx context.Context, src, dst target, from, folder, name string, clash Clash, move bool) (string, error) {
	rel, err := cleanEntry(from)
	if err != nil {
		return "", err
	}
	if err := src.check(rel); err != nil {
		return "", err
	}
	if err := dst.check(folder); err != nil {
		return "", err
	}
	if name == "" {
		name = path.Base(rel)
	}

	if src.client != nil || dst.client != nil {
		return s3Transfer(ctx, src, dst, rel, folder, name, clash, move)
	}
	info, err := src.root.Lstat(rel)
	if err != nil {
		return "", err
	}
	same := src.lib.ID == dst.lib.ID
	if same && info.IsDir() && inside(folder, rel) {
		return "", fmt.Errorf("%w: a folder cannot go into itself or a folder inside it", ErrInvalid)
	}
	itself, err := overlap(src, dst, rel, info, folder, name)
	if err != nil {
		return "", err
	}
	if itself && (move || clash == ClashReplace) {
		return joinRel(folder, name), nil // already in place, or a copy that would replace its original
	}

	p, err := place(dst.root, folder, name, info.IsDir(), clash)
	if err != nil || p.skip {
		return "", err
	}
	if same && p.path == rel {
		return rel, nil // a copy that replaces its own original
	}
	if same && move {
		return p.path, moveWithin(ctx, src.root, rel, p)
	}

	// Across libraries: copy, check, then remove the original.
	var done copied
	if err := copyIn(ctx, src.root, rel, dst.root, p, &done); err != nil {
		return "", err
	}
	if move {
		if err := done.removeOriginals(src.root, rel); err != nil {
			return p.path, fmt.Errorf("copied to %q, but the original remains: %w", p.path, err)
		}
	}
	return p.path, nil
}

func (s *Service) duplicate(ctx context.Context, id string, paths []string, opts Options) ([]string, error) {
	fail := &failures{op: "duplicate"}
	t, err := s.open(id)
	if err != nil {
		fail.add("", err)
		return nil, fail.err()
	}
	done := bulk(ctx, fail, paths, opts, func(p string) (string, error) {
		rel, err := cleanEntry(p)
		if err != nil {
			return "", err
		}
		return transferOne(ctx, t, t, rel, parentRel(rel), "", ClashKeepBoth, false)
	})
	return done, fail.err()
}

func (s *Service) importFiles(ctx context.Context, id, folder string, sources []string, opts Options) ([]string, error) {
	fail := &failures{op: "import"}
	dst, rel, err := s.openFolder(id, folder)
	if err == nil && dst.root == nil {
		err = fmt.Errorf("%w: import into S3 libraries is not available; upload with an S3 client", ErrNoS3)
	}
	if err == nil {
		err = dst.check(rel)
	}
	if err != nil {
		fail.add(folder, err)
		return nil, fail.err()
	}
	dstPath, err := filepath.EvalSymlinks(filepath.Join(dst.lib.Path, filepath.FromSlash(rel)))
	if err != nil {
		fail.add(folder, err)
		return nil, fail.err()
	}
	done := bulk(ctx, fail, sources, opts, func(source string) (string, error) {
		return importOne(ctx, dst, rel, dstPath, source, opts.clashFor(source))
	})
	return done, fail.err()
}

// importOne copies the file or folder at the absolute OS path source into folder of dst, whose
// real path is dstPath.
func importOne(ctx context.Context, dst target, folder, dstPath, source string, clash Clash) (string, error) {
	if !filepath.IsAbs(source) || strings.ContainsRune(source, 0) {
		return "", fmt.Errorf("%w: give the whole path of the file to import", ErrInvalid)
	}
	real, err := filepath.EvalSymlinks(filepath.Clean(source))
	if err != nil {
		return "", err
	}
	if filepath.Dir(real) == real {
		return "", fmt.Errorf("%w: %s is the top of a disk; import the folders on it instead", ErrInvalid, real)
	}
	if real == dstPath || strings.HasPrefix(dstPath, real+string(filepath.Separator)) {
		return "", fmt.Errorf("%w: a folder cannot be imported into itself or a folder inside it", ErrInvalid)
	}
	srcRoot, err := os.OpenRoot(filepath.Dir(real))
	if err != nil {
		return "", err
	}
	defer srcRoot.Close()
	name := filepath.Base(real)
	info, err := srcRoot.Lstat(name)
	if err != nil {
		return "", err
	}
	p, err := place(dst.root, folder, filepath.Base(filepath.Clean(source)), info.IsDir(), clash)
	if err != nil || p.skip {
		return "", err
	}
	return p.path, copyIn(ctx, srcRoot, name, dst.root, p, nil)
}

func (s *Service) trash(ctx context.Context, id string, paths []string, opts Options) ([]string, error) {
	fail := &failures{op: "move to trash"}
	t, err := s.open(id)
	if err != nil {
		fail.add("", err)
		return nil, fail.err()
	}
	var steps []step
	done := bulk(ctx, fail, paths, opts, func(p string) (string, error) {
		rel, err := cleanEntry(p)
		if err == nil {
			err = t.check(rel)
		}
		if err != nil {
			return "", err
		}
		if t.client != nil {
			return "", fmt.Errorf("%w: S3 has no trash", trash.ErrNoTrash)
		}
		item, err := trashEntry(t, rel)
		if err != nil {
			return "", err
		}
		steps = append(steps, step{fromLib: id, from: rel, item: item})
		return rel, nil
	})
	if len(steps) > 0 {
		s.remember(&action{kind: kindTrash, steps: steps}, opts.Continue)
	}
	return done, fail.err()
}

// trashEntry moves the entry rel of a folder library to the OS trash, through a handle of its
// folder opened inside the library's root.
func trashEntry(t target, rel string) (trash.Item, error) {
	if _, err := t.root.Lstat(rel); err != nil {
		return trash.Item{}, err
	}
	parent := parentRel(rel)
	dir, err := t.root.Open(rootName(parent))
	if err != nil {
		return trash.Item{}, err
	}
	defer dir.Close()
	return trash.Put(dir, filepath.Join(t.lib.Path, filepath.FromSlash(parent)), path.Base(rel))
}

func (s *Service) remove(ctx context.Context, id string, paths []string, opts Options) ([]string, error) {
	fail := &failures{op: "delete"}
	t, err := s.open(id)
	if err != nil {
		fail.add("", err)
		return nil, fail.err()
	}
	done := bulk(ctx, fail, paths, opts, func(p string) (string, error) {
		rel, err := cleanEntry(p)
		if err == nil {
			err = t.check(rel)
		}
		if err != nil {
			return "", err
		}
		if t.client != nil {
			return rel, s3Delete(ctx, t.client, rel)
		}
		if _, err := t.root.Lstat(rel); err != nil {
			return "", err
		}
		return rel, t.root.RemoveAll(rel)
	})
	return done, fail.err()
}
