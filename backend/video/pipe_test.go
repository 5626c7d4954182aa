//go:build unix

package video_test

import (
	"net/http"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/video"
)

// A named pipe with a video's name must not block the request: opening a pipe waits for a
// writer, which would hang the handler and leak its goroutine.
func TestServer_NamedPipe(t *testing.T) {
	lib := t.TempDir()
	pipe := filepath.Join(lib, "pipe.mp4")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := video.Listen(folderRoots{"lib1": lib}, nil)
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	defer s.Close()

	done := make(chan error, 1)
	status := 0
	go func() {
		resp, err := http.Get(s.URL("lib1", "pipe.mp4"))
		if err == nil {
			status = resp.StatusCode
			resp.Body.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
		if status != http.StatusNotFound {
			t.Errorf("GET of a named pipe status=%d, want 404", status)
		}
	case <-time.After(10 * time.Second):
		// Release the blocked open, so the handler ends.
		if writer, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
			writer.Close()
		}
		<-done
		t.Fatal("GET of a named pipe blocked for 10 s")
	}
}
