package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// EditorSession is the saved editor state of one file.
type EditorSession struct {
	LibraryID string
	Path      string
	State     string // JSON written by the editor
	Version   string // file version the state was made on
	SavedAt   time.Time
}

// SaveSession stores the editor state of a file, replacing any earlier one. The library must be
// saved in the libraries table.
func (s *DB) SaveSession(ctx context.Context, session EditorSession) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO editor_sessions (library_id, path, state, version, saved_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (library_id, path) DO UPDATE SET
			state = excluded.state, version = excluded.version, saved_at = excluded.saved_at`,
		session.LibraryID, session.Path, session.State, session.Version, s.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("save editor session for %s in library %s: %w", session.Path, session.LibraryID, err)
	}
	return nil
}

// Session returns the saved editor state of a file, or ErrNotFound.
func (s *DB) Session(ctx context.Context, libraryID, path string) (EditorSession, error) {
	session := EditorSession{LibraryID: libraryID, Path: path}
	var savedAt int64
	err := s.db.QueryRowContext(ctx, `SELECT state, version, saved_at FROM editor_sessions
		WHERE library_id = ? AND path = ?`, libraryID, path).Scan(&session.State, &session.Version, &savedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return EditorSession{}, fmt.Errorf("editor session for %s in library %s: %w", path, libraryID, ErrNotFound)
	}
	if err != nil {
		return EditorSession{}, fmt.Errorf("read editor session for %s in library %s: %w", path, libraryID, err)
	}
	session.SavedAt = time.UnixMilli(savedAt)
	return session, nil
}

// DeleteSession removes the saved editor state of a file. Deleting one that does not exist is
// not an error.
func (s *DB) DeleteSession(ctx context.Context, libraryID, path string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM editor_sessions WHERE library_id = ? AND path = ?`,
		libraryID, path)
	if err != nil {
		return fmt.Errorf("delete editor session for %s in library %s: %w", path, libraryID, err)
	}
	return nil
}
