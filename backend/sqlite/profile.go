package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// ErrNotFound is returned for an id that has no row.
var ErrNotFound = errors.New("not found")

// Profile is a stored imagor URL profile. Secret is sealed; nil means no secret.
type Profile struct {
	ID              string
	Name            string
	BaseURL         string
	Secret          []byte
	Signer          string
	Truncate        int
	EscapesNames    bool
	RendersPreviews bool
	Libraries       []ProfileLibrary
}

// ProfileLibrary is a library a profile's server serves, under PathPrefix in its storage.
type ProfileLibrary struct {
	LibraryID  string
	PathPrefix string
}

// Profiles returns every profile in order, with its libraries.
func (s *DB) Profiles(ctx context.Context) ([]Profile, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, base_url, secret, signer, truncate,
		escapes_names, renders_previews FROM profiles ORDER BY position, created_at`)
	if err != nil {
		return nil, fmt.Errorf("list profiles: %w", err)
	}
	var out []Profile
	for rows.Next() {
		var p Profile
		if err := rows.Scan(&p.ID, &p.Name, &p.BaseURL, &p.Secret, &p.Signer, &p.Truncate,
			&p.EscapesNames, &p.RendersPreviews); err != nil {
			rows.Close()
			return nil, fmt.Errorf("list profiles: %w", err)
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list profiles: %w", err)
	}
	for i := range out {
		if out[i].Libraries, err = s.profileLibraries(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Profile returns one profile.
func (s *DB) Profile(ctx context.Context, id string) (Profile, error) {
	all, err := s.Profiles(ctx)
	if err != nil {
		return Profile{}, err
	}
	for _, p := range all {
		if p.ID == id {
			return p, nil
		}
	}
	return Profile{}, fmt.Errorf("profile %q: %w", id, ErrNotFound)
}

func (s *DB) profileLibraries(ctx context.Context, id string) ([]ProfileLibrary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT library_id, path_prefix FROM profile_libraries
		WHERE profile_id = ? ORDER BY library_id`, id)
	if err != nil {
		return nil, fmt.Errorf("list libraries of profile %s: %w", id, err)
	}
	defer rows.Close()
	var out []ProfileLibrary
	for rows.Next() {
		var l ProfileLibrary
		if err := rows.Scan(&l.LibraryID, &l.PathPrefix); err != nil {
			return nil, fmt.Errorf("list libraries of profile %s: %w", id, err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// SaveProfile inserts or replaces a profile and its libraries in one transaction.
func (s *DB) SaveProfile(ctx context.Context, p Profile) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("save profile %s: %w", p.ID, err)
	}
	defer tx.Rollback()
	_, err = tx.ExecContext(ctx, `INSERT INTO profiles (id, name, base_url, secret, signer, truncate,
			escapes_names, renders_previews, position, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM profiles), ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, base_url = excluded.base_url,
			secret = excluded.secret, signer = excluded.signer, truncate = excluded.truncate,
			escapes_names = excluded.escapes_names, renders_previews = excluded.renders_previews`,
		p.ID, p.Name, p.BaseURL, p.Secret, p.Signer, p.Truncate, p.EscapesNames, p.RendersPreviews,
		s.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("save profile %s: %w", p.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM profile_libraries WHERE profile_id = ?`, p.ID); err != nil {
		return fmt.Errorf("save profile %s: %w", p.ID, err)
	}
	for _, l := range p.Libraries {
		_, err := tx.ExecContext(ctx, `INSERT INTO profile_libraries (profile_id, library_id, path_prefix)
			VALUES (?, ?, ?)`, p.ID, l.LibraryID, l.PathPrefix)
		if err != nil {
			return fmt.Errorf("save profile %s: library %s: %w", p.ID, l.LibraryID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("save profile %s: %w", p.ID, err)
	}
	return nil
}

// DeleteProfile removes a profile.
func (s *DB) DeleteProfile(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM profiles WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete profile %s: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("delete profile %q: %w", id, ErrNotFound)
	}
	return nil
}

// AppSecret returns the sealed app secret called name, or ErrNotFound.
func (s *DB) AppSecret(ctx context.Context, name string) ([]byte, error) {
	var v []byte
	err := s.db.QueryRowContext(ctx, `SELECT value FROM app_secrets WHERE name = ?`, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("app secret %s: %w", name, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("app secret %s: %w", name, err)
	}
	return v, nil
}

// SetAppSecret stores a sealed app secret.
func (s *DB) SetAppSecret(ctx context.Context, name string, sealed []byte) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO app_secrets (name, value) VALUES (?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value`, name, sealed)
	if err != nil {
		return fmt.Errorf("save app secret %s: %w", name, err)
	}
	return nil
}
