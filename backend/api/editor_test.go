package api_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/api"
)

func TestEditor(t *testing.T) {
	h := newHarness(t, api.Config{})
	dir := photoFolder(t)
	lib := h.addLibrary(dir)
	state := map[string]any{"width": 320, "height": 0, "mode": "fit-in", "grayscale": true, "format": "webp"}

	t.Run("EditorPath", func(t *testing.T) {
		var got struct {
			Path, Ops, URL            string
			OutputWidth, OutputHeight int
		}
		h.ok(h.post(`query($l: ID!, $s: JSON!) { editorPath(library: $l, path: "a.jpg", state: $s) { path ops url outputWidth outputHeight } }`,
			map[string]any{"l": lib, "s": state}), "editorPath", &got)
		if !strings.HasPrefix(got.Path, "/unsafe/") || !strings.HasSuffix(got.Path, "/a.jpg") || !strings.Contains(got.Ops, "grayscale()") {
			t.Fatalf("editorPath = %+v, want an unsafe path with grayscale()", got)
		}
		if got.OutputWidth != 320 || got.OutputHeight != 240 {
			t.Fatalf("output %dx%d, want 320x240", got.OutputWidth, got.OutputHeight)
		}
		status, ctype, body := get(t, got.URL, nil)
		if status != http.StatusOK || ctype != "image/webp" {
			t.Fatalf("GET url: %d %s %s", status, ctype, body)
		}
		if w, hgt, _ := decodeSize(t, body); w != 320 || hgt != 240 {
			t.Fatalf("rendered %dx%d, want 320x240", w, hgt)
		}
	})
	t.Run("ErrEditorPathUnknownField", func(t *testing.T) {
		r := h.post(`query($l: ID!) { editorPath(library: $l, path: "a.jpg", state: {widht: 3}) { path } }`, map[string]any{"l": lib})
		if r.code() != api.CodeInvalidArgument || !strings.Contains(r.Errors[0].Message, "widht") {
			t.Fatalf("errors %+v, want INVALID_ARGUMENT naming widht", r.Errors)
		}
	})
	t.Run("ErrEditorPathTooLarge", func(t *testing.T) {
		huge := map[string]any{"width": 60000, "height": 60000, "mode": "stretch"}
		r := h.post(`query($l: ID!, $s: JSON!) { editorPath(library: $l, path: "a.jpg", state: $s) { path } }`,
			map[string]any{"l": lib, "s": huge})
		if r.code() != api.CodeInvalidArgument || !strings.Contains(r.Errors[0].Message, "200 megapixels") {
			t.Fatalf("errors %+v, want INVALID_ARGUMENT over the output limit", r.Errors)
		}
	})
	t.Run("Session", func(t *testing.T) {
		var saved struct {
			State map[string]any
			Stale bool
		}
		h.ok(h.post(`mutation($l: ID!, $s: JSON!) { saveEditorSession(library: $l, path: "a.jpg", state: $s) { state stale } }`,
			map[string]any{"l": lib, "s": state}), "saveEditorSession", &saved)
		if saved.State["width"] != float64(320) || saved.Stale {
			t.Fatalf("saved = %+v", saved)
		}
		h.ok(h.post(`query($l: ID!) { editorSession(library: $l, path: "a.jpg") { state stale } }`, map[string]any{"l": lib}), "editorSession", &saved)
		if saved.State["grayscale"] != true {
			t.Fatalf("editorSession = %+v, want the saved state", saved)
		}
		writeJPEG(t, filepath.Join(dir, "a.jpg"), 641, 480)
		h.ok(h.post(`query($l: ID!) { editorSession(library: $l, path: "a.jpg") { state stale } }`, map[string]any{"l": lib}), "editorSession", &saved)
		if !saved.Stale {
			t.Fatal("editorSession after the file changed: stale = false, want true")
		}
		var discarded bool
		h.ok(h.post(`mutation($l: ID!) { discardEditorSession(library: $l, path: "a.jpg") }`, map[string]any{"l": lib}), "discardEditorSession", &discarded)
		if !discarded {
			t.Fatal("discardEditorSession = false, want true")
		}
		r := h.post(`query($l: ID!) { editorSession(library: $l, path: "a.jpg") { stale } }`, map[string]any{"l": lib})
		if string(r.Data["editorSession"]) != "null" {
			t.Fatalf("editorSession after discard = %s, want null", r.Data["editorSession"])
		}
	})
	t.Run("ErrSessionInvalid", func(t *testing.T) {
		r := h.post(`mutation($l: ID!) { saveEditorSession(library: $l, path: "b.jpg", state: {rotate: 45}) { stale } }`, map[string]any{"l": lib})
		if r.code() != api.CodeInvalidArgument {
			t.Fatalf("errors %+v, want INVALID_ARGUMENT", r.Errors)
		}
	})
	t.Run("Export", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "out.webp")
		var got string
		h.ok(h.post(`mutation($l: ID!, $t: String!) { export(library: $l, path: "b.jpg", ops: "fit-in/150x150/filters:format(webp)", target: $t) }`,
			map[string]any{"l": lib, "t": target}), "export", &got)
		data, err := os.ReadFile(target)
		if err != nil || got != target {
			t.Fatalf("export = %q: %v", got, err)
		}
		if w, hgt, format := decodeSize(t, data); w != 150 || hgt != 100 || format != "webp" {
			t.Fatalf("exported %dx%d %s, want 150x100 webp", w, hgt, format)
		}
		original := filepath.Join(dir, "b.jpg")
		r := h.post(`mutation($l: ID!, $t: String!) { export(library: $l, path: "b.jpg", target: $t) }`, map[string]any{"l": lib, "t": original})
		if r.code() != api.CodeInvalidArgument {
			t.Fatalf("export over the original: errors %+v, want INVALID_ARGUMENT", r.Errors)
		}
	})
}

func TestSettings(t *testing.T) {
	h := newHarness(t, api.Config{})
	lib := h.addLibrary(photoFolder(t))
	var value any
	h.ok(h.post(`mutation { setPreference(name: "gallery.size", value: {tile: 200}) }`, nil), "setPreference", &value)
	var prefs map[string]any
	h.ok(h.post(`{ preferences }`, nil), "preferences", &prefs)
	if tile := prefs["gallery.size"].(map[string]any)["tile"]; tile != float64(200) {
		t.Fatalf("preferences = %v, want gallery.size.tile 200", prefs)
	}
	if r := h.post(`mutation { setPreference(name: "bad name", value: 1) }`, nil); r.code() != api.CodeInvalidArgument {
		t.Fatalf("bad preference name: errors %+v", r.Errors)
	}

	var profile struct {
		ID, Signer string
		SecretSet  bool
	}
	h.ok(h.post(`mutation { saveProfile(input: {name: "p", baseUrl: "https://img.example.com", secret: "x", signer: SHA512}) { id signer secretSet } }`, nil), "saveProfile", &profile)
	if profile.Signer != "SHA512" || !profile.SecretSet {
		t.Fatalf("saveProfile = %+v", profile)
	}
	if r := h.post(`mutation { saveProfile(input: {name: "p", baseUrl: "ftp://x"}) { id } }`, nil); r.code() != api.CodeInvalidArgument || !strings.Contains(r.Errors[0].Message, "ftp://x") {
		t.Fatalf("bad base URL: errors %+v, want INVALID_ARGUMENT naming it", r.Errors)
	}
	var profiles []map[string]any
	h.ok(h.post(`{ profiles { id name secretSet } }`, nil), "profiles", &profiles)
	if len(profiles) != 1 {
		t.Fatalf("profiles = %v", profiles)
	}
	var deleted string
	h.ok(h.post(`mutation($id: ID!) { deleteProfile(id: $id) }`, map[string]any{"id": profile.ID}), "deleteProfile", &deleted)

	var opened bool
	h.ok(h.post(`mutation($l: ID!) { markOpened(library: $l, path: "a.jpg") }`, map[string]any{"l": lib}), "markOpened", &opened)
	var recent []struct {
		Path      string
		Available bool
	}
	h.ok(h.post(`{ recentFiles { path available } }`, nil), "recentFiles", &recent)
	if len(recent) != 1 || recent[0].Path != "a.jpg" || !recent[0].Available {
		t.Fatalf("recentFiles = %+v", recent)
	}
	var about struct{ Imagor, Vips, Error string }
	h.ok(h.post(`{ about { imagor vips error } }`, nil), "about", &about)
	if about.Imagor == "" || about.Vips == "" {
		t.Fatalf("about = %+v, want the engine's versions", about)
	}
	var server struct {
		URL    string
		Unsafe bool
	}
	h.ok(h.post(`{ server { url unsafe } }`, nil), "server", &server)
	if server.URL != h.URL || server.Unsafe {
		t.Fatalf("server = %+v, want %s", server, h.URL)
	}
}
