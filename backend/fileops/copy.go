package fileops

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

// copyTree copies the entry from of src to the new name to in dst, folders with their content,
// and checks each file's size and SHA-256 after the copy is on disk. It only creates entries
// under to, so the caller removes to on failure. Symbolic links and special files are not copied.
func copyTree(ctx context.Context, src *os.Root, from string, dst *os.Root, to string, done *copied) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%w: %w", ErrCancelled, err)
	}
	info, err := src.Lstat(from)
	if err != nil {
		return err
	}
	switch {
	case info.Mode().IsRegular():
		return copyFile(ctx, src, from, dst, to, info, done)
	case info.IsDir():
		return copyFolder(ctx, src, from, dst, to, info, done)
	case info.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("%q: %w: it is a symbolic link, which is not copied", from, ErrInvalid)
	}
	return fmt.Errorf("%q: %w: it is a %s, not a file or folder", from, ErrInvalid, typeName(info.Mode()))
}

// typeName names the kind of a special file for a message.
func typeName(mode fs.FileMode) string {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return "named pipe"
	case mode&fs.ModeSocket != 0:
		return "socket"
	case mode&fs.ModeDevice != 0:
		return "device"
	}
	return "special file (" + mode.Type().String() + ")"
}

func copyFolder(ctx context.Context, src *os.Root, from string, dst *os.Root, to string, info fs.FileInfo, done *copied) error {
	if err := dst.Mkdir(to, info.Mode().Perm()|0o700); err != nil {
		return err
	}
	dir, err := src.Open(from)
	if err != nil {
		return err
	}
	entries, err := dir.ReadDir(-1)
	dir.Close()
	if err != nil {
		return err
	}
	for _, entry := range entries {
		// An unfinished copy of the app's own is never copied, so copying a folder into a
		// folder below it cannot recurse into the copy it makes.
		if strings.HasPrefix(entry.Name(), tempPrefix) {
			continue
		}
		if err := copyTree(ctx, src, from+"/"+entry.Name(), dst, to+"/"+entry.Name(), done); err != nil {
			return err
		}
	}
	done.add(from, info)
	return dst.Chtimes(to, info.ModTime(), info.ModTime())
}

func copyFile(ctx context.Context, src *os.Root, from string, dst *os.Root, to string, info fs.FileInfo, done *copied) error {
	in, err := src.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := dst.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, info.Mode().Perm()|0o600)
	if err != nil {
		return err
	}
	sum := sha256.New()
	n, err := io.Copy(out, io.TeeReader(contextReader{ctx, in}, sum))
	if err == nil {
		err = out.Sync()
	}
	if closeErr := out.Close(); err == nil {
		err = closeErr
	}
	if err != nil {
		return err
	}
	if n != info.Size() {
		return fmt.Errorf("%q: %w: read %d bytes of %d; the file changed while it was copied", from, ErrMismatch, n, info.Size())
	}
	if err := verify(dst, to, n, sum); err != nil {
		return err
	}
	done.add(from, info)
	return dst.Chtimes(to, info.ModTime(), info.ModTime())
}

// copied records the entries a copy took, children before their folder, so that a move
// removes only those and only as they were copied. A nil *copied records nothing.
type copied struct {
	entries []copiedEntry
}

type copiedEntry struct {
	rel  string
	info fs.FileInfo // as Lstat returned it before the copy
}

func (c *copied) add(rel string, info fs.FileInfo) {
	if c != nil {
		c.entries = append(c.entries, copiedEntry{rel, info})
	}
}

// removeOriginals removes the copied entries from root. A file that changed since it was copied
// (another size or modification time) and a folder that holds entries added meanwhile stay, and
// the error counts them, so nothing that the copy lacks is removed. A removal that fails for
// another reason (a read-only file system) returns that error.
func (c *copied) removeOriginals(root *os.Root, rel string) error {
	remaining := 0
	var removeErr error
	for _, e := range c.entries {
		if !e.info.IsDir() {
			now, err := root.Lstat(e.rel)
			if err != nil || now.Size() != e.info.Size() || !now.ModTime().Equal(e.info.ModTime()) {
				remaining++
				continue
			}
		}
		err := root.Remove(e.rel)
		switch {
		case err == nil, errors.Is(err, fs.ErrNotExist):
		case e.info.IsDir() && (errors.Is(err, syscall.ENOTEMPTY) || errors.Is(err, syscall.EEXIST)):
			remaining++
		case removeErr == nil:
			removeErr = err
		}
	}
	if removeErr != nil {
		return removeErr
	}
	if remaining > 0 {
		return fmt.Errorf("%q: %d entries changed or were added during the copy and were left there; move them again",
			rel, remaining)
	}
	return nil
}

// verify reads the copy at name back and compares its size and SHA-256 with the original's.
func verify(root *os.Root, name string, size int64, want hash.Hash) error {
	file, err := root.Open(name)
	if err != nil {
		return err
	}
	defer file.Close()
	got := sha256.New()
	n, err := io.Copy(got, file)
	if err != nil {
		return err
	}
	if n != size || !bytes.Equal(got.Sum(nil), want.Sum(nil)) {
		return fmt.Errorf("%w: the copy has %d bytes and another checksum", ErrMismatch, n)
	}
	return nil
}

// contextReader stops a copy when its context ends.
type contextReader struct {
	ctx context.Context
	r   io.Reader
}

func (c contextReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, fmt.Errorf("%w: %w", ErrCancelled, err)
	}
	return c.r.Read(p)
}

// exists reports whether root has an entry called name; an error other than "not found"
// counts as taken, so nothing is replaced by mistake.
func exists(root *os.Root, name string) bool {
	_, err := root.Lstat(name)
	return !errors.Is(err, fs.ErrNotExist)
}

// lookup reports whether root has an entry called name, and the error of a check that failed
// for another reason than "not found".
func lookup(root *os.Root, name string) (bool, error) {
	_, err := root.Lstat(name)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return true, err
}
