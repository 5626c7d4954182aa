package s3

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/imagor-studio/desktop/backend/listing"
)

// ErrNoClient is returned by Pool.Client for an id that is not an S3 library.
var ErrNoClient = errors.New("not an open S3 library")

// listTimeout bounds the listing of one folder, all pages included.
const listTimeout = 60 * time.Second

// Pool keeps one Client per S3 library. It is safe for concurrent use.
type Pool struct {
	mu      sync.RWMutex
	clients map[string]*Client
	configs map[string]Config
}

// NewPool returns an empty Pool.
func NewPool() *Pool {
	return &Pool{clients: map[string]*Client{}, configs: map[string]Config{}}
}

// Sync makes the pool hold a client for each entry of configs, keeping those whose config did
// not change. A config that does not make a client is reported and left out.
func (p *Pool) Sync(configs map[string]Config) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	var errs []error
	clients := make(map[string]*Client, len(configs))
	for id, cfg := range configs {
		if old, ok := p.clients[id]; ok && p.configs[id] == cfg {
			clients[id] = old
			continue
		}
		client, err := New(cfg)
		if err != nil {
			errs = append(errs, fmt.Errorf("S3 library %s: %w", id, err))
			continue
		}
		clients[id] = client
	}
	p.clients, p.configs = clients, configs
	return errors.Join(errs...)
}

// Client returns the client of the S3 library id.
func (p *Pool) Client(id string) (*Client, error) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if c := p.clients[id]; c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("library %q: %w", id, ErrNoClient)
}

// Source returns the client as a listing.Source. S3 has no cheap stamp for a folder, so a
// cached listing lives for the Lister's MaxAge and is then read again in the background.
func (c *Client) Source() listing.Source {
	return folderSource{client: c}
}

type folderSource struct {
	client *Client
}

func (s folderSource) FolderStamp(string) (string, error) { return "", nil }

func (s folderSource) ReadFolder(path string) ([]listing.Entry, error) {
	ctx, cancel := context.WithTimeout(context.Background(), listTimeout)
	defer cancel()
	return s.client.ListFolder(ctx, path)
}
