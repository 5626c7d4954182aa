package engine

import (
	"context"
	"runtime"
	"runtime/debug"
)

// About contains the versions the settings page and the API show: the app's module version from
// its build information ("devel" when there is none), imagor and libvips in the engine, Go, and
// the platform as GOOS/GOARCH.
type About struct {
	App, Imagor, Vips, Go, Platform string
}

// About returns the versions of the app and of the running engine, starting it if needed. When
// the engine does not respond, the error is returned with the app's own fields still set.
func (e *Engine) About(ctx context.Context) (About, error) {
	about := About{App: "devel", Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		about.App = info.Main.Version
	}
	health, err := e.Health(ctx)
	if err != nil {
		return about, err
	}
	about.Imagor, _ = health["imagor"].(string)
	about.Vips, _ = health["vips"].(string)
	return about, nil
}
