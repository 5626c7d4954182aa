package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// spec is one output every peer renders: a fit-inside WebP, never enlarged, or with Meta set
// the image's metadata, which only the imagor peers serve.
type spec struct {
	Name    string
	Size    int // bounding box side, in pixels
	Quality int
	Meta    bool
	Sets    []string // the corpus sets it is measured on; nil for all
}

// specs are the measured outputs: the gallery's thumbnail, an editor-sized preview and the
// metadata the viewer reads when it opens an image.
var specs = []spec{
	{Name: "thumb-256", Size: 256, Quality: 80},
	{Name: "preview-1200", Size: 1200, Quality: 80, Sets: []string{setPhotos}},
	{Name: "meta", Meta: true, Sets: []string{setPhotos}},
}

// errUnsupported is returned by a peer that does not make an output; its passes are left out.
var errUnsupported = errors.New("output not made by this peer")

// ops returns the imagor operations of the spec.
func (s spec) ops() string {
	if s.Meta {
		return "meta"
	}
	return fmt.Sprintf("fit-in/%dx%d/filters:format(webp):quality(%d)", s.Size, s.Size, s.Quality)
}

// measuredOn reports whether the spec is measured on the set.
func (s spec) measuredOn(set string) bool {
	return s.Sets == nil || slices.Contains(s.Sets, set)
}

// job is one render request. Version makes the request's URL unique where a peer caches.
type job struct {
	file    corpusFile
	spec    spec
	version string
}

// peer is one way of making the outputs. start brings up fresh processes, so each run's peak
// RSS is its own; stop ends them.
type peer interface {
	name() string
	start(ctx context.Context, c corpus) error
	render(ctx context.Context, j job) (int, error) // returns the output's size in bytes
	pids() []int                                    // processes whose RSS and CPU time count
	stop() error
}

// linePeer drives a worker process that speaks the harness's line protocol on its standard
// input and output: the floor program and the sharp runner.
type linePeer struct {
	label string
	args  func() []string // the command, built at start
	dir   string

	cmd     *exec.Cmd
	stdin   io.WriteCloser
	writeMu sync.Mutex
	nextID  atomic.Int64

	mu      sync.Mutex
	pending map[string]chan lineReply
	readErr error
}

type lineReply struct {
	bytes int
	err   error
}

func (p *linePeer) name() string { return p.label }

func (p *linePeer) start(ctx context.Context, _ corpus) error {
	args := p.args()
	p.cmd = exec.Command(args[0], args[1:]...)
	p.cmd.Dir = p.dir
	stdin, err := p.cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	var stderr strings.Builder
	p.cmd.Stderr = &stderr
	if err := p.cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	p.stdin = stdin
	p.pending = map[string]chan lineReply{}
	p.readErr = nil
	go p.readReplies(stdout, &stderr)
	return nil
}

// readReplies routes each reply line to the request waiting for it.
func (p *linePeer) readReplies(stdout io.Reader, stderr *strings.Builder) {
	scanner := bufio.NewScanner(stdout)
	for scanner.Scan() {
		id, rest, _ := strings.Cut(scanner.Text(), "\t")
		size, message, _ := strings.Cut(rest, "\t")
		reply := lineReply{}
		if message != "" {
			reply.err = fmt.Errorf("%s: %s", p.label, message)
		} else if reply.bytes, reply.err = strconv.Atoi(size); reply.err != nil {
			reply.err = fmt.Errorf("%s: invalid reply %q", p.label, scanner.Text())
		}
		p.mu.Lock()
		ch := p.pending[id]
		delete(p.pending, id)
		p.mu.Unlock()
		if ch != nil {
			ch <- reply
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.readErr = fmt.Errorf("%s exited: %s", p.label, strings.TrimSpace(stderr.String()))
	for id, ch := range p.pending {
		ch <- lineReply{err: p.readErr}
		delete(p.pending, id)
	}
}

func (p *linePeer) render(ctx context.Context, j job) (int, error) {
	if j.spec.Meta {
		return 0, errUnsupported
	}
	id := strconv.FormatInt(p.nextID.Add(1), 10)
	ch := make(chan lineReply, 1)
	p.mu.Lock()
	if p.readErr != nil {
		p.mu.Unlock()
		return 0, p.readErr
	}
	p.pending[id] = ch
	p.mu.Unlock()

	animated := 0
	if j.file.Animated {
		animated = 1
	}
	line := fmt.Sprintf("%s\t%d\t%d\t%d\t%d\t%s\n", id, j.spec.Size, j.spec.Size, j.spec.Quality, animated, j.file.Path)
	p.writeMu.Lock()
	_, err := io.WriteString(p.stdin, line)
	p.writeMu.Unlock()
	if err != nil {
		return 0, fmt.Errorf("send to %s: %w", p.label, err)
	}
	select {
	case reply := <-ch:
		return reply.bytes, reply.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func (p *linePeer) pids() []int {
	if p.cmd == nil || p.cmd.Process == nil {
		return nil
	}
	return []int{p.cmd.Process.Pid}
}

// stop closes the worker's standard input, which ends it once the requests in flight are done.
func (p *linePeer) stop() error {
	if p.cmd == nil {
		return nil
	}
	p.stdin.Close()
	err := p.cmd.Wait()
	p.cmd = nil
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return fmt.Errorf("%s: %w", p.label, err)
	}
	return err
}
