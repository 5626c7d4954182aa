// Package thumbcache is the bounded disk cache of rendered images. An SQLite index records each
// entry's size and when it was last read, and contains the bodies of small entries (thumbnails).
// A larger body is one file, written to a temp file and renamed into place, so a reader sees a
// whole file or none. When the total passes the bound, the least recently read entries go first.
// Two app processes may share one cache folder: SQLite serialises their index writes and renames
// are atomic.
package thumbcache

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// InlineMaxBytes is the largest body kept in the index itself. Larger ones, such as full-size
// originals, are files. A thumbnail is a few KiB, and on the build machine's ext4 creating its
// file cost about 0.6 ms of CPU time, where inserting the row cost 0.07 ms.
const InlineMaxBytes = 256 << 10

// DefaultMaxBytes is the bound used when none is configured: 2 GiB.
const DefaultMaxBytes = 2 << 30

// minFreeBytes is the space the cache leaves free on its disk, so a full cache never takes the
// room that config.db and the user's own files need.
const minFreeBytes = 256 << 20

// ErrLowSpace is returned by Put when the disk has less than minFreeBytes free.
var ErrLowSpace = errors.New("cache not written: less than 256 MiB free on its disk")

// touchInterval is how often read times are written to the index. Reads between two flushes are
// one batched transaction instead of one write per tile.
const touchInterval = 3 * time.Second

// Cache is a disk cache bounded by the size given to Open. Release it with Close.
type Cache struct {
	dir      string
	db       *sql.DB
	maxBytes int64
	logger   *slog.Logger

	mu      sync.Mutex
	touched map[string]int64 // key hash to unix milliseconds of the last read
	evictMu sync.Mutex

	stop chan struct{}
	done chan struct{}
}

// Entry is a cached response, opened for reading. The caller closes Body.
type Entry struct {
	ContentType string
	Size        int64
	Body        io.ReadCloser
}

// Open opens or creates the cache in dir.
func Open(dir string, maxBytes int64, logger *slog.Logger) (*Cache, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if err := os.MkdirAll(filepath.Join(dir, "objects"), 0o700); err != nil {
		return nil, fmt.Errorf("create cache folder: %w", err)
	}
	indexPath := filepath.Join(dir, "index.db")
	db, err := openIndex(indexPath)
	if isDamaged(err) {
		// Every entry can be rendered again, so a damaged index costs the cached renders only,
		// and must not keep the app from starting.
		logger.Warn("cache index damaged, starting with an empty cache", "path", indexPath, "error", err)
		if err := removeCache(dir); err != nil {
			return nil, err
		}
		db, err = openIndex(indexPath)
	}
	if err != nil {
		return nil, err
	}
	c := &Cache{
		dir: dir, db: db, maxBytes: maxBytes, logger: logger,
		touched: map[string]int64{}, stop: make(chan struct{}), done: make(chan struct{}),
	}
	go c.flushLoop()
	return c, nil
}

// Close writes pending read times and closes the index.
func (c *Cache) Close() error {
	close(c.stop)
	<-c.done
	c.flushTouches()
	return c.db.Close()
}

// Get opens the cached response for key. It returns false when there is none, or when the entry
// was evicted, by this or another process, between the lookup and the open.
func (c *Cache) Get(key string) (Entry, bool) {
	hash := hashKey(key)
	entry, ok := c.getInline(hash)
	if !ok {
		entry, ok = c.getFile(hash)
	}
	if !ok {
		return Entry{}, false
	}
	c.mu.Lock()
	c.touched[hash] = time.Now().UnixMilli()
	c.mu.Unlock()
	return entry, true
}

// getInline returns the entry of hash whose body is in the index.
func (c *Cache) getInline(hash string) (Entry, bool) {
	var contentType string
	var body []byte
	// The join skips a body whose entry a process without the foreign key pragma evicted.
	err := c.db.QueryRow(`SELECT i.content_type, i.body FROM inline i JOIN entries e ON e.hash = i.hash
		WHERE i.hash = ?`, hash).Scan(&contentType, &body)
	if err != nil {
		if !errors.Is(err, sql.ErrNoRows) {
			c.logger.Warn("cache index read failed", "hash", hash, "error", err)
		}
		return Entry{}, false
	}
	return Entry{ContentType: contentType, Size: int64(len(body)), Body: io.NopCloser(bytes.NewReader(body))}, true
}

// getFile opens the entry of hash whose body is a file.
func (c *Cache) getFile(hash string) (Entry, bool) {
	file, err := os.Open(c.objectPath(hash))
	if err != nil {
		return Entry{}, false
	}
	info, err := file.Stat()
	if err != nil {
		file.Close()
		return Entry{}, false
	}
	reader := bufio.NewReader(file)
	header, err := reader.ReadString('\n')
	if err != nil {
		file.Close()
		return Entry{}, false
	}
	body := struct {
		io.Reader
		io.Closer
	}{reader, file}
	return Entry{
		ContentType: strings.TrimSuffix(header, "\n"),
		Size:        info.Size() - int64(len(header)),
		Body:        body,
	}, true
}

// Put stores body under key and evicts the least recently read entries if the cache is over its
// bound. A failed write leaves no partial entry behind.
func (c *Cache) Put(key, contentType string, body []byte) error {
	if strings.ContainsAny(contentType, "\r\n") {
		return fmt.Errorf("cache put: invalid content type %q", contentType)
	}
	if free, ok := freeBytes(c.dir); ok && free < minFreeBytes+uint64(len(body)) {
		return fmt.Errorf("%w (%s): free some space", ErrLowSpace, c.dir)
	}
	hash := hashKey(key)
	var err error
	if len(body) <= InlineMaxBytes {
		err = c.putInline(hash, contentType, body)
	} else {
		err = c.putFile(hash, contentType, body)
	}
	if err != nil {
		return err
	}
	return c.evict()
}

// putInline stores a small body in the index, in one transaction with its entry, and removes the
// file an earlier, larger body of the key left.
func (c *Cache) putInline(hash, contentType string, body []byte) error {
	tx, err := c.db.Begin()
	if err != nil {
		return fmt.Errorf("cache index: %w", err)
	}
	defer tx.Rollback()
	if body == nil {
		body = []byte{} // the driver binds nil as NULL, which the body column rejects
	}
	size := int64(len(contentType) + 1 + len(body)) // as a file would count it
	if err := upsertEntry(tx, hash, size); err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO inline (hash, content_type, body) VALUES (?, ?, ?)
		ON CONFLICT (hash) DO UPDATE SET content_type = excluded.content_type, body = excluded.body`,
		hash, contentType, body)
	if err != nil {
		return fmt.Errorf("cache index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cache index: %w", err)
	}
	if err := os.Remove(c.objectPath(hash)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		c.logger.Warn("old cache file not removed", "hash", hash, "error", err)
	}
	return nil
}

// putFile stores a large body as a file, renamed into place once written, and its entry. When the
// index write fails, it removes the file, because eviction only finds files the index counts.
func (c *Cache) putFile(hash, contentType string, body []byte) error {
	final := c.objectPath(hash)
	if err := os.MkdirAll(filepath.Dir(final), 0o700); err != nil {
		return fmt.Errorf("cache put: %w", err)
	}
	size, err := writeAtomic(final, contentType, body)
	if err != nil {
		return fmt.Errorf("cache put: %w", err)
	}
	if err := c.indexFile(hash, size); err != nil {
		if err := os.Remove(final); err != nil {
			c.logger.Warn("uncounted cache file not removed", "path", final, "error", err)
		}
		return err
	}
	return nil
}

// indexFile records the entry of hash whose body is a file of size bytes.
func (c *Cache) indexFile(hash string, size int64) error {
	tx, err := c.db.Begin()
	if err != nil {
		return fmt.Errorf("cache index: %w", err)
	}
	defer tx.Rollback()
	if err := upsertEntry(tx, hash, size); err != nil {
		return err
	}
	// An earlier, smaller body of the key would shadow the file.
	if _, err := tx.Exec(`DELETE FROM inline WHERE hash = ?`, hash); err != nil {
		return fmt.Errorf("cache index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("cache index: %w", err)
	}
	return nil
}

// upsertEntry records hash's size and marks it read now.
func upsertEntry(tx *sql.Tx, hash string, size int64) error {
	_, err := tx.Exec(`INSERT INTO entries (hash, size, last_read) VALUES (?, ?, ?)
		ON CONFLICT (hash) DO UPDATE SET size = excluded.size, last_read = excluded.last_read`,
		hash, size, time.Now().UnixMilli())
	if err != nil {
		return fmt.Errorf("cache index: %w", err)
	}
	return nil
}

// Usage returns the bytes and entries the index counts.
func (c *Cache) Usage() (int64, int, error) {
	var total int64
	var count int
	err := c.db.QueryRow(`SELECT total, count FROM usage`).Scan(&total, &count)
	if err != nil {
		return 0, 0, fmt.Errorf("cache usage: %w", err)
	}
	return total, count, nil
}

// evict removes the least recently read entries until the cache holds at most 90 % of its bound,
// so that evictions come in batches and not on every put.
func (c *Cache) evict() error {
	c.evictMu.Lock()
	defer c.evictMu.Unlock()

	total, _, err := c.Usage()
	if err != nil || total <= c.maxBytes {
		return err
	}
	c.flushTouches()
	target := c.maxBytes / 10 * 9
	for total > target {
		victims, err := c.oldest(256)
		if err != nil || len(victims) == 0 {
			return err
		}
		for _, v := range victims {
			if err := os.Remove(c.objectPath(v.hash)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				c.logger.Warn("cache file not removed", "error", err)
			}
			if _, err := c.db.Exec(`DELETE FROM entries WHERE hash = ?`, v.hash); err != nil {
				return fmt.Errorf("cache evict: %w", err)
			}
			total -= v.size
			if total <= target {
				break
			}
		}
	}
	return nil
}

type victim struct {
	hash string
	size int64
}

func (c *Cache) oldest(limit int) ([]victim, error) {
	rows, err := c.db.Query(`SELECT hash, size FROM entries ORDER BY last_read LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("cache evict: %w", err)
	}
	defer rows.Close()
	var victims []victim
	for rows.Next() {
		var v victim
		if err := rows.Scan(&v.hash, &v.size); err != nil {
			return nil, fmt.Errorf("cache evict: %w", err)
		}
		victims = append(victims, v)
	}
	return victims, rows.Err()
}

func (c *Cache) flushLoop() {
	defer close(c.done)
	ticker := time.NewTicker(touchInterval)
	defer ticker.Stop()
	for {
		select {
		case <-c.stop:
			return
		case <-ticker.C:
			c.flushTouches()
		}
	}
}

// flushTouches writes the read times collected since the last flush in one transaction.
func (c *Cache) flushTouches() {
	c.mu.Lock()
	touched := c.touched
	c.touched = map[string]int64{}
	c.mu.Unlock()
	if len(touched) == 0 {
		return
	}
	tx, err := c.db.Begin()
	if err != nil {
		c.logger.Warn("cache read times not saved", "error", err)
		return
	}
	defer tx.Rollback()
	for hash, at := range touched {
		if _, err := tx.Exec(`UPDATE entries SET last_read = ? WHERE hash = ?`, at, hash); err != nil {
			c.logger.Warn("cache read times not saved", "error", err)
			return
		}
	}
	if err := tx.Commit(); err != nil {
		c.logger.Warn("cache read times not saved", "error", err)
	}
}

func (c *Cache) objectPath(hash string) string {
	return filepath.Join(c.dir, "objects", hash[:2], hash[2:])
}

func hashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}
