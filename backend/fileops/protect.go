package fileops

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Protect names folders that no operation may change, move, copy from or write into: the app's
// config and cache folders, which a library such as a home folder can contain. Call it before
// the first operation.
func (s *Service) Protect(folders ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, dir := range folders {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
		s.protected = append(s.protected, filepath.Clean(dir))
	}
}

func (s *Service) protectedFolders() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.protected
}

// check rejects rel when it is, contains or lies inside a protected folder. S3 libraries have none.
func (t target) check(rel string) error {
	if t.root == nil || len(t.protected) == 0 {
		return nil
	}
	base := t.lib.Path
	if real, err := filepath.EvalSymlinks(base); err == nil {
		base = real
	}
	abs := filepath.Join(base, filepath.FromSlash(rel))
	for _, dir := range t.protected {
		if within(abs, dir) || within(dir, abs) {
			return fmt.Errorf("%q: %w: it contains Imagor Studio's settings or cache (%s), which only the app itself changes",
				rel, ErrInvalid, dir)
		}
	}
	return nil
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
}
