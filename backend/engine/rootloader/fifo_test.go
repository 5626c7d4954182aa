//go:build unix

package rootloader_test

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/engine/rootloader"
)

// openTimeout bounds the wait for an open that would block on a named pipe forever.
const openTimeout = 10 * time.Second

// TestLoader_OpenNamedPipe opens a named pipe with an image's name, as the engine's fast paths
// do for any key a request names. Opening a pipe blocks until a writer comes, which would hang
// the request and leak its goroutine.
func TestLoader_OpenNamedPipe(t *testing.T) {
	loader, lib := newLibrary(t)
	pipe := filepath.Join(lib, "pipe.jpg")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		file, err := loader.Open(libraryID + "/pipe.jpg")
		if file != nil {
			file.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, rootloader.ErrNotRegular) {
			t.Errorf("Open error=%v, want ErrNotRegular", err)
		}
	case <-time.After(openTimeout):
		// Release the blocked open, so the goroutine ends.
		if writer, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
			writer.Close()
		}
		<-done
		t.Fatalf("Open of a named pipe blocked for %s", openTimeout)
	}
}
