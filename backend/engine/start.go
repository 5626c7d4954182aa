package engine

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"time"
)

// crashWindow and maxStartsInWindow bound restarts: a file that crashes the engine on every
// request must not turn into a restart loop.
const (
	crashWindow       = 30 * time.Second
	maxStartsInWindow = 8
)

// ensure returns the running engine process, starting one if there is none or the last one exited.
func (e *Engine) ensure(ctx context.Context) (*process, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil, fmt.Errorf("%w: the app is shutting down", ErrUnavailable)
	}
	if e.proc != nil && !isExited(e.proc) {
		return e.proc, nil
	}
	if e.proc != nil {
		e.cfg.Logger.Warn("engine exited, restarting", "error", e.proc.err)
		e.proc = nil
	}

	now := time.Now()
	recent := e.starts[:0]
	for _, t := range e.starts {
		if now.Sub(t) < crashWindow {
			recent = append(recent, t)
		}
	}
	e.starts = recent
	if len(e.starts) >= maxStartsInWindow {
		return nil, fmt.Errorf("%w: it exited %d times in %s; see the log", ErrUnavailable, len(e.starts), crashWindow)
	}
	e.starts = append(e.starts, now)

	proc, err := e.start(ctx)
	if err != nil {
		return nil, err
	}
	e.proc = proc
	return proc, nil
}

// start runs the executable, waits for its health check and sends it the libraries. e.mu is held.
func (e *Engine) start(ctx context.Context) (*process, error) {
	if e.cfg.Executable == "" {
		exe, err := Locate()
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
		e.cfg.Executable = exe
	}
	args := append([]string{"-socket", e.socket}, e.cfg.Args...)
	cmd := exec.Command(e.cfg.Executable, args...)
	cmd.Env = os.Environ()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start engine: %w", err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, fmt.Errorf("start engine: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("%w: start %s: %v", ErrUnavailable, e.cfg.Executable, err)
	}
	proc := &process{cmd: cmd, stdin: stdin, exited: make(chan struct{})}
	go e.logOutput(stderr, cmd.Process.Pid)
	go func() {
		proc.err = cmd.Wait()
		close(proc.exited)
	}()

	if err := e.waitHealthy(ctx, proc); err != nil {
		proc.stop(time.Second)
		return nil, err
	}
	if err := e.put(ctx, "/-/libraries", e.libraries); err != nil {
		e.cfg.Logger.Warn("engine did not take every library", "error", err)
	}
	if err := e.put(ctx, "/-/s3-libraries", e.buckets); err != nil {
		e.cfg.Logger.Warn("engine did not take every S3 library", "error", err)
	}
	e.cfg.Logger.Info("engine started", "pid", cmd.Process.Pid)
	return proc, nil
}

func (e *Engine) waitHealthy(ctx context.Context, proc *process) error {
	deadline := time.Now().Add(e.cfg.StartTimeout)
	for {
		resp, err := e.get(ctx, "/-/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case <-proc.exited:
			return fmt.Errorf("%w: it exited at start: %v", ErrUnavailable, proc.err)
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%w: no answer within %s", ErrUnavailable, e.cfg.StartTimeout)
		}
	}
}

// stop closes the engine's standard input and kills it if it has not exited after grace.
func (p *process) stop(grace time.Duration) {
	p.stdin.Close()
	select {
	case <-p.exited:
	case <-time.After(grace):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}
