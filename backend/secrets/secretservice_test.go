//go:build secretservice

package secrets_test

import (
	"context"
	"os"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/imagor-studio/desktop/backend/secrets"
)

// TestOpenBox_SecretService stores the data key in a real Secret Service. The Taskfile runs it
// with -tags secretservice inside dbus-run-session with a throwaway, unlocked gnome-keyring.
func TestOpenBox_SecretService(t *testing.T) {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no D-Bus session bus: run inside dbus-run-session with gnome-keyring-daemon --unlock")
	}
	t.Cleanup(func() { _ = keyring.Delete("imagor-studio", "data-key") })
	dir := t.TempDir()
	box, err := secrets.OpenBox(context.Background(), secrets.Options{Mode: secrets.ModeKeychain, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := box.Seal([]byte("profile secret"), "profiles", "secret", "p1")
	if err != nil {
		t.Fatal(err)
	}
	stored, err := keyring.Get("imagor-studio", "data-key")
	if err != nil || len(stored) != 64 {
		t.Fatalf("keychain entry: %d hex digits, err %v; want 64", len(stored), err)
	}
	again, err := secrets.OpenBox(context.Background(), secrets.Options{Mode: secrets.ModeKeychain, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if plain, err := again.Open(sealed, "profiles", "secret", "p1"); err != nil || string(plain) != "profile secret" {
		t.Errorf("after reopening: %q, %v", plain, err)
	}
	if _, err := os.Stat(dir + "/secret.key"); err == nil {
		t.Error("a key file was written although the keychain works")
	}
}
