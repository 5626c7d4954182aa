//go:build unix

package fileops_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// sameDevice reports whether a and b are on one file system.
func sameDevice(t *testing.T, a, b string) bool {
	t.Helper()
	var sa, sb syscall.Stat_t
	if err := syscall.Stat(a, &sa); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Stat(b, &sb); err != nil {
		t.Fatal(err)
	}
	return sa.Dev == sb.Dev
}

// A library whose folder holds the mount point of another file system: a move onto the mount
// is a rename that fails with EXDEV and becomes a checked copy.
func TestService_MoveOntoMountInLibrary(t *testing.T) {
	other := os.Getenv("IMAGOR_STUDIO_TEST_OTHER_FS")
	if other == "" {
		t.Skip("set IMAGOR_STUDIO_TEST_OTHER_FS to a mount point (.ci/run mounts a tmpfs) to test moves onto a mount inside a library")
	}
	ctx := context.Background()
	lib := filepath.Dir(filepath.Clean(other))
	near, err := os.MkdirTemp(lib, "near-")
	if err != nil {
		t.Skipf("the folder above %s takes no new folder (%v): mount IMAGOR_STUDIO_TEST_OTHER_FS below a writable folder", other, err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(near) })
	far, err := os.MkdirTemp(other, "far-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(far) })
	if sameDevice(t, near, far) {
		t.Skipf("%s and %s are on one file system: make IMAGOR_STUDIO_TEST_OTHER_FS a mount point", near, far)
	}
	MustWrite(t, near, "a.jpg", "a")
	MustWrite(t, near, "sub/x.jpg", "x")
	svc, _, id := MustLibrary(t, lib)
	nearRel, farRel := filepath.Base(near), filepath.Base(other)+"/"+filepath.Base(far)
	got, err := svc.Move(ctx, id, []string{nearRel + "/a.jpg", nearRel + "/sub"}, farRel, fileops.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{farRel + "/a.jpg", farRel + "/sub"}) {
		t.Errorf("paths %q", got)
	}
	if MustRead(t, far, "a.jpg") != "a" || MustRead(t, far, "sub/x.jpg") != "x" {
		t.Error("content did not arrive on the mount")
	}
	if names := Names(t, near); len(names) != 0 {
		t.Errorf("the source folder holds %q after the move", names)
	}
}
