// Package sqlite is the config store: one SQLite database (config.db) through the pure-Go
// modernc.org/sqlite driver, with numbered migrations embedded in the binary. The desktop app and
// the headless server may open the same file at once.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// ErrFutureSchema is returned by Open for a database written by a newer version of the app. The
// file is left untouched.
var ErrFutureSchema = errors.New("config database is from a newer version of Imagor Studio")

// DB is the config store. It is safe for concurrent use.
type DB struct {
	db   *sql.DB
	path string
	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// Open opens or creates the database at path and migrates it to the latest schema. It reads the
// schema version before it writes anything (the WAL switch included), so a database from a newer
// app comes back as ErrFutureSchema with the file unchanged.
func Open(ctx context.Context, path string) (*DB, error) {
	steps, err := loadMigrations()
	if err != nil {
		return nil, err
	}
	latest := steps[len(steps)-1].version
	if version, err := readVersion(ctx, path); err != nil {
		return nil, err
	} else if version > latest {
		return nil, fmt.Errorf("open %s: %w (schema %d, this app knows %d): update the app or "+
			"pass another -data-dir", path, ErrFutureSchema, version, latest)
	}

	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if _, err := db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: set WAL mode: %w", path, err)
	}
	store := &DB{db: db, path: path, Now: time.Now}
	if err := store.migrate(ctx, steps); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return store, nil
}

// Close closes the database.
func (s *DB) Close() error {
	return s.db.Close()
}

// Path returns the database file's path.
func (s *DB) Path() string {
	return s.path
}

// Version returns the schema version the database is at.
func (s *DB) Version(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// LatestVersion returns the schema version this build migrates to.
func LatestVersion() int {
	steps, err := loadMigrations()
	if err != nil || len(steps) == 0 {
		return 0
	}
	return steps[len(steps)-1].version
}

// dsn returns the connection string. Pragmas that hold per connection go in it, so every pooled
// connection gets them; "_txlock=immediate" makes each write transaction take the write lock at
// BEGIN, so a read that turns into a write waits for another process instead of failing with
// SQLITE_BUSY.
func dsn(file string, readOnly bool) string {
	u := url.URL{Scheme: "file", Path: file}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(FULL)")
		q.Set("_txlock", "immediate")
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// readVersion returns the schema version of the database at file without writing to it, or 0
// when there is no such file yet.
func readVersion(ctx context.Context, file string) (int, error) {
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	db, err := sql.Open("sqlite", dsn(file, true))
	if err != nil {
		return 0, fmt.Errorf("open %s: %w", file, err)
	}
	defer db.Close()
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version of %s: %w: it is not a readable Imagor Studio "+
			"database; move it away to start with fresh settings, or pass another -data-dir", file, err)
	}
	return v, nil
}

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrations, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var steps []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil || version <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and _", e.Name())
		}
		body, err := migrations.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		steps = append(steps, migration{version: version, name: e.Name(), sql: string(body)})
	}
	sort.Slice(steps, func(i, j int) bool { return steps[i].version < steps[j].version })
	for i, step := range steps {
		if step.version != i+1 {
			return nil, fmt.Errorf("migration %s: versions must run 1, 2, 3 without gaps", step.name)
		}
	}
	return steps, nil
}

// migrate applies every step above the current version, each in its own transaction with the
// version bump, so a crash leaves the database at a whole step. Another process migrating at the
// same time waits for the write lock and then finds nothing to do.
func (s *DB) migrate(ctx context.Context, steps []migration) error {
	return s.migrateTo(ctx, steps, len(steps))
}

// migrateTo applies the steps up to version target.
func (s *DB) migrateTo(ctx context.Context, steps []migration, target int) error {
	for _, step := range steps[:target] {
		if err := s.applyStep(ctx, step); err != nil {
			return err
		}
	}
	return nil
}

func (s *DB) applyStep(ctx context.Context, step migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", step.name, err)
	}
	defer tx.Rollback()
	var current int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("migration %s: %w", step.name, err)
	}
	if current >= step.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, step.sql); err != nil {
		return fmt.Errorf("migration %s: %w", step.name, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", step.version)); err != nil {
		return fmt.Errorf("migration %s: %w", step.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: %w", step.name, err)
	}
	return nil
}

// Exec runs statements that return no rows, for maintenance and tests.
func (s *DB) Exec(ctx context.Context, query string) error {
	_, err := s.db.ExecContext(ctx, query)
	return err
}

// QueryString runs a query that returns one text value, such as PRAGMA integrity_check.
func (s *DB) QueryString(ctx context.Context, query string, out *string) error {
	return s.db.QueryRowContext(ctx, query).Scan(out)
}
