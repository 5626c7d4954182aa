package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/imagor-studio/desktop/backend/imageurl"
)

// httpPeer is an imagor server process on loopback, asked over HTTP: the plain imagor 1.9.4
// server, or the app's headless serve mode.
type httpPeer struct {
	label string
	// command returns the server's command line for a corpus folder and a loopback address.
	command func(c corpus, addr string) []string
	// path returns the URL path of a job on this server.
	path   func(j job) string
	health string // URL path that returns 200 once the server is up
	// cleanup, when set, removes what command made, after the server stopped.
	cleanup func()

	cmd    *exec.Cmd
	base   string
	client *http.Client
	output lockedBuffer
}

// lockedBuffer collects a process's output; exec writes it from its own goroutine while a
// failed request reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *lockedBuffer) Reset() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.buf.Reset()
}

func (p *httpPeer) name() string { return p.label }

func (p *httpPeer) start(ctx context.Context, c corpus) error {
	addr, err := freeLoopbackAddr()
	if err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	args := p.command(c, addr)
	p.output.Reset()
	p.cmd = exec.Command(args[0], args[1:]...)
	p.cmd.Stdout, p.cmd.Stderr = &p.output, &p.output
	if err := p.cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", p.label, err)
	}
	p.base = "http://" + addr
	p.client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	return p.waitHealthy(ctx)
}

func (p *httpPeer) waitHealthy(ctx context.Context) error {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.base+p.health, nil)
		if err != nil {
			return err
		}
		if resp, err := p.client.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		if p.cmd.ProcessState != nil {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
	p.stop()
	return fmt.Errorf("start %s: no answer on %s within 20 s: %s", p.label, p.base, strings.TrimSpace(p.output.String()))
}

func (p *httpPeer) render(ctx context.Context, j job) (int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.base+p.path(j), nil)
	if err != nil {
		return 0, err
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", p.label, err)
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return 0, fmt.Errorf("%s %s: %w", p.label, req.URL.Path, err)
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("%s %s: status %d; server output ends: %s", p.label, req.URL.Path, resp.StatusCode,
			lastLines([]byte(p.output.String()), 5))
	}
	return int(n), nil
}

// pids returns the server and its child processes (the engine of the serve mode).
func (p *httpPeer) pids() []int {
	if p.cmd == nil || p.cmd.Process == nil {
		return nil
	}
	return append([]int{p.cmd.Process.Pid}, childPids(p.cmd.Process.Pid)...)
}

// stop interrupts the server and kills it if it is still running after 5 s.
func (p *httpPeer) stop() error {
	if p.cmd == nil {
		return nil
	}
	p.client.CloseIdleConnections()
	_ = p.cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
	p.cmd = nil
	if p.cleanup != nil {
		p.cleanup()
	}
	return nil
}

// freeLoopbackAddr returns a 127.0.0.1 address with a port that was free a moment ago.
func freeLoopbackAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// imagorPeer is a plain imagor 1.9.4 server (build/tools/imagor-server) with its defaults,
// reading the corpus folder through its file loader, with the HTTP loader off.
func imagorPeer(exe string) *httpPeer {
	return &httpPeer{
		label: "imagor",
		command: func(c corpus, addr string) []string {
			return []string{exe, "-imagor-unsafe", "-http-loader-disable", "-file-loader-base-dir", c.Dir, "-bind", addr}
		},
		path: func(j job) string {
			return "/unsafe/" + j.spec.ops() + "/" + imageurl.EncodeImage(j.file.Rel)
		},
		health: "/healthcheck",
	}
}
