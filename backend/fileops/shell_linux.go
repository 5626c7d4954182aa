//go:build linux

package fileops

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/godbus/dbus/v5"
)

// reveal asks the file manager to show abs through org.freedesktop.FileManager1.ShowItems on
// the session bus, and falls back to xdg-open of its folder when no file manager answers.
func reveal(ctx context.Context, abs string) error {
	// Without a bus address, godbus would autolaunch a stray bus of its own.
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		err := showItems(ctx, abs)
		if err == nil {
			return nil
		}
	}
	return launch(ctx, "xdg-open", filepath.Dir(abs))
}

func showItems(ctx context.Context, abs string) error {
	conn, err := dbus.ConnectSessionBus(dbus.WithContext(ctx))
	if err != nil {
		return err
	}
	defer conn.Close()
	uri := (&url.URL{Scheme: "file", Path: abs}).String()
	manager := conn.Object("org.freedesktop.FileManager1", "/org/freedesktop/FileManager1")
	return manager.CallWithContext(ctx, "org.freedesktop.FileManager1.ShowItems", 0, []string{uri}, "").Err
}

// openDefault opens abs with xdg-open, which picks the app the desktop associates with it.
func openDefault(ctx context.Context, abs string) error {
	return launch(ctx, "xdg-open", abs)
}

// launch starts name with arg and reaps it in the background: xdg-open can stay until the app it
// started exits.
func launch(_ context.Context, name, arg string) error {
	cmd := exec.Command(name, arg)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: %w: install xdg-utils", name, err)
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
