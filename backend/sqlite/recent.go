package sqlite

import (
	"context"
	"fmt"
	"time"
)

// maxRecent is how many recent files are kept.
const maxRecent = 50

// RecentFile is a file the user opened.
type RecentFile struct {
	LibraryID string
	Path      string
	OpenedAt  time.Time
}

// AddRecent records that a file was opened, and keeps only the newest maxRecent.
func (s *DB) AddRecent(ctx context.Context, libraryID, path string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("add recent file: %w", err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO recent_files (library_id, path, opened_at) VALUES (?, ?, ?)
		ON CONFLICT (library_id, path) DO UPDATE SET opened_at = excluded.opened_at`,
		libraryID, path, s.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("add recent file %s: %w", path, err)
	}
	_, err = tx.ExecContext(ctx, `DELETE FROM recent_files WHERE rowid NOT IN
		(SELECT rowid FROM recent_files ORDER BY opened_at DESC LIMIT ?)`, maxRecent)
	if err != nil {
		return fmt.Errorf("trim recent files: %w", err)
	}
	return tx.Commit()
}

// Recent returns up to limit recent files, newest first.
func (s *DB) Recent(ctx context.Context, limit int) ([]RecentFile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT library_id, path, opened_at FROM recent_files
		ORDER BY opened_at DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("list recent files: %w", err)
	}
	defer rows.Close()
	var out []RecentFile
	for rows.Next() {
		var r RecentFile
		var ms int64
		if err := rows.Scan(&r.LibraryID, &r.Path, &ms); err != nil {
			return nil, fmt.Errorf("list recent files: %w", err)
		}
		r.OpenedAt = time.UnixMilli(ms)
		out = append(out, r)
	}
	return out, rows.Err()
}
