package library

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Rename changes the name a library is shown under. The folder or bucket is not touched.
func (s *Set) Rename(ctx context.Context, id, name string) (Library, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Library{}, fmt.Errorf("rename library %q: %w: the name is empty", id, ErrInvalidPath)
	}
	lib, err := s.Get(id)
	if err != nil {
		return Library{}, err
	}
	lib.Name = name
	s.insert(lib)
	if s.store != nil {
		if err := s.store.SaveLibrary(ctx, lib); err != nil {
			return lib, fmt.Errorf("rename library %q: %w: %w", id, ErrNotSaved, err)
		}
	}
	return lib, nil
}

// Move puts the library with the given id at index in the list (clamped to the list).
func (s *Set) Move(ctx context.Context, id string, index int) error {
	s.mu.Lock()
	i := slices.IndexFunc(s.libraries, func(l Library) bool { return l.ID == id })
	if i < 0 {
		s.mu.Unlock()
		return fmt.Errorf("move library %q: %w", id, ErrNotFound)
	}
	lib := s.libraries[i]
	s.libraries = slices.Delete(s.libraries, i, i+1)
	index = min(max(index, 0), len(s.libraries))
	s.libraries = slices.Insert(s.libraries, index, lib)
	ids := make([]string, len(s.libraries))
	for j, l := range s.libraries {
		ids[j] = l.ID
	}
	list, listeners := s.snapshot()
	s.mu.Unlock()

	notify(listeners, list)
	if s.store != nil {
		if err := s.store.OrderLibraries(ctx, ids); err != nil {
			return fmt.Errorf("move library %q: %w: %w", id, ErrNotSaved, err)
		}
	}
	return nil
}
