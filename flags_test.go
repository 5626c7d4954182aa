package main

import (
	"runtime"
	"slices"
	"strings"
	"testing"
)

func TestParseServeFlags(t *testing.T) {
	cfg, err := parseServeFlags([]string{"--data-dir", "/tmp/d", "--keyring", "file", "--addr", "127.0.0.1:9000",
		"--token", "t", "--allow-host", "studio.local", "--allow-host", "nas:9000", "--unsafe", "/photos", "/more"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.dataDir != "/tmp/d" || cfg.keyring != "file" || cfg.serve.addr != "127.0.0.1:9000" || cfg.serve.token != "t" || !cfg.serve.unsafe {
		t.Fatalf("config = %+v", cfg)
	}
	if !slices.Equal(cfg.serve.allowHosts, []string{"studio.local", "nas:9000"}) {
		t.Fatalf("allowHosts = %v", cfg.serve.allowHosts)
	}
	if !slices.Equal(cfg.paths, []string{"/photos", "/more"}) {
		t.Fatalf("paths = %v", cfg.paths)
	}

	def, err := parseServeFlags(nil)
	if err != nil || def.serve.addr != "127.0.0.1:7117" {
		t.Fatalf("default addr = %q, %v; want 127.0.0.1:7117", def.serve.addr, err)
	}
}

func TestParseServeFlags_Errors(t *testing.T) {
	cases := map[string]struct {
		args []string
		want string
	}{
		"Remote":       {[]string{"--addr", "0.0.0.0:7117"}, "--allow-remote"},
		"LAN":          {[]string{"--addr", "192.168.1.2:7117"}, "192.168.1.2:7117"},
		"NoPort":       {[]string{"--addr", "127.0.0.1"}, "127.0.0.1"},
		"HostWithPath": {[]string{"--allow-host", "a/b"}, "a/b"},
		"CacheSize":    {[]string{"--cache-size", "1"}, "-cache-size 1"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := parseServeFlags(c.args)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("parseServeFlags(%v) = %v, want an error containing %q", c.args, err, c.want)
			}
		})
	}
	if _, err := parseServeFlags([]string{"--addr", "0.0.0.0:7117", "--allow-remote"}); err != nil {
		t.Fatalf("--allow-remote: %v", err)
	}
}

func TestParseFlags_API(t *testing.T) {
	cfg, err := parseFlags([]string{"--api", "--api-addr", "127.0.0.1:8000", "/photos"})
	if err != nil || !cfg.api || cfg.apiAddr != "127.0.0.1:8000" {
		t.Fatalf("config = %+v, %v", cfg, err)
	}
	if _, err := parseFlags([]string{"--api-addr", "0.0.0.0:8000"}); err == nil {
		t.Fatal("--api-addr 0.0.0.0:8000 accepted, want an error: the window's API is loopback only")
	}
}

func TestRun_ErrNoDisplay(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the window needs no DISPLAY on " + runtime.GOOS)
	}
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	err := run([]string{"-data-dir", t.TempDir(), "-keyring", "file"})
	if err == nil || !strings.Contains(err.Error(), "imagor-studio serve") {
		t.Fatalf("run without a display: err=%v, want advice naming imagor-studio serve", err)
	}
}
