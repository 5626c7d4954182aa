package app

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
)

// userError turns a backend error into one whose message a person can act on. The backend's
// messages already name the value (the path or the library id); this adds what to do.
func userError(err error) error {
	if err == nil {
		return nil
	}
	return errors.New(userMessage(err))
}

func userMessage(err error) string {
	switch {
	case errors.Is(err, library.ErrOutside):
		return fmt.Sprintf("%v: only paths inside an open folder can be shown", err)
	case errors.Is(err, library.ErrNotFound):
		return fmt.Sprintf("%v: open the folder again", err)
	case errors.Is(err, library.ErrNotFolder), errors.Is(err, listing.ErrNotFolder):
		return fmt.Sprintf("%v: choose a folder, not a file", err)
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("%s: it was moved or deleted; pick it again", library.PlainMessage(err.Error()))
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("%s: check the folder's permissions", library.PlainMessage(err.Error()))
	case errors.Is(err, settings.ErrInvalid), errors.Is(err, settings.ErrNotFound):
		return err.Error()
	case errors.Is(err, secrets.ErrUndecryptable):
		return fmt.Sprintf("%v (Settings → imagor profiles)", err)
	case errors.Is(err, engine.ErrUnavailable):
		return fmt.Sprintf("%v: reinstall the app if this persists", err)
	}
	return library.PlainMessage(err.Error())
}

func isNotFolder(err error) bool {
	return errors.Is(err, library.ErrNotFolder)
}
