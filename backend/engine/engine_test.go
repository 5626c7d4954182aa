package engine_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/imagor-studio/desktop/backend/engine"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// MustExecutable returns the path of the built engine: $IMAGOR_STUDIO_ENGINE, else
// build/bin/imagor-studio-engine under the module root. It fails the test when neither exists.
func MustExecutable(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv(engine.EnvExecutable); p != "" {
		if _, err := os.Stat(p); err != nil {
			tb.Fatalf("%s=%s: %v; run `go tool task build:engine`", engine.EnvExecutable, p, err)
		}
		return p
	}
	root, err := moduleRoot()
	if err != nil {
		tb.Fatalf("find the module root: %v", err)
	}
	p := filepath.Join(root, "build", "bin", engine.ExecutableName)
	if _, err := os.Stat(p); err != nil {
		tb.Fatalf("engine executable not found at %s and %s is not set: run `go tool task build:engine`", p, engine.EnvExecutable)
	}
	return p
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}

// MustEngine returns an Engine on the real executable that is closed when the test ends.
func MustEngine(tb testing.TB) *engine.Engine {
	tb.Helper()
	return MustEngineWith(tb, engine.Config{Executable: MustExecutable(tb)})
}

// MustEngineWith returns an Engine with cfg that is closed when the test ends.
func MustEngineWith(tb testing.TB, cfg engine.Config) *engine.Engine {
	tb.Helper()
	e, err := engine.New(cfg)
	if err != nil {
		tb.Fatalf("engine.New: %v", err)
	}
	tb.Cleanup(func() {
		if err := e.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return e
}

// MustLibrary creates a folder with a w x h PNG named x.png in it and returns the folder.
func MustLibrary(tb testing.TB, w, h int) string {
	tb.Helper()
	dir := tb.TempDir()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x.png"), buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// MustSetLibraries calls SetLibraries and fails the test on an error.
func MustSetLibraries(tb testing.TB, e *engine.Engine, libraries map[string]string) {
	tb.Helper()
	if err := e.SetLibraries(context.Background(), libraries); err != nil {
		tb.Fatalf("SetLibraries(%v): %v", libraries, err)
	}
}

// get sends path through e and returns the status and body.
func get(ctx context.Context, e *engine.Engine, path string) (int, []byte, error) {
	resp, err := e.Do(ctx, path)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return resp.StatusCode, body, err
}

// MustWidth requests path and returns the width of the image that comes back.
func MustWidth(tb testing.TB, e *engine.Engine, path string) int {
	tb.Helper()
	status, body, err := get(context.Background(), e, path)
	if err != nil {
		tb.Fatalf("Do(%s): %v", path, err)
	}
	if status != http.StatusOK {
		tb.Fatalf("Do(%s) status=%d body=%s, want 200", path, status, body)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(body))
	if err != nil {
		tb.Fatalf("Do(%s) decode: %v", path, err)
	}
	return cfg.Width
}

// processExists reports whether pid names a process that has not been reaped.
func processExists(pid int) bool {
	return syscall.Kill(pid, 0) == nil
}

// socketFolder returns the folder of the -socket flag the engine with pid was started with.
func socketFolder(tb testing.TB, pid int) string {
	tb.Helper()
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/cmdline")
	if err != nil {
		tb.Fatalf("read the command line of pid %d: %v", pid, err)
	}
	args := strings.Split(strings.TrimRight(string(cmdline), "\x00"), "\x00")
	for i, arg := range args {
		if arg == "-socket" && i+1 < len(args) {
			return filepath.Dir(args[i+1])
		}
	}
	tb.Fatalf("no -socket flag in the command line %q of pid %d", args, pid)
	return ""
}

func TestEngine_Do(t *testing.T) {
	t.Run("OKStartsOnFirstRequest", func(t *testing.T) {
		e := MustEngine(t)
		if pid := e.Pid(); pid != 0 {
			t.Fatalf("Pid before the first request=%d, want 0", pid)
		}
		MustSetLibraries(t, e, map[string]string{"lib": MustLibrary(t, 123, 45)})
		if pid := e.Pid(); pid != 0 {
			t.Errorf("Pid after SetLibraries on an engine not started=%d, want 0 (no start)", pid)
		}

		if got := MustWidth(t, e, "/unsafe/lib/x.png"); got != 123 {
			t.Errorf("width=%d, want 123", got)
		}
		pid := e.Pid()
		if pid == 0 || !processExists(pid) {
			t.Fatalf("Pid after the first request=%d, want a running process", pid)
		}
		if got := MustWidth(t, e, "/unsafe/fit-in/64x64/lib/x.png"); got != 64 {
			t.Errorf("width of fit-in 64=%d, want 64", got)
		}
		if again := e.Pid(); again != pid {
			t.Errorf("Pid after a second request=%d, want the same process %d", again, pid)
		}
	})

	t.Run("OKErrorStatusIsAResponse", func(t *testing.T) {
		e := MustEngine(t)
		status, body, err := get(context.Background(), e, "/unsafe/nolibrary/x.png")
		if err != nil {
			t.Fatalf("Do: %v, want a 404 response", err)
		}
		if status != http.StatusNotFound {
			t.Errorf("status=%d body=%s, want 404", status, body)
		}
	})

	t.Run("ErrCanceled", func(t *testing.T) {
		e := MustEngine(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := e.Do(ctx, "/unsafe/lib/x.png"); !errors.Is(err, context.Canceled) {
			t.Errorf("Do with a canceled context error=%v, want %v", err, context.Canceled)
		}
	})

	t.Run("ErrMissingExecutable", func(t *testing.T) {
		e := MustEngineWith(t, engine.Config{Executable: filepath.Join(t.TempDir(), "missing-engine")})
		_, err := e.Do(context.Background(), "/unsafe/lib/x.png")
		if !errors.Is(err, engine.ErrUnavailable) {
			t.Errorf("Do error=%v, want %v", err, engine.ErrUnavailable)
		}
	})

	t.Run("ErrNeverHealthy", func(t *testing.T) {
		// A program that runs but never listens: the engine gives up after StartTimeout.
		script := filepath.Join(t.TempDir(), "silent-engine")
		if err := os.WriteFile(script, []byte("#!/bin/sh\nexec sleep 30\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		e := MustEngineWith(t, engine.Config{Executable: script, StartTimeout: 300 * time.Millisecond})
		_, err := e.Do(context.Background(), "/unsafe/lib/x.png")
		if !errors.Is(err, engine.ErrUnavailable) {
			t.Fatalf("Do error=%v, want %v", err, engine.ErrUnavailable)
		}
		if !strings.Contains(err.Error(), "no answer within 300ms") {
			t.Errorf("Do error=%q, want it to name the 300ms timeout", err)
		}
		if pid := e.Pid(); pid != 0 {
			t.Errorf("Pid after a failed start=%d, want 0", pid)
		}
	})
}

func TestEngine_Health(t *testing.T) {
	e := MustEngine(t)
	health, err := e.Health(context.Background())
	if err != nil {
		t.Fatalf("Health: %v", err)
	}
	if health["imagor"] != "1.9.4" {
		t.Errorf("imagor=%v, want 1.9.4", health["imagor"])
	}
	if health["vips"] != "8.18.7" {
		t.Errorf("vips=%v, want 8.18.7", health["vips"])
	}
	// JSON numbers decode into float64.
	if pid, _ := health["pid"].(float64); int(pid) != e.Pid() || pid == 0 {
		t.Errorf("pid=%v, want Pid()=%d", health["pid"], e.Pid())
	}
}

func TestEngine_SetLibraries(t *testing.T) {
	e := MustEngine(t)
	a, b := MustLibrary(t, 101, 10), MustLibrary(t, 102, 10)

	// Before the start: kept and sent when the engine starts.
	MustSetLibraries(t, e, map[string]string{"a": a})
	if got := MustWidth(t, e, "/unsafe/a/x.png"); got != 101 {
		t.Errorf("width from a=%d, want 101", got)
	}

	// After the start: sent to the running engine, replacing the old set.
	pid := e.Pid()
	MustSetLibraries(t, e, map[string]string{"b": b})
	if got := MustWidth(t, e, "/unsafe/b/x.png"); got != 102 {
		t.Errorf("width from b=%d, want 102", got)
	}
	status, _, err := get(context.Background(), e, "/unsafe/a/x.png")
	if err != nil {
		t.Fatal(err)
	}
	if status != http.StatusNotFound {
		t.Errorf("status from a after it was removed=%d, want 404", status)
	}
	if again := e.Pid(); again != pid {
		t.Errorf("Pid after SetLibraries=%d, want the same process %d", again, pid)
	}

	// A folder the engine cannot open is reported, and the others still apply.
	err = e.SetLibraries(context.Background(), map[string]string{"b": b, "gone": filepath.Join(t.TempDir(), "gone")})
	if err == nil || !strings.Contains(err.Error(), "open library gone") {
		t.Errorf("SetLibraries with a missing folder error=%v, want one naming library gone", err)
	}
	if got := MustWidth(t, e, "/unsafe/b/x.png"); got != 102 {
		t.Errorf("width from b after the partial update=%d, want 102", got)
	}

	// After a restart: the new process gets the current set.
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitGone(t, e, pid)
	if got := MustWidth(t, e, "/unsafe/b/x.png"); got != 102 {
		t.Errorf("width from b after a restart=%d, want 102", got)
	}
	if newPid := e.Pid(); newPid == pid || newPid == 0 {
		t.Errorf("Pid after the restart=%d, want a new process (old %d)", newPid, pid)
	}
}

// waitGone waits until the Engine has seen the exit of process pid.
func waitGone(tb testing.TB, e *engine.Engine, pid int) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for e.Pid() == pid {
		if time.Now().After(deadline) {
			tb.Fatalf("engine pid %d still reported 5s after SIGKILL", pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// MustSlowLibrary returns a library whose pano.jpg is a 12,000 x 3,000 JPEG, and a path that
// takes the engine a second or more to render (a wide blur, then PNG encoding).
func MustSlowLibrary(tb testing.TB) (string, string) {
	tb.Helper()
	img := image.NewGray(image.Rect(0, 0, 12000, 3000))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pano.jpg"), buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir, "/unsafe/filters:blur(40):format(png)/slow/pano.jpg"
}

// TestEngine_Crash kills the engine while requests are in flight: they fail, and the next
// request runs on a new process.
func TestEngine_Crash(t *testing.T) {
	e := MustEngine(t)
	slow, slowPath := MustSlowLibrary(t)
	MustSetLibraries(t, e, map[string]string{"slow": slow, "lib": MustLibrary(t, 77, 7)})
	if got := MustWidth(t, e, "/unsafe/lib/x.png"); got != 77 {
		t.Fatalf("width=%d, want 77", got)
	}
	pid := e.Pid()

	const inFlight = 4
	errs := make([]error, inFlight)
	statuses := make([]int, inFlight)
	var finished sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for i := range inFlight {
		finished.Add(1)
		go func() {
			defer finished.Done()
			statuses[i], _, errs[i] = get(context.Background(), e, slowPath)
			mu.Lock()
			done++
			mu.Unlock()
		}()
	}
	time.Sleep(300 * time.Millisecond)
	mu.Lock()
	doneBeforeKill := done
	mu.Unlock()
	if doneBeforeKill != 0 {
		t.Fatalf("%d of %d slow renders finished within 300ms, before the kill: make MustSlowLibrary slower", doneBeforeKill, inFlight)
	}
	killed := time.Now()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	finished.Wait()
	t.Logf("in-flight requests returned %s after SIGKILL", time.Since(killed))

	for i, err := range errs {
		if err == nil {
			t.Errorf("request %d in flight at the kill: status %d and no error, want an error", i, statuses[i])
			continue
		}
		if !errors.Is(err, engine.ErrCrashed) {
			t.Errorf("request %d in flight at the kill: error %v, want %v", i, err, engine.ErrCrashed)
		}
	}

	if got := MustWidth(t, e, "/unsafe/lib/x.png"); got != 77 {
		t.Errorf("width after the crash=%d, want 77", got)
	}
	newPid := e.Pid()
	if newPid == 0 || newPid == pid {
		t.Errorf("Pid after the crash=%d, want a new process (old %d)", newPid, pid)
	}
	if processExists(pid) {
		t.Errorf("killed process %d still exists (not reaped)", pid)
	}
}

func TestEngine_Close(t *testing.T) {
	t.Run("OKStopsProcess", func(t *testing.T) {
		e, err := engine.New(engine.Config{Executable: MustExecutable(t)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.Health(context.Background()); err != nil {
			t.Fatalf("Health: %v", err)
		}
		pid := e.Pid()
		dir := socketFolder(t, pid)
		if _, err := os.Stat(filepath.Join(dir, "engine.sock")); err != nil {
			t.Fatalf("socket while the engine runs: %v", err)
		}

		start := time.Now()
		if err := e.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		t.Logf("Close took %s", time.Since(start))
		if processExists(pid) {
			t.Errorf("engine process %d exists after Close", pid)
		}
		if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("socket folder %s after Close: stat error %v, want it removed", dir, err)
		}
		if got := e.Pid(); got != 0 {
			t.Errorf("Pid after Close=%d, want 0", got)
		}
		if _, err := e.Do(context.Background(), "/unsafe/lib/x.png"); !errors.Is(err, engine.ErrUnavailable) {
			t.Errorf("Do after Close error=%v, want %v", err, engine.ErrUnavailable)
		}
		if err := e.Close(); err != nil {
			t.Errorf("second Close: %v, want nil", err)
		}
	})

	t.Run("OKNeverStarted", func(t *testing.T) {
		e, err := engine.New(engine.Config{Executable: MustExecutable(t)})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Close(); err != nil {
			t.Errorf("Close of an engine never started: %v", err)
		}
		if _, err := e.Health(context.Background()); !errors.Is(err, engine.ErrUnavailable) {
			t.Errorf("Health after Close error=%v, want %v", err, engine.ErrUnavailable)
		}
	})
}

// TestEngine_CrashLoop checks that an engine that exits at every start is started at most 8
// times in 30 s, and that the request after that fails without a start.
func TestEngine_CrashLoop(t *testing.T) {
	e := MustEngineWith(t, engine.Config{Executable: "/bin/false"})
	const maxStarts = 8
	start := time.Now()
	for i := 1; i <= maxStarts; i++ {
		_, err := e.Do(context.Background(), "/unsafe/lib/x.png")
		if !errors.Is(err, engine.ErrUnavailable) {
			t.Fatalf("start %d: error %v, want %v", i, err, engine.ErrUnavailable)
		}
		if !strings.Contains(err.Error(), "exited at start") {
			t.Errorf("start %d: error %q, want it to say the engine exited at start", i, err)
		}
	}
	_, err := e.Do(context.Background(), "/unsafe/lib/x.png")
	if !errors.Is(err, engine.ErrUnavailable) {
		t.Fatalf("request after %d failed starts: error %v, want %v", maxStarts, err, engine.ErrUnavailable)
	}
	if !strings.Contains(err.Error(), "exited 8 times in 30s") {
		t.Errorf("request after %d failed starts: error %q, want it to report 8 exits in 30s", maxStarts, err)
	}
	t.Logf("%d failed starts and the rejection took %s", maxStarts, time.Since(start))
}

func TestLocate(t *testing.T) {
	t.Run("OKFromEnvironment", func(t *testing.T) {
		exe := MustExecutable(t)
		t.Setenv(engine.EnvExecutable, exe)
		got, err := engine.Locate()
		if err != nil {
			t.Fatalf("Locate: %v", err)
		}
		if got != exe {
			t.Errorf("Locate=%q, want %q", got, exe)
		}
	})

	t.Run("ErrEnvironmentMissingFile", func(t *testing.T) {
		missing := filepath.Join(t.TempDir(), "nothing-here")
		t.Setenv(engine.EnvExecutable, missing)
		_, err := engine.Locate()
		if err == nil || !strings.Contains(err.Error(), engine.EnvExecutable+"="+missing) {
			t.Errorf("Locate error=%v, want one naming %s=%s", err, engine.EnvExecutable, missing)
		}
	})
}

// startExecutable starts the engine binary on a socket in a new folder, with its standard input
// a pipe, and waits until its health check returns 200.
func startExecutable(t *testing.T) (*exec.Cmd, io.WriteCloser, string, *bytes.Buffer) {
	t.Helper()
	socket := filepath.Join(t.TempDir(), "e.sock")
	cmd := exec.Command(MustExecutable(t), "-socket", socket)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
		}
	})

	client := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", socket)
		},
	}}
	defer client.CloseIdleConnections()
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := client.Get("http://engine/-/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("engine not healthy on %s after 15s: %v; output: %s", socket, err, stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return cmd, stdin, socket, &stderr
}

// waitExit waits up to timeout for cmd to exit and returns its error.
func waitExit(t *testing.T, cmd *exec.Cmd, timeout time.Duration) error {
	t.Helper()
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		return err
	case <-time.After(timeout):
		_ = cmd.Process.Kill()
		<-exited
		t.Fatalf("engine still running %s after its standard input closed", timeout)
		return nil
	}
}

func TestExecutable_StdinEOF(t *testing.T) {
	cmd, stdin, socket, stderr := startExecutable(t)
	closed := time.Now()
	if err := stdin.Close(); err != nil {
		t.Fatal(err)
	}
	if err := waitExit(t, cmd, 10*time.Second); err != nil {
		t.Errorf("exit after stdin EOF: %v, want status 0; output: %s", err, stderr)
	}
	t.Logf("engine exited %s after its standard input closed", time.Since(closed))
	if _, err := os.Stat(socket); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket %s after exit: stat error %v, want it removed", socket, err)
	}
	if !strings.Contains(stderr.String(), "engine stopped") {
		t.Errorf("output=%q, want the \"engine stopped\" log line", stderr)
	}
}

func TestExecutable_MissingSocketFlag(t *testing.T) {
	cmd := exec.Command(MustExecutable(t))
	output, err := cmd.CombinedOutput()
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.ExitCode() != 1 {
		t.Fatalf("run without -socket: error %v, want exit status 1; output: %s", err, output)
	}
	if !strings.Contains(string(output), "missing -socket") {
		t.Errorf("output=%q, want it to say -socket is missing", output)
	}
}
