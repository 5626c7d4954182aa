//go:build linux

package fileops_test

import (
	"bufio"
	"context"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/godbus/dbus/v5"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// fileManager is a fake org.freedesktop.FileManager1 that records the items it was asked to show.
type fileManager struct {
	mu    sync.Mutex
	shown []string
}

// ShowItems implements the FileManager1 method of the same name.
func (m *fileManager) ShowItems(uris []string, _ string) *dbus.Error {
	m.mu.Lock()
	m.shown = append(m.shown, uris...)
	m.mu.Unlock()
	return nil
}

// MustSessionBus starts a private dbus-daemon for the test and points DBUS_SESSION_BUS_ADDRESS at
// it; the daemon is stopped at cleanup.
func MustSessionBus(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		t.Skip("dbus-daemon is not installed (Debian package dbus): it runs the fake file manager")
	}
	cmd := exec.Command("dbus-daemon", "--session", "--nofork", "--print-address=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	address, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("read the bus address: %v", err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", strings.TrimSpace(address))
}

func TestService_Reveal(t *testing.T) {
	MustSessionBus(t)
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	manager := &fileManager{}
	if err := conn.Export(manager, "/org/freedesktop/FileManager1", "org.freedesktop.FileManager1"); err != nil {
		t.Fatal(err)
	}
	if reply, err := conn.RequestName("org.freedesktop.FileManager1", dbus.NameFlagDoNotQueue); err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("own the file manager's name: reply %v, %v", reply, err)
	}

	dir := t.TempDir()
	MustWrite(t, dir, "sub/a b#1.jpg", "x")
	svc, _, id := MustLibrary(t, dir)
	if err := svc.Reveal(context.Background(), id, "sub/a b#1.jpg"); err != nil {
		t.Fatal(err)
	}
	want := (&url.URL{Scheme: "file", Path: filepath.Join(dir, "sub", "a b#1.jpg")}).String()
	manager.mu.Lock()
	defer manager.mu.Unlock()
	if len(manager.shown) != 1 || manager.shown[0] != want {
		t.Errorf("shown %q, want [%q]", manager.shown, want)
	}
	if !strings.Contains(want, "%23") || !strings.Contains(want, "%20") {
		t.Errorf("URI %q is not percent-encoded", want)
	}
}

func TestService_RevealOutside(t *testing.T) {
	svc, _, id := MustLibrary(t, t.TempDir())
	err := svc.Reveal(context.Background(), id, "../etc/passwd")
	if code := Codes(t, err)["../etc/passwd"]; code != fileops.CodeOutside {
		t.Errorf("code %q, want OUTSIDE_LIBRARY", code)
	}
	_, err = svc.LocalPath(context.Background(), id, "missing.jpg")
	if code := Codes(t, err)["missing.jpg"]; code != fileops.CodeNotFound {
		t.Errorf("code %q, want NOT_FOUND", code)
	}
}
