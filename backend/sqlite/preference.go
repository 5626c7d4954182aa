package sqlite

import (
	"context"
	"fmt"
)

// Preferences returns every stored UI preference. Values are JSON written by the frontend.
func (s *DB) Preferences(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, value FROM preferences`)
	if err != nil {
		return nil, fmt.Errorf("read preferences: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read preferences: %w", err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

// SetPreference stores one preference.
func (s *DB) SetPreference(ctx context.Context, key, value string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO preferences (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("save preference %s: %w", key, err)
	}
	return nil
}
