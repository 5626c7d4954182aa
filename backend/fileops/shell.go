package fileops

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/imagor-studio/desktop/backend/library"
)

// LocalPath returns the absolute OS path of the entry rel of a folder library, for the file
// manager, the default app or the clipboard. The entry must exist inside the library: "..",
// and symlinks that lead out, fail like everywhere else. S3 libraries fail with CodeUnsupported.
func (s *Service) LocalPath(_ context.Context, id, rel string) (string, error) {
	fail := &failures{op: "find the file"}
	cleaned, err := s.checkLocal(id, rel)
	if err != nil {
		fail.add(rel, err)
		return "", fail.err()
	}
	return cleaned, nil
}

func (s *Service) checkLocal(id, rel string) (string, error) {
	cleaned, err := library.CleanRel(rel)
	if err != nil {
		return "", err
	}
	t, err := s.open(id)
	if err != nil {
		return "", err
	}
	if t.root == nil {
		return "", fmt.Errorf("%w: S3 objects have no path on this computer", ErrNoS3)
	}
	if _, err := t.root.Lstat(rootName(cleaned)); err != nil {
		return "", err
	}
	return filepath.Join(t.lib.Path, filepath.FromSlash(cleaned)), nil
}

// Reveal shows the entry rel of a folder library in the OS file manager, selected where the
// file manager can select it.
func (s *Service) Reveal(ctx context.Context, id, rel string) error {
	fail := &failures{op: "show in the file manager"}
	abs, err := s.checkLocal(id, rel)
	if err == nil {
		err = reveal(ctx, abs)
	}
	if err != nil {
		fail.add(rel, err)
		return fail.err()
	}
	return nil
}

// OpenDefault opens the entry rel of a folder library in the app the OS associates with it.
func (s *Service) OpenDefault(ctx context.Context, id, rel string) error {
	fail := &failures{op: "open with the default app"}
	abs, err := s.checkLocal(id, rel)
	if err == nil {
		err = openDefault(ctx, abs)
	}
	if err != nil {
		fail.add(rel, err)
		return fail.err()
	}
	return nil
}
