package rootloader

import "os"

// Open opens the file of key for reading after the checks Get makes: a known library, a path
// inside it, a regular, non-empty file, and a JPEG or PNG that is not truncated. It returns the
// same errors as Get. The caller closes the file.
func (l *Loader) Open(key string) (*os.File, error) {
	root, name, err := l.resolve(key)
	if err != nil {
		return nil, err
	}
	// Opening a named pipe blocks until another process writes to it, so only a regular file
	// is opened. The check is repeated on the open file below.
	if info, err := root.Stat(name); err != nil {
		return nil, mapError(err)
	} else if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	file, err := root.Open(name)
	if err != nil {
		return nil, mapError(err)
	}
	info, err := file.Stat()
	switch {
	case err != nil:
		err = mapError(err)
	case !info.Mode().IsRegular():
		err = ErrNotRegular
	case info.Size() == 0:
		err = ErrEmptyFile
	default:
		err = checkComplete(file, info.Size())
	}
	if err != nil {
		file.Close()
		return nil, err
	}
	return file, nil
}
