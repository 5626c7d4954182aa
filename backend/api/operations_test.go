package api_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"image"
	_ "image/jpeg"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "golang.org/x/image/webp"

	"github.com/imagor-studio/desktop/backend/api"
)

func decodeSize(t *testing.T, data []byte) (int, int, string) {
	t.Helper()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode %d bytes: %v", len(data), err)
	}
	return cfg.Width, cfg.Height, format
}

type entry struct {
	Name, Path, Kind string
	Size             int64
	ModifiedAt       string
	Width, Height    *int
	ThumbnailURL     *string
}

type folderPage struct {
	Entries    []entry
	TotalCount int
	PageInfo   struct {
		EndCursor   *string
		HasNextPage bool
	}
}

const folderQuery = `query($l: ID!, $p: String!, $first: Int, $after: String, $sort: SortInput) {
  folder(library: $l, path: $p, first: $first, after: $after, sort: $sort) {
    entries { name path kind size modifiedAt width height thumbnailUrl }
    totalCount
    pageInfo { endCursor hasNextPage }
  }
}`

func TestFolder(t *testing.T) {
	h := newHarness(t, api.Config{})
	lib := h.addLibrary(photoFolder(t))

	t.Run("OKWhole", func(t *testing.T) {
		var page folderPage
		h.ok(h.post(folderQuery, map[string]any{"l": lib, "p": ""}), "folder", &page)
		var names []string
		for _, e := range page.Entries {
			names = append(names, e.Name)
		}
		if got, want := strings.Join(names, ","), "sub,a.jpg,b.jpg,c.jpg,notes.txt"; got != want {
			t.Fatalf("entries = %s, want %s", got, want)
		}
		if page.TotalCount != 5 || page.PageInfo.HasNextPage {
			t.Fatalf("totalCount = %d, hasNextPage = %v; want 5, false", page.TotalCount, page.PageInfo.HasNextPage)
		}
		a := page.Entries[1]
		if a.Kind != "image" || a.Width == nil || *a.Width != 640 || *a.Height != 480 {
			t.Fatalf("a.jpg = %+v, want an image of 640x480", a)
		}
		if a.ThumbnailURL == nil || !strings.HasPrefix(*a.ThumbnailURL, h.URL+"/imagor/") {
			t.Fatalf("thumbnailUrl = %v, want a URL of this server", a.ThumbnailURL)
		}
		notes := page.Entries[4]
		if notes.ThumbnailURL != nil || notes.Width != nil || notes.Size != int64(len("not an image")) {
			t.Fatalf("notes.txt = %+v, want no picture and its size", notes)
		}

		// The thumbnail is signed, so it needs no token, and goes through the disk cache.
		status, ctype, body := get(t, *a.ThumbnailURL, nil)
		if status != http.StatusOK || ctype != "image/webp" {
			t.Fatalf("thumbnail: status %d, type %s: %s", status, ctype, body)
		}
		if w, hgt, _ := decodeSize(t, body); w != 256 || hgt != 192 {
			t.Fatalf("thumbnail is %dx%d, want 256x192", w, hgt)
		}
		if _, n, err := h.Cache.Usage(); err != nil || n == 0 {
			t.Fatalf("the disk cache holds %d entries after a thumbnail request (%v), want some", n, err)
		}
	})

	t.Run("OKPages", func(t *testing.T) {
		var seen []string
		var after any
		for range 5 {
			var page folderPage
			h.ok(h.post(folderQuery, map[string]any{"l": lib, "p": "", "first": 2, "after": after}), "folder", &page)
			if page.TotalCount != 5 {
				t.Fatalf("totalCount = %d with first 2, want 5", page.TotalCount)
			}
			for _, e := range page.Entries {
				seen = append(seen, e.Name)
			}
			if !page.PageInfo.HasNextPage {
				break
			}
			after = *page.PageInfo.EndCursor
		}
		if got := strings.Join(seen, ","); got != "sub,a.jpg,b.jpg,c.jpg,notes.txt" {
			t.Fatalf("pages gave %s", got)
		}
	})

	t.Run("OKSortSize", func(t *testing.T) {
		var page folderPage
		h.ok(h.post(folderQuery, map[string]any{"l": lib, "p": "", "sort": map[string]any{"by": "SIZE", "desc": true}}), "folder", &page)
		if page.Entries[0].Name != "sub" || page.Entries[1].Name != "a.jpg" {
			t.Fatalf("by size, descending: %s, %s; want sub then a.jpg", page.Entries[0].Name, page.Entries[1].Name)
		}
	})

	t.Run("OKSubfolder", func(t *testing.T) {
		var page folderPage
		h.ok(h.post(folderQuery, map[string]any{"l": lib, "p": "sub"}), "folder", &page)
		if len(page.Entries) != 1 || page.Entries[0].Path != "sub/d.jpg" {
			t.Fatalf("sub = %+v, want sub/d.jpg", page.Entries)
		}
	})

	errCases := []struct {
		name string
		vars map[string]any
		code string
	}{
		{"ErrUnknownLibrary", map[string]any{"l": "nope", "p": ""}, api.CodeNotFound},
		{"ErrMissingFolder", map[string]any{"l": lib, "p": "gone"}, api.CodeNotFound},
		{"ErrFile", map[string]any{"l": lib, "p": "a.jpg"}, api.CodeInvalidArgument},
		{"ErrFirst", map[string]any{"l": lib, "p": "", "first": 0}, api.CodeInvalidArgument},
		{"ErrCursor", map[string]any{"l": lib, "p": "", "after": "garbage"}, api.CodeInvalidArgument},
	}
	for _, c := range errCases {
		t.Run(c.name, func(t *testing.T) {
			r := h.post(folderQuery, c.vars)
			if r.code() != c.code {
				t.Fatalf("code = %q (%+v), want %s", r.code(), r.Errors, c.code)
			}
		})
	}
}

func TestImageURL(t *testing.T) {
	h := newHarness(t, api.Config{})
	dir := photoFolder(t)
	lib := h.addLibrary(dir)
	query := `query($l: ID!, $p: String!, $ops: String, $profile: ID, $signed: Boolean) {
	  imageUrl(library: $l, path: $p, ops: $ops, profile: $profile, signed: $signed) }`

	var signed string
	h.ok(h.post(query, map[string]any{"l": lib, "p": "a.jpg", "ops": "fit-in/320x320/filters:format(webp)"}), "imageUrl", &signed)
	t.Run("OKSigned", func(t *testing.T) {
		if !strings.HasPrefix(signed, h.URL+"/imagor/") || strings.Contains(signed, "/unsafe/") {
			t.Fatalf("imageUrl = %s, want a signed URL of this server", signed)
		}
		status, ctype, body := get(t, signed, nil)
		if status != http.StatusOK || ctype != "image/webp" {
			t.Fatalf("GET: status %d, type %s: %s", status, ctype, body)
		}
		if w, hgt, _ := decodeSize(t, body); w != 320 || hgt != 240 {
			t.Fatalf("image is %dx%d, want 320x240", w, hgt)
		}
	})
	t.Run("ErrTampered", func(t *testing.T) {
		tampered := strings.Replace(signed, "320x320", "640x640", 1)
		if status, _, _ := get(t, tampered, nil); status != http.StatusForbidden {
			t.Fatalf("tampered URL: status %d, want 403", status)
		}
	})
	t.Run("OKUnsafeWithToken", func(t *testing.T) {
		var unsafe string
		h.ok(h.post(query, map[string]any{"l": lib, "p": "b.jpg", "signed": false}), "imageUrl", &unsafe)
		if !strings.Contains(unsafe, "/imagor/unsafe/") {
			t.Fatalf("imageUrl(signed: false) = %s, want an unsafe URL", unsafe)
		}
		if status, _, _ := get(t, unsafe, nil); status != http.StatusUnauthorized {
			t.Fatalf("unsafe URL without token: status %d, want 401", status)
		}
		status, _, body := get(t, unsafe, map[string]string{"Authorization": "Bearer " + testToken})
		if status != http.StatusOK {
			t.Fatalf("unsafe URL with token: status %d", status)
		}
		if w, hgt, format := decodeSize(t, body); w != 300 || hgt != 200 || format != "jpeg" {
			t.Fatalf("original is %dx%d %s, want 300x200 jpeg", w, hgt, format)
		}
	})
	t.Run("OKNonASCIIName", func(t *testing.T) {
		writeJPEG(t, filepath.Join(dir, "été #1.jpg"), 50, 40)
		var u string
		h.ok(h.post(query, map[string]any{"l": lib, "p": "été #1.jpg"}), "imageUrl", &u)
		for i := 0; i < len(u); i++ {
			if u[i] >= 0x80 || u[i] == ' ' || u[i] == '#' {
				t.Fatalf("imageUrl = %q has byte %q", u, u[i])
			}
		}
		status, _, body := get(t, u, nil)
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", u, status, body)
		}
		if w, _, _ := decodeSize(t, body); w != 50 {
			t.Fatalf("width %d, want 50", w)
		}
	})
	t.Run("OKProfile", func(t *testing.T) {
		var p struct{ ID string }
		h.ok(h.post(`mutation($in: ProfileInput!) { saveProfile(input: $in) { id } }`, map[string]any{"in": map[string]any{
			"name": "cdn", "baseUrl": "https://img.example.com", "secret": "s3cret", "signer": "SHA256", "truncate": 40,
			"libraries": []any{map[string]any{"library": lib, "pathPrefix": "photos/"}},
		}}), "saveProfile", &p)
		var u string
		h.ok(h.post(query, map[string]any{"l": lib, "p": "a.jpg", "ops": "fit-in/100x100", "profile": p.ID}), "imageUrl", &u)
		mac := hmac.New(sha256.New, []byte("s3cret"))
		mac.Write([]byte("fit-in/100x100/photos/a.jpg"))
		sig := base64.URLEncoding.EncodeToString(mac.Sum(nil))[:40]
		if want := "https://img.example.com/" + sig + "/fit-in/100x100/photos/a.jpg"; u != want {
			t.Fatalf("imageUrl = %s, want %s", u, want)
		}
	})
	for name, ops := range map[string]string{"ErrQuery": "fit-in/10x10?x=1", "ErrUnsafe": "unsafe/fit-in/10x10", "ErrDotDot": "../x", "ErrSpace": "fit in"} {
		t.Run(name, func(t *testing.T) {
			r := h.post(query, map[string]any{"l": lib, "p": "a.jpg", "ops": ops})
			if r.code() != api.CodeInvalidArgument {
				t.Fatalf("ops %q: code = %q, want %s", ops, r.code(), api.CodeInvalidArgument)
			}
		})
	}
}

func TestMeta(t *testing.T) {
	h := newHarness(t, api.Config{})
	dir := photoFolder(t)
	lib := h.addLibrary(dir)
	var meta struct {
		Format        string
		Width, Height int
	}
	h.ok(h.post(`query($l: ID!) { meta(library: $l, path: "c.jpg") }`, map[string]any{"l": lib}), "meta", &meta)
	if meta.Format != "jpeg" || meta.Width != 200 || meta.Height != 300 {
		t.Fatalf("meta = %+v, want jpeg 200x300", meta)
	}
	t.Run("ErrNotAnImage", func(t *testing.T) {
		r := h.post(`query($l: ID!) { meta(library: $l, path: "notes.txt") }`, map[string]any{"l": lib})
		if r.code() != api.CodeRenderFailed {
			t.Fatalf("code = %q (%+v), want %s", r.code(), r.Errors, api.CodeRenderFailed)
		}
	})
}

func TestLibraries(t *testing.T) {
	h := newHarness(t, api.Config{})
	first, second := photoFolder(t), photoFolder(t)
	a, b := h.addLibrary(first), h.addLibrary(second)
	var libs []struct{ ID, Name, Path, Kind string }
	h.ok(h.post(`{ libraries { id name path kind } }`, nil), "libraries", &libs)
	if len(libs) != 2 || libs[0].ID != a || libs[1].ID != b || libs[0].Path != first || libs[0].Kind != "folder" {
		t.Fatalf("libraries = %+v, want %s then %s", libs, a, b)
	}
	h.ok(h.post(`mutation($id: ID!) { moveLibrary(id: $id, index: 0) { id } }`, map[string]any{"id": b}), "moveLibrary", &libs)
	if libs[0].ID != b {
		t.Fatalf("after moveLibrary: %+v, want %s first", libs, b)
	}
	var renamed struct{ Name string }
	h.ok(h.post(`mutation($id: ID!) { renameLibrary(id: $id, name: "Holidays") { name } }`, map[string]any{"id": a}), "renameLibrary", &renamed)
	if renamed.Name != "Holidays" {
		t.Fatalf("renamed = %q", renamed.Name)
	}
	var removed string
	h.ok(h.post(`mutation($id: ID!) { removeLibrary(id: $id) }`, map[string]any{"id": a}), "removeLibrary", &removed)
	if removed != a {
		t.Fatalf("removeLibrary = %q, want %q", removed, a)
	}
	if _, err := os.Stat(filepath.Join(first, "a.jpg")); err != nil {
		t.Fatalf("removing the library touched its files: %v", err)
	}
	for name, path := range map[string]string{"ErrRelative": "photos", "ErrMissing": filepath.Join(first, "nope"), "ErrFile": filepath.Join(first, "a.jpg")} {
		t.Run(name, func(t *testing.T) {
			r := h.post(`mutation($p: String!) { addLibrary(path: $p) { id } }`, map[string]any{"p": path})
			if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, path) {
				t.Fatalf("addLibrary(%q): errors %+v, want one that names the path", path, r.Errors)
			}
		})
	}
	t.Run("ErrRemoveUnknown", func(t *testing.T) {
		if r := h.post(`mutation { removeLibrary(id: "nope") }`, nil); r.code() != api.CodeNotFound {
			t.Fatalf("code = %q, want %s", r.code(), api.CodeNotFound)
		}
	})
}
