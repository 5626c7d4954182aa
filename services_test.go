package main

import (
	"bytes"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/video"
)

func TestOpenServices(t *testing.T) {
	dataDir, folder := t.TempDir(), t.TempDir()
	cfg := config{
		dataDir: dataDir, keyring: secrets.ModeFile, cacheSize: 16 << 20,
		ffmpeg: video.Disabled, paths: []string{folder},
	}
	svc, err := openServices(cfg, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatalf("openServices: %v", err)
	}
	defer svc.close()

	if _, err := os.Stat(filepath.Join(dataDir, "config.db")); err != nil {
		t.Errorf("config.db: %v", err)
	}
	libs := svc.libraries.List()
	if len(libs) != 1 {
		t.Fatalf("libraries=%v, want the one folder given", libs)
	}
	if libs[0].Path != folder {
		t.Errorf("library path=%q, want %q", libs[0].Path, folder)
	}
	want := []string{dataDir, filepath.Join(dataDir, "cache")}
	if !slices.Equal(svc.dataFolders, want) {
		t.Errorf("dataFolders=%v, want %v", svc.dataFolders, want)
	}
	shared := svc.apiServices()
	if shared.Libraries != svc.libraries {
		t.Error("apiServices().Libraries is not the window's library set")
	}
	if shared.Files != svc.files {
		t.Error("apiServices().Files is not the window's file operations")
	}
}

// TestOpenServices_CacheUnavailable checks that the app starts without its thumbnail cache when
// the cache folder cannot be made, and logs a warning.
func TestOpenServices_CacheUnavailable(t *testing.T) {
	dataDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dataDir, "cache"), []byte("a file where the folder goes"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := config{dataDir: dataDir, keyring: secrets.ModeFile, cacheSize: 16 << 20, ffmpeg: video.Disabled}
	var logs bytes.Buffer
	svc, err := openServices(cfg, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatalf("openServices with an unusable cache folder: %v", err)
	}
	defer svc.close()

	if svc.cache != nil {
		t.Error("cache is open, want none")
	}
	if svc.images == nil {
		t.Error("image handler missing")
	}
	if !strings.Contains(logs.String(), "thumbnail cache off") {
		t.Errorf("log has no warning about the cache:\n%s", logs.String())
	}
}
