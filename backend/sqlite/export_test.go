package sqlite

import (
	"context"
	"database/sql"
)

// CreateAtVersion makes a database at path migrated only up to version, as an older app left it.
func CreateAtVersion(ctx context.Context, path string, version int) error {
	steps, err := loadMigrations()
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return err
	}
	defer db.Close()
	return (&DB{db: db}).migrateTo(ctx, steps, version)
}
