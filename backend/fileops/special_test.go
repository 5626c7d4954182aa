//go:build unix

package fileops_test

import (
	"context"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// Import rejects what is not a file or folder with a message that names its kind.
func TestService_ImportSpecial(t *testing.T) {
	ctx := context.Background()
	src := t.TempDir()
	pipe := filepath.Join(src, "pipe")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	svc, _, id := MustLibrary(t, t.TempDir())
	cases := map[string]string{
		pipe:        "it is a named pipe",
		"/dev/null": "it is a device",
		"/":         "is the top of a disk",
	}
	for source, want := range cases {
		_, err := svc.Import(ctx, id, "", []string{source}, fileops.Options{})
		if code := Codes(t, err)[source]; code != fileops.CodeInvalid {
			t.Errorf("import %s: code %q, want INVALID_ARGUMENT (%v)", source, code, err)
		}
		if err != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("import %s: error %q, want it to say %q", source, err, want)
		}
	}
}
