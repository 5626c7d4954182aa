// Package fileops changes files inside libraries: new folders, rename, move, copy, duplicate,
// import from the OS, delete to the trash or for good, and undo of the last delete, rename or
// move.
//
// Every path is library-relative and slash-separated, checked with library.CleanRel and opened
// through the library's os.Root, so "..", absolute paths and symlinks that lead out are rejected.
// No operation replaces an existing entry unless the caller chose ClashReplace for it. New
// content is written under a temporary name in the destination folder and renamed into place
// only when complete, and a move that has to copy (across file systems or libraries) checks
// size and content before it removes the original, so a failure half-way loses nothing.
//
// Operations on several paths go on after a failed path; they return the resulting paths of
// those that worked and an *Error listing each failed path with a Code. All methods are safe for
// concurrent use.
package fileops

import (
	"context"
	"log/slog"
	"sync"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/s3"
)

// Clash is the policy for a destination name that is taken.
type Clash string

// Clash policies.
const (
	ClashFail     Clash = ""          // fail that path with CodeExists (the default)
	ClashReplace  Clash = "replace"   // replace the existing entry
	ClashKeepBoth Clash = "keep-both" // add " (1)", " (2)", ... before the extension
	ClashSkip     Clash = "skip"      // leave that path out, without a failure
)

// Progress is reported after each top-level path of a bulk operation.
type Progress struct {
	Done  int    `json:"done"`  // paths finished, failed ones included
	Total int    `json:"total"` // paths of the operation
	Path  string `json:"path"`  // the path just finished
}

// Options are the optional parts of a bulk operation.
type Options struct {
	// Clash applies to every path without an entry in Clashes.
	Clash Clash
	// Clashes holds a policy per source path, as the user chose it for that path.
	Clashes map[string]Clash
	// ToLibrary is the destination library of Move and Copy; "" is the source library.
	ToLibrary string
	// Progress, when set, is called after each path, from the operation's goroutine.
	Progress func(Progress)
	// Continue marks a call that finishes the previous one of the same kind, such as the second
	// pass of a move for the paths whose clashes the user resolved, so Undo reverts both.
	Continue bool
}

func (o Options) clashFor(path string) Clash {
	if c, ok := o.Clashes[path]; ok {
		return c
	}
	return o.Clash
}

// Service does the file operations on the libraries of a library.Set.
type Service struct {
	libraries *library.Set
	buckets   *s3.Pool
	logger    *slog.Logger

	mu        sync.Mutex
	last      *action  // the operation Undo reverts, or nil
	protected []string // real paths of folders no operation may touch; see Protect
}

// New returns a Service over libraries; buckets holds the clients of S3 libraries and may be nil.
// A nil logger logs nothing.
func New(libraries *library.Set, buckets *s3.Pool, logger *slog.Logger) *Service {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Service{libraries: libraries, buckets: buckets, logger: logger}
}

// CreateFolder makes the folder at path (its parent must exist) and returns path cleaned. A taken
// name fails with CodeExists.
func (s *Service) CreateFolder(ctx context.Context, lib, path string) (string, error) {
	return s.createFolder(ctx, lib, path)
}

// Rename gives the entry at path the name newName in the same folder and returns its new path.
// newName is one name (no "/"); a taken name fails with CodeExists, and renaming to the same
// name does nothing. Undo renames it back.
func (s *Service) Rename(ctx context.Context, lib, path, newName string) (string, error) {
	return s.rename(ctx, lib, path, newName)
}

// Move moves each of paths into the folder to (of opts.ToLibrary, when set) and returns their new
// paths, in order, leaving out skipped and failed ones. A move inside one file system is a
// rename. Across file systems or libraries it copies under a temporary name, checks size and
// content, renames the copy into place and only then removes the original. A folder cannot move
// into itself. Undo moves them back.
func (s *Service) Move(ctx context.Context, lib string, paths []string, to string, opts Options) ([]string, error) {
	return s.transfer(ctx, "move", lib, paths, to, opts, true)
}

// Copy copies each of paths, folders with their content, into the folder to (of opts.ToLibrary,
// when set) and returns the paths of the copies.
func (s *Service) Copy(ctx context.Context, lib string, paths []string, to string, opts Options) ([]string, error) {
	return s.transfer(ctx, "copy", lib, paths, to, opts, false)
}

// Duplicate copies each of paths beside itself as "name (1).ext" (or the next free number) and
// returns the paths of the copies.
func (s *Service) Duplicate(ctx context.Context, lib string, paths []string, opts Options) ([]string, error) {
	return s.duplicate(ctx, lib, paths, opts)
}

// Import copies the files and folders at the absolute OS paths sources into the folder of the
// library, following opts.Clash and opts.Clashes (keyed by source path), and returns the new
// library paths. Sources are only read.
func (s *Service) Import(ctx context.Context, lib, folder string, sources []string, opts Options) ([]string, error) {
	return s.importFiles(ctx, lib, folder, sources, opts)
}

// Trash moves each of paths to the OS trash and returns the paths that went there. A path on a
// file system without a trash, or in an S3 library, fails with CodeNoTrash and stays. Undo puts
// them back.
func (s *Service) Trash(ctx context.Context, lib string, paths []string, opts Options) ([]string, error) {
	return s.trash(ctx, lib, paths, opts)
}

// Delete removes each of paths for good, folders with their content, and returns the removed
// paths. It cannot be undone, so the UI requests a second confirmation before calling it.
func (s *Service) Delete(ctx context.Context, lib string, paths []string, opts Options) ([]string, error) {
	return s.remove(ctx, lib, paths, opts)
}

// UndoLabel describes what Undo would revert ("Move of 3 items"), or returns "" when nothing can
// be undone.
func (s *Service) UndoLabel() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil {
		return ""
	}
	return s.last.label()
}

// Undo reverts the last Trash, Rename or Move of this run and returns the library and the paths
// that are back. Entries that cannot go back (their old name was taken since) are reported in
// the *Error and stay where they are. After Undo, nothing is left to undo.
func (s *Service) Undo(ctx context.Context) (Undone, error) {
	return s.undo(ctx)
}

// Undone is the result of Undo: the entries it put back.
type Undone struct {
	Kind    string   `json:"kind"`    // trash, rename or move
	Library string   `json:"library"` // the library the paths are in now
	Paths   []string `json:"paths"`
}
