package api_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/api"
)

func TestServer_Token(t *testing.T) {
	h := newHarness(t, api.Config{})
	query := `{ libraries { id } }`
	cases := map[string]map[string]string{
		"ErrMissing":    {},
		"ErrWrong":      {"Authorization": "Bearer " + strings.Repeat("x", len(testToken))},
		"ErrPrefix":     {"Authorization": "Bearer " + testToken[:len(testToken)-1]},
		"ErrNotBearer":  {"Authorization": "Basic " + testToken},
		"ErrEmptyToken": {"Authorization": "Bearer "},
		"ErrNoToken":    {"Authorization": "Bearer"},
		"ErrTwoSpaces":  {"Authorization": "Bearer  " + testToken},
	}
	for name, headers := range cases {
		t.Run(name, func(t *testing.T) {
			r := h.postWith(query, nil, headers)
			if r.Status != http.StatusUnauthorized {
				t.Fatalf("status = %d, want 401", r.Status)
			}
			if r.code() != api.CodeUnauthenticated {
				t.Fatalf("code = %q, want %s", r.code(), api.CodeUnauthenticated)
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		var libs []any
		h.ok(h.post(query, nil), "libraries", &libs)
	})
	t.Run("OKSchemeCase", func(t *testing.T) {
		// The scheme name is case-insensitive, as in every HTTP authentication scheme.
		for _, scheme := range []string{"bearer", "BEARER", "BeArEr"} {
			r := h.postWith(query, nil, map[string]string{"Authorization": scheme + " " + testToken})
			if r.Status != http.StatusOK {
				t.Errorf("%s TOKEN: status = %d, want 200", scheme, r.Status)
			}
		}
	})
	t.Run("ErrAfterRotation", func(t *testing.T) {
		h.Server.SetToken("another-token-0123456789abcdef01234567")
		defer h.Server.SetToken(testToken)
		if r := h.post(query, nil); r.Status != http.StatusUnauthorized {
			t.Fatalf("old token: status = %d, want 401", r.Status)
		}
	})
}

func TestServer_Host(t *testing.T) {
	h := newHarness(t, api.Config{AllowHosts: []string{"studio.test"}})
	port := strconv.Itoa(h.Port)
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "studio.test:" + port, "LOCALHOST:" + port} {
		t.Run("OK"+host, func(t *testing.T) {
			r := h.postWith(`{ libraries { id } }`, nil, map[string]string{"Host": host, "Authorization": "Bearer " + testToken})
			if r.Status != http.StatusOK {
				t.Fatalf("Host %s: status = %d, want 200", host, r.Status)
			}
		})
	}
	for _, host := range []string{"evil.example:" + port, "127.0.0.1:1", "127.0.0.1", "localhost.evil.example:" + port, "studio.test:1"} {
		t.Run("Err"+host, func(t *testing.T) {
			r := h.postWith(`{ libraries { id } }`, nil, map[string]string{"Host": host, "Authorization": "Bearer " + testToken})
			if r.Status != http.StatusForbidden {
				t.Fatalf("Host %s: status = %d, want 403", host, r.Status)
			}
			if r.code() != api.CodeForbiddenHost {
				t.Fatalf("code = %q, want %s", r.code(), api.CodeForbiddenHost)
			}
		})
	}
	t.Run("ErrImageEndpoint", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, h.URL+"/imagor/unsafe/x/a.jpg", nil)
		req.Host = "evil.example:" + port
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Fatalf("status = %d, want 403", resp.StatusCode)
		}
	})
}

func TestServer_Origin(t *testing.T) {
	h := newHarness(t, api.Config{})
	port := strconv.Itoa(h.Port)
	auth := "Bearer " + testToken
	for _, origin := range []string{"http://127.0.0.1:" + port, "http://localhost:" + port} {
		r := h.postWith(`{ libraries { id } }`, nil, map[string]string{"Origin": origin, "Authorization": auth})
		if r.Status != http.StatusOK {
			t.Errorf("Origin %s: status = %d, want 200", origin, r.Status)
		}
	}
	for _, origin := range []string{"http://evil.example", "http://127.0.0.1:1", "null", "file://", "http://evil.example:" + port} {
		r := h.postWith(`{ libraries { id } }`, nil, map[string]string{"Origin": origin, "Authorization": auth})
		if r.Status != http.StatusForbidden {
			t.Errorf("Origin %s: status = %d, want 403", origin, r.Status)
		}
		if r.code() != api.CodeForbiddenOrigin {
			t.Errorf("Origin %s: code = %q, want %s", origin, r.code(), api.CodeForbiddenOrigin)
		}
	}
	t.Run("NoCORSHeaders", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodOptions, h.URL+"/graphql", nil)
		req.Header.Set("Origin", "http://evil.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Fatalf("Access-Control-Allow-Origin = %q, want none", got)
		}
	})
}

func TestCheckAddr(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:7117", "localhost:0", "[::1]:7117", "127.0.0.2:80"} {
		if err := api.CheckAddr(addr, false); err != nil {
			t.Errorf("CheckAddr(%q) = %v, want nil", addr, err)
		}
	}
	for _, addr := range []string{"0.0.0.0:7117", ":7117", "192.168.1.10:7117", "example.com:7117", "127.0.0.1", "127.0.0.1:99999"} {
		err := api.CheckAddr(addr, false)
		if err == nil {
			t.Errorf("CheckAddr(%q) = nil, want an error", addr)
			continue
		}
		if !strings.Contains(err.Error(), strconv.Quote(addr)) {
			t.Errorf("CheckAddr(%q) = %q, want the address in the message", addr, err)
		}
	}
	if err := api.CheckAddr("0.0.0.0:7117", true); err != nil {
		t.Errorf("CheckAddr(0.0.0.0:7117, allowRemote) = %v, want nil", err)
	}
}

func TestServer_OutsideLibrary(t *testing.T) {
	h := newHarness(t, api.Config{})
	dir := photoFolder(t)
	outside := photoFolder(t)
	if err := os.Symlink(outside, filepath.Join(dir, "escape")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "a.jpg"), filepath.Join(dir, "escape.jpg")); err != nil {
		t.Fatal(err)
	}
	lib := h.addLibrary(dir)

	cases := []struct{ name, path, want string }{
		{"DotDot", "..", api.CodeOutsideLibrary},
		{"DotDotInside", "sub/../../a.jpg", api.CodeOutsideLibrary},
		{"Absolute", outside + "/a.jpg", api.CodeOutsideLibrary},
		{"SymlinkFolder", "escape/a.jpg", api.CodeOutsideLibrary},
		{"SymlinkFile", "escape.jpg", api.CodeOutsideLibrary},
		{"Encoded", "%2e%2e/a.jpg", api.CodeNotFound}, // a literal name, not decoded
		{"Missing", "nope.jpg", api.CodeNotFound},
	}
	for _, c := range cases {
		t.Run("ImageURL"+c.name, func(t *testing.T) {
			r := h.post(`query($l: ID!, $p: String!) { imageUrl(library: $l, path: $p) }`, map[string]any{"l": lib, "p": c.path})
			if r.code() != c.want {
				t.Fatalf("imageUrl(%q): code = %q (%+v), want %s", c.path, r.code(), r.Errors, c.want)
			}
			if p, _ := r.Errors[0].Extensions["path"].(string); p != c.path {
				t.Fatalf("extensions.path = %q, want %q", p, c.path)
			}
			if !strings.Contains(r.Errors[0].Message, c.path) && c.name != "SymlinkFolder" && c.name != "SymlinkFile" {
				t.Fatalf("message %q does not name %q", r.Errors[0].Message, c.path)
			}
		})
	}
	t.Run("FolderSymlink", func(t *testing.T) {
		r := h.post(`query($l: ID!) { folder(library: $l, path: "escape") { totalCount } }`, map[string]any{"l": lib})
		if r.code() != api.CodeOutsideLibrary {
			t.Fatalf("code = %q (%+v), want %s", r.code(), r.Errors, api.CodeOutsideLibrary)
		}
	})
	t.Run("FolderDotDot", func(t *testing.T) {
		r := h.post(`query($l: ID!) { folder(library: $l, path: "../") { totalCount } }`, map[string]any{"l": lib})
		if r.code() != api.CodeOutsideLibrary {
			t.Fatalf("code = %q, want %s", r.code(), api.CodeOutsideLibrary)
		}
	})
	t.Run("ImageEndpointEncodedDotDot", func(t *testing.T) {
		auth := map[string]string{"Authorization": "Bearer " + testToken}
		for _, p := range []string{"/imagor/unsafe/" + lib + "/..%2f..%2fetc%2fpasswd", "/imagor/unsafe/" + lib + "/%2e%2e/%2e%2e/etc/passwd", "/imagor/unsafe/" + lib + "/escape/a.jpg"} {
			status, _, body := get(t, h.URL+p, auth)
			if status == http.StatusOK {
				t.Errorf("GET %s: status 200 (%d bytes), want an error", p, len(body))
			}
		}
	})
}

func TestServer_QueryPage(t *testing.T) {
	h := newHarness(t, api.Config{})
	status, ctype, body := get(t, h.URL+"/graphql", nil)
	if status != http.StatusOK || !strings.HasPrefix(ctype, "text/html") {
		t.Fatalf("GET /graphql: %d %s", status, ctype)
	}
	page := string(body)
	if strings.Contains(page, "<script src") || strings.Contains(page, "<link") {
		t.Fatal("the query page loads a script or stylesheet; it must work offline")
	}
	if !strings.Contains(page, `fetch("/graphql"`) {
		t.Fatal("the query page does not post to /graphql")
	}
	if status, _, _ := get(t, h.URL+"/graphiql", nil); status != http.StatusOK {
		t.Fatalf("GET /graphiql: %d, want 200", status)
	}
	for _, p := range []string{"/graphql", "/graphiql"} {
		resp, err := http.Get(h.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("X-Frame-Options"); got != "DENY" {
			t.Errorf("GET %s: X-Frame-Options %q, want DENY so no other site can frame it", p, got)
		}
	}
	if status, _, _ := get(t, h.URL+"/nope", nil); status != http.StatusNotFound {
		t.Fatalf("GET /nope: %d, want 404", status)
	}
}
