package engine

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// EnvExecutable names the environment variable that overrides where the engine is looked for.
const EnvExecutable = "IMAGOR_STUDIO_ENGINE"

// Locate finds the engine executable: $IMAGOR_STUDIO_ENGINE, else beside the running
// executable (where the build puts it), else on PATH.
func Locate() (string, error) {
	name := ExecutableName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if p := os.Getenv(EnvExecutable); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s=%s: %w", EnvExecutable, p, err)
		}
		return p, nil
	}
	if self, err := os.Executable(); err == nil {
		candidate := filepath.Join(filepath.Dir(self), name)
		if _, err := os.Stat(candidate); err == nil {
			return candidate, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	return "", errors.New(name + " not found beside the app or on PATH: reinstall the app, or set " +
		EnvExecutable + " to its path")
}
