package settings

import (
	"context"

	"github.com/imagor-studio/desktop/backend/sqlite"
)

// EditorSession is the editor's last state for one file.
type EditorSession = sqlite.EditorSession

// SaveSession stores the editor's state for a file.
func (s *Service) SaveSession(ctx context.Context, session EditorSession) error {
	return s.db.SaveSession(ctx, session)
}

// Session returns the saved editor state for a file, or an error matching ErrNotFound.
func (s *Service) Session(ctx context.Context, libraryID, path string) (EditorSession, error) {
	return s.db.Session(ctx, libraryID, path)
}

// DeleteSession forgets the saved editor state for a file.
func (s *Service) DeleteSession(ctx context.Context, libraryID, path string) error {
	return s.db.DeleteSession(ctx, libraryID, path)
}
