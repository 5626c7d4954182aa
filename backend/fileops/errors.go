package fileops

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/trash"
)

// Code is the machine-readable reason one path failed.
type Code string

// Failure codes. The UI and the GraphQL API switch on them; the message is for people.
const (
	CodeNotFound    Code = "NOT_FOUND"        // the path or the library does not exist
	CodeExists      Code = "EXISTS"           // the destination name is taken and the policy is ClashFail
	CodeOutside     Code = "OUTSIDE_LIBRARY"  // the path leads out of its library (.., a symlink)
	CodePermission  Code = "PERMISSION"       // no permission, or a read-only file system
	CodeNoSpace     Code = "NO_SPACE"         // the destination's file system is full
	CodeCancelled   Code = "CANCELLED"        // the context ended before the path was done
	CodeInvalid     Code = "INVALID_ARGUMENT" // a bad name, a folder into itself, the library root
	CodeNoTrash     Code = "NO_TRASH"         // no trash for this path; only a permanent delete can remove it
	CodeUnsupported Code = "UNSUPPORTED"      // the library kind cannot do this (folders of S3 libraries)
	CodeFailed      Code = "FAILED"           // any other failure, described by the message
)

// Failure is one path an operation could not do.
type Failure struct {
	Path    string `json:"path"` // the library-relative path (or the OS path of an import source)
	Code    Code   `json:"code"`
	Message string `json:"message"` // names the value and the next step
	Err     error  `json:"-"`
}

// Error is returned by every operation that failed for at least one path. The paths that
// succeeded are still returned beside it. Match a cause with errors.Is (fs.ErrNotExist and the
// library errors pass through) or read Failures.
type Error struct {
	Op       string
	Failures []Failure
}

func (e *Error) Error() string {
	if len(e.Failures) == 1 {
		return e.Op + ": " + e.Failures[0].Message
	}
	var parts []string
	for i, f := range e.Failures {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(e.Failures)-3))
			break
		}
		parts = append(parts, f.Message)
	}
	return fmt.Sprintf("%s: %d paths failed: %s", e.Op, len(e.Failures), strings.Join(parts, "; "))
}

// Unwrap returns the causes of the failures.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, f := range e.Failures {
		if f.Err != nil {
			errs = append(errs, f.Err)
		}
	}
	return errs
}

// Errors that the operations wrap in a Failure's Err.
var (
	ErrExists      = errors.New("already exists")
	ErrCancelled   = errors.New("cancelled")
	ErrInvalid     = errors.New("invalid argument")
	ErrNoS3        = errors.New("not supported for S3 libraries")
	ErrUnsupported = errors.New("not supported on this platform")
	ErrMismatch    = errors.New("the copy differs from the original")
)

// failures collects the Failures of one operation.
type failures struct {
	op   string
	list []Failure
}

func (f *failures) add(path string, err error) {
	f.list = append(f.list, failureOf(path, err))
}

func (f *failures) err() error {
	if len(f.list) == 0 {
		return nil
	}
	return &Error{Op: f.op, Failures: f.list}
}

// failureOf classifies err for path and words a message that names the path and the next step.
func failureOf(path string, err error) Failure {
	code, hint := classify(err)
	shown := path
	if shown == "" {
		shown = "the library root"
	}
	msg := fmt.Sprintf("%q: %s", shown, plainMessage(err))
	if hint != "" {
		msg += "; " + hint
	}
	return Failure{Path: path, Code: code, Message: msg, Err: err}
}

func classify(err error) (Code, string) {
	var errno syscall.Errno
	switch {
	case errors.Is(err, ErrCancelled):
		return CodeCancelled, "start the operation again to finish it"
	case errors.Is(err, trash.ErrOccupied):
		return CodeExists, "it stays in the trash; move what took its place, then restore it from the trash"
	case errors.Is(err, ErrExists), errors.Is(err, fs.ErrExist):
		return CodeExists, "choose replace, keep both or skip, or pick another name"
	case errors.Is(err, library.ErrOutside), isEscape(err):
		return CodeOutside, "only paths inside the library can be changed"
	case errors.Is(err, library.ErrNotFound), errors.Is(err, fs.ErrNotExist):
		return CodeNotFound, "it was moved or deleted; reload the folder"
	case errors.Is(err, ErrInvalid), errors.Is(err, library.ErrInvalidPath):
		return CodeInvalid, ""
	case errors.Is(err, trash.ErrNoTrash), errors.Is(err, trash.ErrUnsupported):
		return CodeNoTrash, "delete it permanently instead"
	case errors.Is(err, ErrNoS3), errors.Is(err, ErrUnsupported):
		return CodeUnsupported, ""
	case errors.As(err, &errno) && errno == syscall.ENOSPC:
		return CodeNoSpace, "free some space on the destination and try again"
	case errors.As(err, &errno) && errno == syscall.EROFS:
		return CodePermission, "the file system is read-only"
	case errors.Is(err, fs.ErrPermission):
		return CodePermission, "check the folder's permissions"
	}
	return CodeFailed, ""
}

// isEscape reports os.Root's error for a path that leads out of the root, which has no
// exported sentinel.
func isEscape(err error) bool {
	return err != nil && strings.Contains(err.Error(), "path escapes from parent")
}

// plainMessage drops the system call names that os.Root puts in its errors.
func plainMessage(err error) string {
	msg := err.Error()
	for _, op := range []string{"statat ", "openat ", "lstatat ", "renameat ", "mkdirat ", "unlinkat ", "fstatat ", "removeat "} {
		msg = strings.ReplaceAll(msg, op, "")
	}
	return strings.ReplaceAll(msg, "path escapes from parent", "it is a link that leads outside the library")
}
