package engine_test

import (
	"context"
	"errors"
	"runtime"
	"testing"

	"github.com/imagor-studio/desktop/backend/engine"
)

func TestEngine_About(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		about, err := MustEngine(t).About(context.Background())
		if err != nil {
			t.Fatalf("About: %v", err)
		}
		if about.Imagor != "1.9.4" {
			t.Errorf("Imagor=%q, want 1.9.4", about.Imagor)
		}
		if about.Vips != "8.18.7" {
			t.Errorf("Vips=%q, want 8.18.7", about.Vips)
		}
		if about.Go != runtime.Version() {
			t.Errorf("Go=%q, want %q", about.Go, runtime.Version())
		}
		if want := runtime.GOOS + "/" + runtime.GOARCH; about.Platform != want {
			t.Errorf("Platform=%q, want %q", about.Platform, want)
		}
		if about.App == "" {
			t.Error("App is empty, want the module version or devel")
		}
	})

	t.Run("ErrUnavailable", func(t *testing.T) {
		e, err := engine.New(engine.Config{Executable: MustExecutable(t)})
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Close(); err != nil {
			t.Fatal(err)
		}
		about, err := e.About(context.Background())
		if !errors.Is(err, engine.ErrUnavailable) {
			t.Errorf("About after Close error=%v, want %v", err, engine.ErrUnavailable)
		}
		if about.Go != runtime.Version() {
			t.Errorf("Go after Close=%q, want %q", about.Go, runtime.Version())
		}
		if about.Imagor != "" {
			t.Errorf("Imagor after Close=%q, want \"\"", about.Imagor)
		}
	})
}
