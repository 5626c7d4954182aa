//go:build linux

package trash

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/sys/unix"
)

// Put moves the entry name of the folder dir, whose absolute path is dirPath, to the
// freedesktop.org trash: the home trash ($XDG_DATA_HOME/Trash) when the file is on the same file
// system, else $topdir/.Trash/$uid or $topdir/.Trash-$uid of the file's mount. It writes the
// .trashinfo file first, as the Trash specification 1.0 requires, and removes it again when the
// move fails, so a failure leaves the file where it was. A mount with no usable trash fails with
// ErrNoTrash.
func Put(dir *os.File, dirPath, name string) (Item, error) {
	if err := checkName(name); err != nil {
		return Item{}, err
	}
	var st unix.Stat_t
	if err := unix.Fstatat(int(dir.Fd()), name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return Item{}, fmt.Errorf("trash %q: %w", name, &os.PathError{Op: "stat", Path: filepath.Join(dirPath, name), Err: err})
	}
	original := filepath.Join(dirPath, name)
	var folder unix.Stat_t
	if err := unix.Fstat(int(dir.Fd()), &folder); err != nil {
		return Item{}, fmt.Errorf("trash %q: %w", original, err)
	}
	if folder.Dev != st.Dev {
		return Item{}, fmt.Errorf("trash %q: %w: it is a mount point; unmount it instead", original, ErrNoTrash)
	}
	// The mount's top folder is looked for from the folder's real path. Through a symlink, the
	// walk up would stop at the symlink's target instead of the mount.
	realDir := dirPath
	if resolved, err := filepath.EvalSymlinks(dirPath); err == nil {
		realDir = resolved
	}
	where, err := trashFor(realDir, uint64(st.Dev))
	if err != nil {
		return Item{}, fmt.Errorf("trash %q: %w", original, err)
	}
	infoPath := original
	if where.topdir != "" {
		// A trash on another mount records the path relative to that mount, so the entry stays
		// right when the drive is mounted elsewhere.
		infoPath = strings.TrimPrefix(strings.TrimPrefix(filepath.Join(realDir, name), where.topdir), "/")
	}
	deleted := time.Now()
	base, info, err := writeInfo(where.dir, name, infoPath, deleted)
	if err != nil {
		return Item{}, fmt.Errorf("trash %q: %w", original, err)
	}
	if err := renameInto(dir, name, filepath.Join(where.dir, "files"), base); err != nil {
		_ = os.Remove(info)
		return Item{}, fmt.Errorf("trash %q: %w", original, err)
	}
	return Item{Original: original, File: filepath.Join(where.dir, "files", base), Info: info, Deleted: deleted}, nil
}

// Restore moves item back into the folder dir under name and removes its .trashinfo file. It
// fails with ErrOccupied, and moves nothing, when an entry of that name exists.
func Restore(item Item, dir *os.File, name string) error {
	if err := checkName(name); err != nil {
		return err
	}
	from, err := os.Open(filepath.Dir(item.File))
	if err != nil {
		return fmt.Errorf("restore %q: %w", item.Original, err)
	}
	defer from.Close()
	err = unix.Renameat2(int(from.Fd()), filepath.Base(item.File), int(dir.Fd()), name, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		// The file system cannot refuse to replace; check first instead.
		var st unix.Stat_t
		if unix.Fstatat(int(dir.Fd()), name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil {
			return fmt.Errorf("restore %q: %w", item.Original, ErrOccupied)
		}
		err = unix.Renameat(int(from.Fd()), filepath.Base(item.File), int(dir.Fd()), name)
	}
	if errors.Is(err, unix.EEXIST) || errors.Is(err, unix.ENOTEMPTY) {
		return fmt.Errorf("restore %q: %w", item.Original, ErrOccupied)
	}
	if err != nil {
		return fmt.Errorf("restore %q: %w", item.Original, &os.PathError{Op: "rename", Path: item.File, Err: err})
	}
	if item.Info != "" {
		if err := os.Remove(item.Info); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("restore %q: put back, but its trash entry remains: %w", item.Original, err)
		}
	}
	return nil
}

// location is a trash folder (holding files/ and info/) and, for a trash on another mount than
// the home folder's, the top folder of that mount.
type location struct {
	dir    string
	topdir string
}

// HomeDir returns the home trash folder: $XDG_DATA_HOME/Trash, or ~/.local/share/Trash.
func HomeDir() (string, error) {
	data := os.Getenv("XDG_DATA_HOME")
	if data == "" || !filepath.IsAbs(data) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the home trash: %w", err)
		}
		data = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(data, "Trash"), nil
}

// trashFor returns the trash for a file on the device dev inside the folder dirPath.
func trashFor(dirPath string, dev uint64) (location, error) {
	home, err := HomeDir()
	if err != nil {
		return location{}, err
	}
	// The home trash is made only for a file on its device, so a home trash that cannot be made
	// does not stop files on other mounts from going to their own trash.
	if nearestDevice(home) == dev {
		if err := makeTrash(home); err != nil {
			return location{}, err
		}
		var st unix.Stat_t
		if err := unix.Stat(home, &st); err != nil {
			return location{}, fmt.Errorf("home trash %s: %w", home, err)
		}
		if uint64(st.Dev) == dev {
			return location{dir: home}, nil
		}
	}
	topdir, err := mountTop(dirPath, dev)
	if err != nil {
		return location{}, err
	}
	dir, err := topTrash(topdir)
	if err != nil {
		return location{}, fmt.Errorf("%w: %s: %w", ErrNoTrash, topdir, err)
	}
	return location{dir: dir, topdir: topdir}, nil
}

// nearestDevice returns the device of path, or of its nearest ancestor that exists.
func nearestDevice(path string) uint64 {
	for dir := filepath.Clean(path); ; dir = filepath.Dir(dir) {
		var st unix.Stat_t
		if unix.Stat(dir, &st) == nil {
			return uint64(st.Dev)
		}
		if filepath.Dir(dir) == dir {
			return 0
		}
	}
}

// mountTop returns the top folder of the mount that holds dirPath, the last ancestor on device dev.
func mountTop(dirPath string, dev uint64) (string, error) {
	current := filepath.Clean(dirPath)
	for {
		parent := filepath.Dir(current)
		if parent == current {
			return current, nil
		}
		var st unix.Stat_t
		if err := unix.Stat(parent, &st); err != nil {
			return "", fmt.Errorf("find the mount of %s: %w", dirPath, err)
		}
		if uint64(st.Dev) != dev {
			return current, nil
		}
		current = parent
	}
}

// topTrash returns the trash on the mount at topdir: $topdir/.Trash/$uid when an administrator
// made $topdir/.Trash (a real folder with the sticky bit), else $topdir/.Trash-$uid.
func topTrash(topdir string) (string, error) {
	uid := strconv.Itoa(os.Getuid())
	shared := filepath.Join(topdir, ".Trash")
	if info, err := os.Lstat(shared); err == nil && info.IsDir() && info.Mode()&os.ModeSticky != 0 {
		dir := filepath.Join(shared, uid)
		if makeTrash(dir) == nil {
			return dir, nil
		}
	}
	dir := filepath.Join(topdir, ".Trash-"+uid)
	if err := makeTrash(dir); err != nil {
		return "", err
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return "", fmt.Errorf("%s is not a folder", dir)
	}
	return dir, nil
}

// makeTrash makes a trash folder with its files/ and info/ subfolders, readable by the user only.
func makeTrash(dir string) error {
	for _, sub := range []string{"files", "info"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o700); err != nil {
			return fmt.Errorf("make the trash: %w", err)
		}
	}
	return nil
}

// writeInfo creates info/<base>.trashinfo under trashDir for a file called name, with a base
// that no other trashed file uses, and returns the base and the info file's path.
func writeInfo(trashDir, name, infoPath string, deleted time.Time) (string, string, error) {
	content := "[Trash Info]\nPath=" + EscapePath(infoPath) + "\nDeletionDate=" +
		deleted.Format("2006-01-02T15:04:05") + "\n"
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	if stem == "" {
		stem, ext = name, ""
	}
	if len(ext) > maxBaseBytes/2 {
		stem, ext = name, "" // an extension this long is part of the name
	}
	for n := 1; n < 10000; n++ {
		base := trashBase(stem, ext, n)
		if _, err := os.Lstat(filepath.Join(trashDir, "files", base)); err == nil {
			continue
		}
		info := filepath.Join(trashDir, "info", base+".trashinfo")
		file, err := os.OpenFile(info, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", "", fmt.Errorf("write the trash entry: %w", err)
		}
		_, err = file.WriteString(content)
		if err == nil {
			err = file.Sync()
		}
		if closeErr := file.Close(); err == nil {
			err = closeErr
		}
		if err != nil {
			_ = os.Remove(info)
			return "", "", fmt.Errorf("write the trash entry: %w", err)
		}
		return base, info, nil
	}
	return "", "", fmt.Errorf("write the trash entry: 10,000 trashed files are called %q; empty the trash", name)
}

// maxBaseBytes is the longest name an entry of files/ may have: its info file adds
// ".trashinfo", and a name has at most 255 bytes on the file systems a trash lives on.
const maxBaseBytes = 255 - len(".trashinfo")

// trashBase returns the name of the n-th trashed file called stem+ext: the name itself for n 1,
// else "stem.n.ext", with stem shortened at a character boundary to fit maxBaseBytes. The
// .trashinfo file keeps the whole original name.
func trashBase(stem, ext string, n int) string {
	suffix := ext
	if n > 1 {
		suffix = "." + strconv.Itoa(n) + ext
	}
	for len(stem) > 0 && len(stem)+len(suffix) > maxBaseBytes {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	return stem + suffix
}

// renameInto moves the entry name of dir to base inside the folder filesDir, refusing to replace.
func renameInto(dir *os.File, name, filesDir, base string) error {
	files, err := os.Open(filesDir)
	if err != nil {
		return err
	}
	defer files.Close()
	err = unix.Renameat2(int(dir.Fd()), name, int(files.Fd()), base, unix.RENAME_NOREPLACE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		err = unix.Renameat(int(dir.Fd()), name, int(files.Fd()), base)
	}
	if err != nil {
		return &os.PathError{Op: "rename", Path: name, Err: err}
	}
	return nil
}
