package secrets_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/imagor-studio/desktop/backend/secrets"
)

// memoryKeychain is an in-memory keychain; failing makes every call return that error.
type memoryKeychain struct {
	items   map[string]string
	failing error
}

func (k *memoryKeychain) Get(service, user string) (string, error) {
	if k.failing != nil {
		return "", k.failing
	}
	v, ok := k.items[service+"/"+user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (k *memoryKeychain) Set(service, user, password string) error {
	if k.failing != nil {
		return k.failing
	}
	k.items[service+"/"+user] = password
	return nil
}

func MustBox(tb testing.TB, opts secrets.Options) *secrets.Box {
	tb.Helper()
	box, err := secrets.OpenBox(context.Background(), opts)
	if err != nil {
		tb.Fatal(err)
	}
	return box
}

func TestBox_SealOpen(t *testing.T) {
	box := MustBox(t, secrets.Options{Mode: secrets.ModeFile, DataDir: t.TempDir()})
	sealed, err := box.Seal([]byte("s3cret-value"), "profiles", "secret", "p1")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("OK", func(t *testing.T) {
		plain, err := box.Open(sealed, "profiles", "secret", "p1")
		if err != nil {
			t.Fatal(err)
		}
		if string(plain) != "s3cret-value" {
			t.Errorf("Open=%q", plain)
		}
		if bytes.Contains(sealed, []byte("s3cret")) {
			t.Error("sealed value contains the plain text")
		}
	})

	t.Run("ErrOtherCell", func(t *testing.T) {
		for _, cell := range [][3]string{{"profiles", "secret", "p2"}, {"libraries", "secret", "p1"}, {"profiles", "token", "p1"}} {
			if _, err := box.Open(sealed, cell[0], cell[1], cell[2]); !errors.Is(err, secrets.ErrUndecryptable) {
				t.Errorf("Open in %v: err=%v, want ErrUndecryptable", cell, err)
			}
		}
	})

	t.Run("ErrTampered", func(t *testing.T) {
		for i := range sealed {
			altered := bytes.Clone(sealed)
			altered[i] ^= 0x01
			if _, err := box.Open(altered, "profiles", "secret", "p1"); !errors.Is(err, secrets.ErrUndecryptable) {
				t.Fatalf("byte %d flipped: err=%v, want ErrUndecryptable", i, err)
			}
		}
		if _, err := box.Open(sealed[:10], "profiles", "secret", "p1"); !errors.Is(err, secrets.ErrUndecryptable) {
			t.Errorf("truncated: err=%v", err)
		}
	})

	t.Run("ErrOtherKey", func(t *testing.T) {
		other := MustBox(t, secrets.Options{Mode: secrets.ModeFile, DataDir: t.TempDir()})
		if _, err := other.Open(sealed, "profiles", "secret", "p1"); !errors.Is(err, secrets.ErrUndecryptable) {
			t.Errorf("err=%v, want ErrUndecryptable", err)
		}
	})

	t.Run("FreshNonce", func(t *testing.T) {
		again, _ := box.Seal([]byte("s3cret-value"), "profiles", "secret", "p1")
		if bytes.Equal(again, sealed) {
			t.Error("two seals of one value are equal")
		}
	})
}

func TestOpenBox_File(t *testing.T) {
	dir := t.TempDir()
	first := MustBox(t, secrets.Options{Mode: secrets.ModeFile, DataDir: dir})
	sealed, _ := first.Seal([]byte("v"), "t", "c", "r")
	info, err := os.Stat(filepath.Join(dir, "secret.key"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("key file mode=%o, want 600", perm)
	}
	second := MustBox(t, secrets.Options{Mode: secrets.ModeFile, DataDir: dir})
	if plain, err := second.Open(sealed, "t", "c", "r"); err != nil || string(plain) != "v" {
		t.Errorf("after reopening: %q, %v", plain, err)
	}
	if err := os.WriteFile(filepath.Join(dir, "secret.key"), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := secrets.OpenBox(context.Background(), secrets.Options{Mode: secrets.ModeFile, DataDir: dir}); err == nil ||
		!strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged key file: err=%v", err)
	}
}

func TestOpenBox_Keychain(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		kc := &memoryKeychain{items: map[string]string{}}
		dir := t.TempDir()
		box := MustBox(t, secrets.Options{Mode: secrets.ModeAuto, DataDir: dir, Keychain: kc})
		if box.Source != "keychain" || box.Warning != "" {
			t.Errorf("source=%s warning=%q", box.Source, box.Warning)
		}
		if _, err := os.Stat(filepath.Join(dir, "secret.key")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a key file exists although the keychain works: %v", err)
		}
		sealed, _ := box.Seal([]byte("v"), "t", "c", "r")
		again := MustBox(t, secrets.Options{Mode: secrets.ModeKeychain, DataDir: dir, Keychain: kc})
		if plain, err := again.Open(sealed, "t", "c", "r"); err != nil || string(plain) != "v" {
			t.Errorf("after reopening: %q, %v", plain, err)
		}
	})

	t.Run("FallbackToFile", func(t *testing.T) {
		kc := &memoryKeychain{failing: errors.New("The name org.freedesktop.secrets was not provided")}
		dir := t.TempDir()
		box := MustBox(t, secrets.Options{Mode: secrets.ModeAuto, DataDir: dir, Keychain: kc})
		if box.Source != "file" || !strings.Contains(box.Warning, "keychain did not answer") {
			t.Errorf("source=%s warning=%q", box.Source, box.Warning)
		}
		sealed, _ := box.Seal([]byte("v"), "t", "c", "r")

		// When the keychain comes back, the file's key moves into it and old secrets still open.
		kc.failing, kc.items = nil, map[string]string{}
		moved := MustBox(t, secrets.Options{Mode: secrets.ModeAuto, DataDir: dir, Keychain: kc})
		if moved.Source != "keychain" {
			t.Errorf("source=%s after the keychain came back", moved.Source)
		}
		if plain, err := moved.Open(sealed, "t", "c", "r"); err != nil || string(plain) != "v" {
			t.Errorf("secret sealed with the file key: %q, %v", plain, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "secret.key")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("key file still there after moving into the keychain: %v", err)
		}
	})

	t.Run("ErrKeychainRequired", func(t *testing.T) {
		kc := &memoryKeychain{failing: errors.New("failed to unlock correct collection")}
		_, err := secrets.OpenBox(context.Background(), secrets.Options{Mode: secrets.ModeKeychain, DataDir: t.TempDir(), Keychain: kc})
		if err == nil || !strings.Contains(err.Error(), "unlock") {
			t.Errorf("err=%v, want the keychain's error", err)
		}
	})

	t.Run("ErrNoBus", func(t *testing.T) {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
		_, err := secrets.OpenBox(context.Background(), secrets.Options{Mode: secrets.ModeKeychain, DataDir: t.TempDir()})
		if !errors.Is(err, secrets.ErrNoKeychain) {
			t.Errorf("err=%v, want ErrNoKeychain", err)
		}
		box := MustBox(t, secrets.Options{Mode: secrets.ModeAuto, DataDir: t.TempDir()})
		if box.Source != "file" {
			t.Errorf("source=%s with no bus, want file", box.Source)
		}
	})

	t.Run("ErrDeadBus", func(t *testing.T) {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
		_, err := secrets.OpenBox(context.Background(), secrets.Options{Mode: secrets.ModeKeychain, DataDir: t.TempDir()})
		if !errors.Is(err, secrets.ErrNoKeychain) {
			t.Errorf("err=%v, want ErrNoKeychain", err)
		}
	})
}
