package settings_test

import (
	"context"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/settings"
)

func TestService_APIPreferences(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	f := open(t, dir)
	prefs, err := f.svc.APIPreferences(ctx)
	if err != nil || prefs.Enabled || prefs.Port != settings.DefaultAPIPort {
		t.Fatalf("defaults = %+v, %v; want off on %d", prefs, err, settings.DefaultAPIPort)
	}
	if err := f.svc.SetAPIPreferences(ctx, settings.APIPreferences{Enabled: true, Port: 8123}); err != nil {
		t.Fatal(err)
	}
	f.db.Close()
	again := open(t, dir)
	if prefs, err = again.svc.APIPreferences(ctx); err != nil || !prefs.Enabled || prefs.Port != 8123 {
		t.Fatalf("after reopening = %+v, %v; want on at 8123", prefs, err)
	}
	for _, port := range []int{0, 80, 1023, 65536} {
		err := again.svc.SetAPIPreferences(ctx, settings.APIPreferences{Port: port})
		if err == nil || !strings.Contains(err.Error(), "port") {
			t.Errorf("port %d: err = %v, want an invalid port error", port, err)
		}
	}
	// A stored value that does not decode reads as the default.
	if err := again.svc.SetPreference(ctx, "api.port", `"nope"`); err != nil {
		t.Fatal(err)
	}
	if prefs, _ = again.svc.APIPreferences(ctx); prefs.Port != settings.DefaultAPIPort {
		t.Fatalf("port after a bad stored value = %d, want %d", prefs.Port, settings.DefaultAPIPort)
	}
}

func TestService_APIToken(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	f := open(t, dir)
	token, err := f.svc.APIToken(ctx)
	if err != nil || len(token) != 64 {
		t.Fatalf("token = %q, %v; want 64 hex digits", token, err)
	}
	if same, _ := f.svc.APIToken(ctx); same != token {
		t.Fatal("a second APIToken returned another token")
	}
	rotated, err := f.svc.RotateAPIToken(ctx)
	if err != nil || rotated == token || len(rotated) != 64 {
		t.Fatalf("rotated = %q, %v", rotated, err)
	}
	f.db.Close()
	again := open(t, dir)
	if stored, _ := again.svc.APIToken(ctx); stored != rotated {
		t.Fatal("the rotated token did not survive a restart")
	}
	signing, err := again.svc.AppSecret(ctx, settings.SecretURLSigning)
	if err != nil || signing == rotated {
		t.Fatalf("URL signing secret = %q, %v; want its own secret", signing, err)
	}
}
