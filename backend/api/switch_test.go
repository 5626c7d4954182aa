package api_test

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/imagor-studio/desktop/backend/api"
	"github.com/imagor-studio/desktop/backend/settings"
)

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func TestSwitch(t *testing.T) {
	h := newHarness(t, api.Config{})
	ctx := context.Background()
	token, err := h.Settings.APIToken(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(token) != 64 {
		t.Fatalf("stored token has %d hex digits, want 64 (256 bits)", len(token))
	}
	srv, err := api.New(ctx, h.Services, api.Config{Token: token})
	if err != nil {
		t.Fatal(err)
	}
	sw := api.NewSwitch(srv, h.Settings, "", false)
	t.Cleanup(func() { sw.Close(context.Background()) })

	if err := sw.Open(ctx); err != nil {
		t.Fatal(err)
	}
	status, err := sw.Status(ctx)
	if err != nil || status.Enabled || status.Running || status.Port != settings.DefaultAPIPort {
		t.Fatalf("status at first start = %+v (%v), want off on %d", status, err, settings.DefaultAPIPort)
	}

	port := freePort(t)
	if status, err = sw.SetPort(ctx, port); err != nil || status.Port != port {
		t.Fatalf("SetPort(%d) = %+v, %v", port, status, err)
	}
	if status, err = sw.SetEnabled(ctx, true); err != nil || !status.Running {
		t.Fatalf("SetEnabled(true) = %+v, %v", status, err)
	}
	if want := "http://127.0.0.1:" + strconv.Itoa(port) + "/graphql"; status.URL != want {
		t.Fatalf("URL = %s, want %s", status.URL, want)
	}
	call := func(token string) int {
		req, _ := http.NewRequest(http.MethodPost, status.URL, strings.NewReader(`{"query":"{ undoLabel }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := call(token); got != http.StatusOK {
		t.Fatalf("request with the stored token: %d, want 200", got)
	}

	rotated, err := sw.RotateToken(ctx)
	if err != nil || rotated.Token == token || len(rotated.Token) != 64 {
		t.Fatalf("RotateToken = %+v, %v", rotated, err)
	}
	if got := call(token); got != http.StatusUnauthorized {
		t.Fatalf("request with the old token: %d, want 401", got)
	}
	if got := call(rotated.Token); got != http.StatusOK {
		t.Fatalf("request with the new token: %d, want 200", got)
	}
	if again, _ := h.Settings.APIToken(ctx); again != rotated.Token {
		t.Fatal("the rotated token is not the stored one")
	}

	if status, err = sw.SetEnabled(ctx, false); err != nil || status.Running || status.URL != "" {
		t.Fatalf("SetEnabled(false) = %+v, %v", status, err)
	}
	if _, err := http.Get("http://127.0.0.1:" + strconv.Itoa(port) + "/graphql"); err == nil {
		t.Fatal("the server still answers after SetEnabled(false)")
	}
	prefs, err := h.Settings.APIPreferences(ctx)
	if err != nil || prefs.Enabled || prefs.Port != port {
		t.Fatalf("stored preferences = %+v, %v", prefs, err)
	}

	t.Run("ErrPortInUse", func(t *testing.T) {
		busy, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer busy.Close()
		busyPort := busy.Addr().(*net.TCPAddr).Port
		if _, err := sw.SetPort(ctx, busyPort); err != nil {
			t.Fatal(err)
		}
		status, err := sw.SetEnabled(ctx, true)
		if err != nil {
			t.Fatalf("SetEnabled with a busy port returned %v, want a status", err)
		}
		if status.Running || !strings.Contains(status.Error, strconv.Itoa(busyPort)) {
			t.Fatalf("status = %+v, want not running with an error naming port %d", status, busyPort)
		}
	})
	t.Run("ErrInvalidPort", func(t *testing.T) {
		if _, err := sw.SetPort(ctx, 80); err == nil || !strings.Contains(err.Error(), "80") {
			t.Fatalf("SetPort(80) = %v, want an error naming 80", err)
		}
	})
}

// Rotations that run at once must leave the server with the token the settings store, which
// the settings page shows and serve --print-token prints.
func TestSwitch_ConcurrentRotations(t *testing.T) {
	h := newHarness(t, api.Config{})
	ctx := context.Background()
	srv, err := api.New(ctx, h.Services, api.Config{Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	sw := api.NewSwitch(srv, h.Settings, "", false)
	t.Cleanup(func() { sw.Close(context.Background()) })
	if _, err := sw.SetPort(ctx, freePort(t)); err != nil {
		t.Fatal(err)
	}
	status, err := sw.SetEnabled(ctx, true)
	if err != nil || !status.Running {
		t.Fatalf("SetEnabled(true) = %+v, %v", status, err)
	}

	for round := range 20 {
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				if _, err := sw.RotateToken(ctx); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		stored, err := h.Settings.APIToken(ctx)
		if err != nil {
			t.Fatal(err)
		}
		req, _ := http.NewRequest(http.MethodPost, status.URL, strings.NewReader(`{"query":"{ undoLabel }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+stored)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("round %d: request with the stored token after 8 rotations at once: %d, want 200", round, resp.StatusCode)
		}
	}
}

// setPreference must not write the switch's own preferences past the checks of SetPort and
// SetEnabled: a stored port of 80 would read as the default and lose the user's port.
func TestSetPreference_APISwitch(t *testing.T) {
	h := newHarness(t, api.Config{})
	ctx := context.Background()
	if err := h.Settings.SetAPIPreferences(ctx, settings.APIPreferences{Port: 8123}); err != nil {
		t.Fatal(err)
	}
	for name, value := range map[string]string{"api.port": "80", "api.enabled": "true"} {
		r := h.post(`mutation($n: String!, $v: JSON!) { setPreference(name: $n, value: $v) }`, map[string]any{"n": name, "v": value})
		if r.code() != api.CodeInvalidArgument || !strings.Contains(r.Errors[0].Message, name) {
			t.Errorf("setPreference(%s): errors %+v, want INVALID_ARGUMENT naming it", name, r.Errors)
		}
	}
	prefs, err := h.Settings.APIPreferences(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if prefs.Port != 8123 || prefs.Enabled {
		t.Fatalf("API preferences after setPreference = %+v, want off on 8123", prefs)
	}
}
