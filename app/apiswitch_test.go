package app_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/app"
	"github.com/imagor-studio/desktop/backend/api"
	"github.com/imagor-studio/desktop/backend/secrets"
	"github.com/imagor-studio/desktop/backend/settings"
	"github.com/imagor-studio/desktop/backend/sqlite"
)

// apiBinding returns the bound *app.API of a.
func apiBinding(t *testing.T, a *app.App) *app.API {
	t.Helper()
	for _, b := range a.Bindings() {
		if x, ok := b.(*app.API); ok {
			return x
		}
	}
	t.Fatal("Bindings has no *app.API")
	return nil
}

// MustAPISwitch returns the switch of an API server on 127.0.0.1 and a free port, over new
// settings, stopped at the end of the test.
func MustAPISwitch(t *testing.T) *api.Switch {
	t.Helper()
	ctx := context.Background()
	dataDir := t.TempDir()
	db, err := sqlite.Open(ctx, filepath.Join(dataDir, "config.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	box, err := secrets.OpenBox(ctx, secrets.Options{Mode: secrets.ModeFile, DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	prefs := settings.New(db, box)
	server, err := api.New(ctx, &api.Services{Settings: prefs}, api.Config{Logger: discard})
	if err != nil {
		t.Fatal(err)
	}
	sw := api.NewSwitch(server, prefs, "127.0.0.1:0", false)
	t.Cleanup(func() {
		if err := sw.Close(context.Background()); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return sw
}

func TestAPI_NoSwitch(t *testing.T) {
	x := apiBinding(t, app.New(app.Services{Logger: discard}))
	if _, err := x.Status(); err == nil || !strings.Contains(err.Error(), "not part of this run") {
		t.Errorf("Status error=%v, want the API server not part of this run", err)
	}
	if _, err := x.SetEnabled(true); err == nil {
		t.Error("SetEnabled error=nil, want an error")
	}
}

func TestAPI_Switch(t *testing.T) {
	a := app.New(app.Services{Logger: discard})
	a.SetAPI(MustAPISwitch(t))
	x := apiBinding(t, a)

	status, err := x.SetEnabled(true)
	if err != nil {
		t.Fatalf("SetEnabled(true): %v", err)
	}
	if !status.Running {
		t.Errorf("Running=false after SetEnabled(true), error %q", status.Error)
	}
	if !strings.HasPrefix(status.URL, "http://127.0.0.1:") {
		t.Errorf("URL=%q, want http://127.0.0.1:PORT/graphql", status.URL)
	}
	if status.Token == "" {
		t.Error("Token is empty")
	}

	rotated, err := x.RotateToken()
	if err != nil {
		t.Fatalf("RotateToken: %v", err)
	}
	if rotated.Token == "" {
		t.Error("Token after RotateToken is empty")
	}
	if rotated.Token == status.Token {
		t.Errorf("Token after RotateToken=%q, want a new one", rotated.Token)
	}

	if _, err := x.SetPort(80); err == nil || !strings.Contains(err.Error(), "80") {
		t.Errorf("SetPort(80) error=%v, want one that names port 80", err)
	}

	stopped, err := x.SetEnabled(false)
	if err != nil {
		t.Fatalf("SetEnabled(false): %v", err)
	}
	if stopped.Running {
		t.Error("Running=true after SetEnabled(false)")
	}
	got, err := x.Status()
	if err != nil {
		t.Fatalf("Status: %v", err)
	}
	if got.Running {
		t.Error("Status().Running=true after SetEnabled(false)")
	}
	if got.Enabled {
		t.Error("Status().Enabled=true after SetEnabled(false)")
	}
}
