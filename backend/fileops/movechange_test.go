package fileops_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// A move that copies (to another library or file system) removes the original afterwards. A
// file written into the folder while it is copied, such as an editor's sidecar, is not in the
// copy, so it must stay where it was.
func TestService_MoveKeepsFilesAddedMeanwhile(t *testing.T) {
	ctx := context.Background()
	from, to := t.TempDir(), t.TempDir()
	big := strings.Repeat("0123456789abcdef", 4<<20) // 64 MiB, so the copy takes a while
	MustWrite(t, from, "shoot/big.raw", big)
	MustWrite(t, from, "shoot/a.jpg", "a")
	svc, set, src := MustLibrary(t, from)
	dst := MustAdd(t, set, to)

	// Once the big file's copy has started, the folder has been listed: add a sidecar then.
	added := make(chan error, 1)
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				added <- errors.New("the move ended before a file could be added while it ran")
				return
			default:
			}
			if copying(to, "big.raw") {
				added <- os.WriteFile(filepath.Join(from, "shoot", "a.xmp"), []byte("sidecar"), 0o644)
				return
			}
		}
	}()
	_, err := svc.Move(ctx, src, []string{"shoot"}, "", fileops.Options{ToLibrary: dst})
	close(stop)
	if addErr := <-added; addErr != nil {
		t.Skipf("no file was added during the move: %v", addErr)
	}

	if err == nil {
		t.Error("move returned no error, want one for the file that stayed")
	}
	if MustRead(t, from, "shoot/a.xmp") != "sidecar" {
		t.Error("the sidecar written during the move is gone")
	}
	if MustRead(t, to, "shoot/a.jpg") != "a" {
		t.Error("a.jpg was not moved")
	}
	AssertMissing(t, from, "shoot/a.jpg")
	AssertMissing(t, from, "shoot/big.raw")
}

// copying reports whether a temporary folder of a copy in dir holds an entry called name.
func copying(dir, name string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".imagor-studio-") {
			if _, err := os.Lstat(filepath.Join(dir, e.Name(), name)); err == nil {
				return true
			}
		}
	}
	return false
}

// A move out of a read-only library copies the file, then cannot remove the original: the
// error says why, and the original stays.
func TestService_MoveFromReadOnly(t *testing.T) {
	ro := os.Getenv("IMAGOR_STUDIO_TEST_READONLY_FS")
	if ro == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_READONLY_FS to a read-only mount holding kept.txt (.ci/run mounts one) to test a move out of it")
	}
	svc, set, src := MustLibrary(t, ro)
	to := t.TempDir()
	dst := MustAdd(t, set, to)
	_, err := svc.Move(context.Background(), src, []string{"kept.txt"}, "", fileops.Options{ToLibrary: dst})
	if code := Codes(t, err)["kept.txt"]; code != fileops.CodePermission {
		t.Errorf("code %q, want PERMISSION (%v)", code, err)
	}
	if msg := err.Error(); !strings.Contains(msg, "read-only file system") || strings.Contains(msg, "removeat") {
		t.Errorf("error %q, want the read-only file system named without the system call", msg)
	}
	if MustRead(t, ro, "kept.txt") != "kept\n" {
		t.Error("kept.txt changed")
	}
	if MustRead(t, to, "kept.txt") != "kept\n" {
		t.Error("the copy is missing")
	}
}
