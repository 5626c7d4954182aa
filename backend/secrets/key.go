package secrets

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// Keyring modes, as the -keyring flag takes them.
const (
	ModeAuto     = "auto"     // the keychain when one responds, else the key file
	ModeKeychain = "keychain" // the keychain or an error
	ModeFile     = "file"     // the key file only
)

// Where the key is kept in the keychain, and the key file's name in the data folder.
const (
	keyringService = "imagor-studio"
	keyringUser    = "data-key"
	keyFileName    = "secret.key"
)

// keychainTimeout bounds one keychain call: a locked keyring may show a prompt and wait.
const keychainTimeout = 10 * time.Second

// Keychain is the part of go-keyring the box uses; tests substitute their own.
type Keychain interface {
	Get(service, user string) (string, error)
	Set(service, user, password string) error
}

type osKeychain struct{}

func (osKeychain) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (osKeychain) Set(service, user, password string) error {
	return keyring.Set(service, user, password)
}

// Options configure OpenBox.
type Options struct {
	Mode     string   // ModeAuto, ModeKeychain or ModeFile
	DataDir  string   // folder of the key file
	Keychain Keychain // nil means the OS keychain
	Logger   *slog.Logger
}

// OpenBox loads the data key, creating it on first use, and returns a Box over it.
func OpenBox(ctx context.Context, opts Options) (*Box, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	keyFile := filepath.Join(opts.DataDir, keyFileName)
	switch opts.Mode {
	case ModeFile:
		key, err := fileKey(keyFile)
		if err != nil {
			return nil, err
		}
		return newBox(key, "file", "")
	case ModeAuto, ModeKeychain, "":
	default:
		return nil, fmt.Errorf("invalid keyring mode %q: use auto, keychain or file", opts.Mode)
	}

	key, err := keychainKey(ctx, opts, keyFile)
	if err == nil {
		return newBox(key, "keychain", "")
	}
	if opts.Mode == ModeKeychain {
		return nil, fmt.Errorf("-keyring=keychain: %w", err)
	}
	warning := fmt.Sprintf("The key that protects saved secrets is in %s, readable by anyone who "+
		"can read your files, because the OS keychain did not answer: %v.", keyFile, err)
	opts.Logger.Warn("secrets key kept in a file", "file", keyFile, "error", err)
	key, err = fileKey(keyFile)
	if err != nil {
		return nil, err
	}
	return newBox(key, "file", warning)
}

// keychainKey reads the key from the keychain, creating it there when it is missing. A key file
// left by an earlier run without a keychain moves into the keychain, so its secrets still open.
func keychainKey(ctx context.Context, opts Options, keyFile string) ([]byte, error) {
	if opts.Keychain == nil {
		if err := checkSessionBus(); err != nil {
			return nil, err
		}
		opts.Keychain = osKeychain{}
	}
	stored, err := callKeychain(ctx, func() (string, error) {
		return opts.Keychain.Get(keyringService, keyringUser)
	})
	if err == nil {
		return decodeKey(stored, "the keychain entry "+keyringService)
	}
	if !errors.Is(err, keyring.ErrNotFound) {
		return nil, err
	}

	var key []byte
	if data, err := os.ReadFile(keyFile); err == nil {
		if key, err = decodeKey(string(data), keyFile); err != nil {
			return nil, err
		}
	} else {
		key = make([]byte, keySize)
		if _, err := rand.Read(key); err != nil {
			return nil, fmt.Errorf("generate data key: %w", err)
		}
	}
	if _, err := callKeychain(ctx, func() (string, error) {
		return "", opts.Keychain.Set(keyringService, keyringUser, hex.EncodeToString(key))
	}); err != nil {
		return nil, err
	}
	if err := os.Remove(keyFile); err == nil {
		opts.Logger.Info("secrets key moved from a file into the keychain", "file", keyFile)
	}
	return key, nil
}

// callKeychain runs fn off the caller's goroutine and gives up after keychainTimeout; the call
// itself cannot be cancelled, so a hung one finishes in the background.
func callKeychain(ctx context.Context, fn func() (string, error)) (string, error) {
	type result struct {
		value string
		err   error
	}
	done := make(chan result, 1)
	go func() {
		v, err := fn()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.value, r.err
	case <-time.After(keychainTimeout):
		return "", fmt.Errorf("keychain timed out after %s: unlock it, or start with -keyring file", keychainTimeout)
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// checkSessionBus reports a Linux session without a D-Bus session bus, where go-keyring would
// try to start one with dbus-launch and leave stray daemons behind.
func checkSessionBus() error {
	if runtime.GOOS != "linux" && runtime.GOOS != "freebsd" {
		return nil
	}
	addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS")
	if addr == "" {
		return fmt.Errorf("%w: no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset)", ErrNoKeychain)
	}
	if path, ok := strings.CutPrefix(addr, "unix:path="); ok {
		path, _, _ = strings.Cut(path, ",")
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("%w: D-Bus session bus %s: %v", ErrNoKeychain, path, err)
		}
	}
	return nil
}

// fileKey reads the key file, creating it with a new random key (mode 0600) when missing.
func fileKey(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err == nil {
		return decodeKey(string(data), path)
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	key := make([]byte, keySize)
	if _, err := rand.Read(key); err != nil {
		return nil, fmt.Errorf("generate data key: %w", err)
	}
	if err := writeKeyFile(path, hex.EncodeToString(key)); err != nil {
		return nil, err
	}
	// Read it back: when another process created the file first, its key is the one in use.
	data, err = os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read key file: %w", err)
	}
	return decodeKey(string(data), path)
}

func decodeKey(text, where string) ([]byte, error) {
	key, err := hex.DecodeString(strings.TrimSpace(text))
	if err != nil || len(key) != keySize {
		return nil, fmt.Errorf("data key in %s is damaged: remove it and enter your secrets again", where)
	}
	return key, nil
}

// writeKeyFile writes the key to a temp file with mode 0600, syncs it and renames it into place,
// failing if another process created the file first.
func writeKeyFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create key folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".secret-*")
	if err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write key file: %w", err)
	}
	if _, err := tmp.WriteString(text + "\n"); err != nil {
		tmp.Close()
		return fmt.Errorf("write key file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write key file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write key file: %w", err)
	}
	// A hard link fails when the target exists, so two first starts cannot both win.
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil
		}
		return fmt.Errorf("write key file: %w", err)
	}
	return nil
}
