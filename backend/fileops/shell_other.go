//go:build !linux

package fileops

import (
	"context"
	"fmt"
	"os/exec"
	"runtime"
)

// reveal shows abs selected in Finder (open -R) or Explorer (explorer /select,).
//
// NOTE: compiled for macOS and Windows but never run there.
func reveal(_ context.Context, abs string) error {
	switch runtime.GOOS {
	case "darwin":
		return start("open", "-R", abs)
	case "windows":
		return start("explorer", "/select,"+abs)
	}
	return fmt.Errorf("show in the file manager: %w", errUnsupportedOS)
}

// openDefault opens abs with the app the OS associates with it.
func openDefault(_ context.Context, abs string) error {
	switch runtime.GOOS {
	case "darwin":
		return start("open", abs)
	case "windows":
		return start("rundll32", "url.dll,FileProtocolHandler", abs)
	}
	return fmt.Errorf("open with the default app: %w", errUnsupportedOS)
}

var errUnsupportedOS = fmt.Errorf("%w: %s", ErrUnsupported, runtime.GOOS)

func start(name string, args ...string) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
