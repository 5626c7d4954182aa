package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/api"
)

func TestLimits(t *testing.T) {
	h := newHarness(t, api.Config{})
	auth := map[string]string{"Authorization": "Bearer " + testToken}

	t.Run("ErrDepth", func(t *testing.T) {
		// __type nests through ofType without end, so it can exceed the depth limit.
		n := api.MaxIntrospectionDepth
		query := "{ __type(name: \"Entry\") { " + strings.Repeat("ofType { ", n) + "name" + strings.Repeat(" }", n) + " } }"
		r := h.post(query, nil)
		if r.code() != "DEPTH_LIMIT_EXCEEDED" {
			t.Fatalf("depth %d: errors %+v, want DEPTH_LIMIT_EXCEEDED", n+2, r.Errors)
		}
	})
	t.Run("OKDepthAtLimit", func(t *testing.T) {
		n := api.MaxIntrospectionDepth - 2
		query := "{ __type(name: \"Entry\") { " + strings.Repeat("ofType { ", n) + "name" + strings.Repeat(" }", n) + " } }"
		if r := h.post(query, nil); len(r.Errors) > 0 {
			t.Fatalf("depth %d: errors %+v, want none", n+2, r.Errors)
		}
	})
	t.Run("ErrDepthThroughFragments", func(t *testing.T) {
		var frags strings.Builder
		for i := range api.MaxIntrospectionDepth {
			frags.WriteString("fragment F" + string(rune('a'+i)) + " on __Type { ofType { ...F" + string(rune('a'+i+1)) + " } }\n")
		}
		frags.WriteString("fragment F" + string(rune('a'+api.MaxIntrospectionDepth)) + " on __Type { name }\n")
		r := h.post("{ __type(name: \"Entry\") { ...Fa } }\n"+frags.String(), nil)
		if r.code() != "DEPTH_LIMIT_EXCEEDED" {
			t.Fatalf("errors %+v, want DEPTH_LIMIT_EXCEEDED", r.Errors)
		}
	})
	t.Run("ErrComplexity", func(t *testing.T) {
		r := h.post(`{ folder(library: "x", path: "", first: 10000) { entries { name path kind size } } }`, nil)
		if r.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Fatalf("errors %+v, want COMPLEXITY_LIMIT_EXCEEDED", r.Errors)
		}
	})
	t.Run("ErrComplexityAliases", func(t *testing.T) {
		var q strings.Builder
		q.WriteString("{")
		for i := range api.MaxComplexity + 1 {
			q.WriteString(" a" + strconv.Itoa(i) + ": undoLabel")
		}
		q.WriteString(" }")
		r := h.post(q.String(), nil)
		if r.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Fatalf("%d aliases: errors %+v, want COMPLEXITY_LIMIT_EXCEEDED", api.MaxComplexity+1, r.Errors)
		}
	})
	t.Run("ErrSchemaAliases", func(t *testing.T) {
		// gqlgen's complexity leaves __schema out, so the fields under it are counted separately.
		var q strings.Builder
		q.WriteString("{ __schema {")
		for i := range api.MaxSchemaFields {
			q.WriteString(" t" + strconv.Itoa(i) + ": types { name }")
		}
		q.WriteString(" } }")
		r := h.post(q.String(), nil)
		if r.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Fatalf("%d aliases under __schema: errors %+v, want COMPLEXITY_LIMIT_EXCEEDED", api.MaxSchemaFields, r.Errors)
		}
	})
	t.Run("ErrSchemaFieldsThroughFragments", func(t *testing.T) {
		var frag strings.Builder
		frag.WriteString("fragment T on __Type {")
		for i := range api.MaxSchemaFields / 4 {
			frag.WriteString(" n" + strconv.Itoa(i) + ": name")
		}
		frag.WriteString(" }")
		r := h.post("{ __schema { a: types { ...T } b: types { ...T } c: types { ...T } d: types { ...T } } }\n"+frag.String(), nil)
		if r.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Fatalf("errors %+v, want COMPLEXITY_LIMIT_EXCEEDED", r.Errors)
		}
	})
	t.Run("OKSchemaUnderLimit", func(t *testing.T) {
		r := h.post("{ __schema { types { name kind fields { name args { name } type { name kind ofType { name } } } } } }", nil)
		if len(r.Errors) > 0 {
			t.Fatalf("errors %+v, want none", r.Errors)
		}
	})
	t.Run("ErrBodySize", func(t *testing.T) {
		body, _ := json.Marshal(map[string]any{"query": "{ undoLabel }", "variables": map[string]string{"pad": strings.Repeat("x", api.MaxBodyBytes)}})
		r := h.postRaw(body, auth)
		if r.Status != http.StatusRequestEntityTooLarge || r.code() != api.CodeBodyTooLarge {
			t.Fatalf("status %d, code %q; want 413 %s", r.Status, r.code(), api.CodeBodyTooLarge)
		}
	})
	t.Run("OKBodyUnderLimit", func(t *testing.T) {
		body, _ := json.Marshal(map[string]any{"query": "{ undoLabel }", "variables": map[string]string{"pad": strings.Repeat("x", api.MaxBodyBytes-100)}})
		if r := h.postRaw(body, auth); r.Status != http.StatusOK {
			t.Fatalf("status %d, want 200", r.Status)
		}
	})
	t.Run("ErrContentType", func(t *testing.T) {
		// Form and plain-text bodies are what a page of another site can send without a preflight.
		for _, contentType := range []string{"application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", ""} {
			headers := map[string]string{"Authorization": "Bearer " + testToken, "Content-Type": contentType}
			r := h.postRaw([]byte(`{"query":"{ undoLabel }"}`), headers)
			if r.Status != http.StatusUnsupportedMediaType {
				t.Errorf("Content-Type %q: status %d, want 415", contentType, r.Status)
			}
			if r.code() != api.CodeInvalidArgument {
				t.Errorf("Content-Type %q: code %q, want %s", contentType, r.code(), api.CodeInvalidArgument)
			}
		}
	})
	t.Run("ErrBodyNotObject", func(t *testing.T) {
		body := []byte(`[{"query":"{ undoLabel }"},{"query":"{ undoLabel }", "pad":"` + strings.Repeat("x", 1000) + `"}]`)
		r := h.postRaw(body, auth)
		if r.Status != http.StatusBadRequest || r.code() != api.CodeInvalidArgument {
			t.Fatalf("batched body: status %d, code %q; want 400 %s", r.Status, r.code(), api.CodeInvalidArgument)
		}
		if msg := r.Errors[0].Message; strings.Contains(msg, "xxxx") {
			t.Fatalf("message repeats the body: %.200s", msg)
		}
	})
	t.Run("ErrBodyWithoutToken", func(t *testing.T) {
		// The token is checked before the body is read.
		r := h.postRaw(bytes.Repeat([]byte("x"), 2*api.MaxBodyBytes), nil)
		if r.Status != http.StatusUnauthorized {
			t.Fatalf("status %d, want 401", r.Status)
		}
	})
}

func TestLimits_UnpagedFolder(t *testing.T) {
	h := newHarness(t, api.Config{})
	dir := t.TempDir()
	const files = 6000
	for i := range files {
		if err := os.WriteFile(filepath.Join(dir, "f"+strconv.Itoa(i)+".txt"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lib := h.addLibrary(dir)
	vars := map[string]any{"l": lib}

	t.Run("ErrAliases", func(t *testing.T) {
		// Statically 10 x (1 + 2 x 20) = 410; the folder returns 6,000 entries to each alias.
		var q strings.Builder
		q.WriteString("query($l: ID!) {")
		for i := range 10 {
			q.WriteString(" a" + strconv.Itoa(i) + `: folder(library: $l, path: "") { entries { name } }`)
		}
		q.WriteString(" }")
		r := h.post(q.String(), vars)
		if r.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Fatalf("errors %+v, want COMPLEXITY_LIMIT_EXCEEDED", r.Errors)
		}
		if len(r.Data) > 0 && string(r.Data["a0"]) != "null" {
			t.Fatalf("data.a0 = %.100s, want null", r.Data["a0"])
		}
	})
	t.Run("ErrOneFolder", func(t *testing.T) {
		r := h.post(`query($l: ID!) { folder(library: $l, path: "") { entries { name path kind size } } }`, vars)
		if r.code() != "COMPLEXITY_LIMIT_EXCEEDED" || !strings.Contains(r.Errors[0].Message, "first") {
			t.Fatalf("errors %+v, want COMPLEXITY_LIMIT_EXCEEDED that says to pass first", r.Errors)
		}
	})
	t.Run("OKUnderLimit", func(t *testing.T) {
		var page struct{ TotalCount int }
		h.ok(h.post(`query($l: ID!) { folder(library: $l, path: "") { totalCount } }`, vars), "folder", &page)
		if page.TotalCount != files {
			t.Fatalf("totalCount = %d, want %d", page.TotalCount, files)
		}
	})
	t.Run("OKPaged", func(t *testing.T) {
		var page struct{ Entries []struct{ Name string } }
		h.ok(h.post(`query($l: ID!) { folder(library: $l, path: "", first: 1000) { entries { name } } }`, vars), "folder", &page)
		if len(page.Entries) != 1000 {
			t.Fatalf("%d entries, want 1000", len(page.Entries))
		}
	})
}
