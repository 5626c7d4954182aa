package sqlite

import (
	"context"
	"fmt"
)

// Library kinds.
const (
	KindFolder = "folder"
	KindS3     = "s3"
)

// Library is a remembered library. S3 fields are empty for folders; the keys are sealed values
// from the secrets package.
type Library struct {
	ID       string
	Kind     string
	Name     string
	Path     string
	Position int
	S3       S3Location
}

// S3Location is where an S3 library's objects are.
type S3Location struct {
	Bucket, Prefix, Region, Endpoint string
	PathStyle                        bool
	AccessKey, SecretKey             []byte // sealed
}

// Libraries returns the remembered libraries in the order the user added or arranged them.
func (s *DB) Libraries(ctx context.Context) ([]Library, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, name, path, position, s3_bucket, s3_prefix,
		s3_region, s3_endpoint, s3_path_style, s3_access_key, s3_secret_key
		FROM libraries ORDER BY position, created_at`)
	if err != nil {
		return nil, fmt.Errorf("list libraries: %w", err)
	}
	defer rows.Close()
	var out []Library
	for rows.Next() {
		var l Library
		if err := rows.Scan(&l.ID, &l.Kind, &l.Name, &l.Path, &l.Position, &l.S3.Bucket, &l.S3.Prefix,
			&l.S3.Region, &l.S3.Endpoint, &l.S3.PathStyle, &l.S3.AccessKey, &l.S3.SecretKey); err != nil {
			return nil, fmt.Errorf("list libraries: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// SaveLibrary inserts or updates a library. A new one goes after the others.
func (s *DB) SaveLibrary(ctx context.Context, l Library) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save library %s: %w", l.ID, err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO libraries (id, kind, name, path, position, s3_bucket,
			s3_prefix, s3_region, s3_endpoint, s3_path_style, s3_access_key, s3_secret_key, created_at)
		VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM libraries), ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, path = excluded.path,
			s3_bucket = excluded.s3_bucket, s3_prefix = excluded.s3_prefix, s3_region = excluded.s3_region,
			s3_endpoint = excluded.s3_endpoint, s3_path_style = excluded.s3_path_style,
			s3_access_key = excluded.s3_access_key, s3_secret_key = excluded.s3_secret_key`,
		l.ID, l.Kind, l.Name, l.Path, l.S3.Bucket, l.S3.Prefix, l.S3.Region, l.S3.Endpoint,
		l.S3.PathStyle, l.S3.AccessKey, l.S3.SecretKey, s.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("save library %s: %w", l.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save library %s: %w", l.ID, err)
	}
	return nil
}

// DeleteLibrary forgets a library, with its recent files and editor sessions. Files are not
// touched.
func (s *DB) DeleteLibrary(ctx context.Context, id string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM libraries WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete library %s: %w", id, err)
	}
	return nil
}

// OrderLibraries sets the order of the libraries to ids; libraries not listed keep their place
// after the listed ones.
func (s *DB) OrderLibraries(ctx context.Context, ids []string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("order libraries: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE libraries SET position = position + ?`, len(ids)); err != nil {
		return fmt.Errorf("order libraries: %w", err)
	}
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE libraries SET position = ? WHERE id = ?`, i, id); err != nil {
			return fmt.Errorf("order libraries: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("order libraries: %w", err)
	}
	return nil
}
