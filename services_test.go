package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"slices"
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
