package editor_test

import (
	"os"
	"runtime"
	"syscall"
	"testing"
)

// withoutRoot runs fn with the file permissions of an ordinary user: root passes every
// permission check, so on a thread with a non-zero file-system uid the kernel drops that power.
func withoutRoot(t *testing.T, fn func()) {
	t.Helper()
	if os.Geteuid() != 0 {
		fn()
		return
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := syscall.Setfsuid(65534); err != nil {
		t.Fatalf("setfsuid: %v", err)
	}
	defer syscall.Setfsuid(0)
	fn()
}
