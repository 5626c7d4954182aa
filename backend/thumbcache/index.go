package thumbcache

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// schema creates the index. usage is kept by triggers, so every process sharing the folder sees
// one total without summing the table. inline contains the bodies of small entries, whose
// entries row counts their size as a file's would. A cache folder of an earlier version, which
// kept every body in a file, gets the table on open and keeps its files. Such a version evicts
// without the foreign key, so the bodies it left without an entry are deleted on open.
const schema = `
CREATE TABLE IF NOT EXISTS entries (
	hash      TEXT PRIMARY KEY,
	size      INTEGER NOT NULL,
	last_read INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS inline (
	hash         TEXT PRIMARY KEY REFERENCES entries (hash) ON DELETE CASCADE,
	content_type TEXT NOT NULL,
	body         BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_last_read ON entries (last_read);
CREATE TABLE IF NOT EXISTS usage (total INTEGER NOT NULL, count INTEGER NOT NULL);
INSERT INTO usage (total, count) SELECT 0, 0 WHERE NOT EXISTS (SELECT 1 FROM usage);
CREATE TRIGGER IF NOT EXISTS entries_insert AFTER INSERT ON entries BEGIN
	UPDATE usage SET total = total + NEW.size, count = count + 1;
END;
CREATE TRIGGER IF NOT EXISTS entries_update AFTER UPDATE OF size ON entries BEGIN
	UPDATE usage SET total = total - OLD.size + NEW.size;
END;
CREATE TRIGGER IF NOT EXISTS entries_delete AFTER DELETE ON entries BEGIN
	UPDATE usage SET total = total - OLD.size, count = count - 1;
END;
DELETE FROM inline WHERE hash NOT IN (SELECT hash FROM entries);
`

// openIndex opens the index database with per-connection pragmas in the DSN, so every pooled
// connection gets them, and write transactions that start immediately instead of failing with
// SQLITE_BUSY when they upgrade from a read.
func openIndex(path string) (*sql.DB, error) {
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open cache index: %w", err)
	}
	if _, err := db.Exec(schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("create cache index %s: %w", path, err)
	}
	return db, nil
}

// isDamaged reports whether err is SQLite's error for a file that is not a database or is corrupt.
func isDamaged(err error) bool {
	var sqliteErr *sqlite.Error
	if !errors.As(err, &sqliteErr) {
		return false
	}
	code := sqliteErr.Code() & 0xff // the primary result code of an extended one
	return code == sqlite3.SQLITE_CORRUPT || code == sqlite3.SQLITE_NOTADB
}

// removeCache deletes the index of the cache folder dir, with its WAL files, and the body files,
// which no index would count or evict.
func removeCache(dir string) error {
	for _, name := range []string{"index.db", "index.db-wal", "index.db-shm"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove damaged cache index: %w", err)
		}
	}
	objects := filepath.Join(dir, "objects")
	if err := os.RemoveAll(objects); err != nil {
		return fmt.Errorf("remove cache files: %w", err)
	}
	if err := os.MkdirAll(objects, 0o700); err != nil {
		return fmt.Errorf("create cache folder: %w", err)
	}
	return nil
}
