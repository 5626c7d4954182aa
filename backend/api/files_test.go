package api_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/api"
)

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func TestFileOperations(t *testing.T) {
	// The trash of the temp folder's file system: XDG_DATA_HOME beside it.
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	h := newHarness(t, api.Config{})
	dir := photoFolder(t)
	lib := h.addLibrary(dir)
	vars := func(kv ...any) map[string]any {
		m := map[string]any{"l": lib}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}

	t.Run("CreateFolder", func(t *testing.T) {
		var got string
		h.ok(h.post(`mutation($l: ID!) { createFolder(library: $l, path: "new/") }`, vars()), "createFolder", &got)
		if got != "new" || !exists(filepath.Join(dir, "new")) {
			t.Fatalf("createFolder = %q; folder exists: %v", got, exists(filepath.Join(dir, "new")))
		}
		r := h.post(`mutation($l: ID!) { createFolder(library: $l, path: "new") }`, vars())
		if r.code() != "EXISTS" || r.Errors[0].Extensions["path"] != "new" {
			t.Fatalf("second createFolder: errors %+v, want EXISTS on path new", r.Errors)
		}
	})
	t.Run("Rename", func(t *testing.T) {
		var got string
		h.ok(h.post(`mutation($l: ID!) { rename(library: $l, path: "c.jpg", newName: "portrait.jpg") }`, vars()), "rename", &got)
		if got != "portrait.jpg" || !exists(filepath.Join(dir, "portrait.jpg")) || exists(filepath.Join(dir, "c.jpg")) {
			t.Fatalf("rename = %q", got)
		}
		r := h.post(`mutation($l: ID!) { rename(library: $l, path: "../x", newName: "y") }`, vars())
		if r.code() != api.CodeOutsideLibrary {
			t.Fatalf("rename ../x: errors %+v, want OUTSIDE_LIBRARY", r.Errors)
		}
	})
	t.Run("MovePartly", func(t *testing.T) {
		var got []string
		r := h.post(`mutation($l: ID!, $p: [String!]!) { move(library: $l, paths: $p, to: "new") }`,
			vars("p", []string{"b.jpg", "missing.jpg", "../escape.jpg"}))
		if err := jsonUnmarshal(r.Data["move"], &got); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, []string{"new/b.jpg"}) || !exists(filepath.Join(dir, "new", "b.jpg")) {
			t.Fatalf("move = %v, want [new/b.jpg]", got)
		}
		codes := map[string]string{}
		for _, e := range r.Errors {
			codes[e.Extensions["path"].(string)] = e.Extensions["code"].(string)
		}
		if codes["missing.jpg"] != api.CodeNotFound || codes["../escape.jpg"] != api.CodeOutsideLibrary {
			t.Fatalf("errors by path = %v, want NOT_FOUND and OUTSIDE_LIBRARY", codes)
		}
	})
	t.Run("ImportFiles", func(t *testing.T) {
		src := t.TempDir()
		writeJPEG(t, filepath.Join(src, "imported.jpg"), 64, 48)
		var got []string
		h.ok(h.post(`mutation($l: ID!, $s: [String!]!) { importFiles(library: $l, folder: "", sources: $s) }`,
			vars("s", []string{filepath.Join(src, "imported.jpg")})), "importFiles", &got)
		if !slices.Equal(got, []string{"imported.jpg"}) || !exists(filepath.Join(dir, "imported.jpg")) || !exists(filepath.Join(src, "imported.jpg")) {
			t.Fatalf("importFiles = %v", got)
		}
		r := h.post(`mutation($l: ID!) { importFiles(library: $l, folder: "", sources: ["relative.jpg"]) }`, vars())
		if r.code() != api.CodeInvalidArgument {
			t.Fatalf("relative source: errors %+v, want INVALID_ARGUMENT", r.Errors)
		}
	})
	t.Run("TrashAndUndo", func(t *testing.T) {
		var got []string
		h.ok(h.post(`mutation($l: ID!) { trash(library: $l, paths: ["a.jpg"]) }`, vars()), "trash", &got)
		if !slices.Equal(got, []string{"a.jpg"}) || exists(filepath.Join(dir, "a.jpg")) {
			t.Fatalf("trash = %v; a.jpg still there: %v", got, exists(filepath.Join(dir, "a.jpg")))
		}
		var label string
		h.ok(h.post(`{ undoLabel }`, nil), "undoLabel", &label)
		if label == "" {
			t.Fatal("undoLabel is empty after a trash")
		}
		var undone struct {
			Kind  string
			Paths []string
		}
		h.ok(h.post(`mutation { undo { kind paths } }`, nil), "undo", &undone)
		if undone.Kind != "trash" || !exists(filepath.Join(dir, "a.jpg")) {
			t.Fatalf("undo = %+v; a.jpg back: %v", undone, exists(filepath.Join(dir, "a.jpg")))
		}
	})
	t.Run("CopyDuplicateDelete", func(t *testing.T) {
		var got []string
		h.ok(h.post(`mutation($l: ID!) { copy(library: $l, paths: ["a.jpg"], to: "new") }`, vars()), "copy", &got)
		if !slices.Equal(got, []string{"new/a.jpg"}) || !exists(filepath.Join(dir, "a.jpg")) {
			t.Fatalf("copy = %v", got)
		}
		h.ok(h.post(`mutation($l: ID!) { duplicate(library: $l, paths: ["a.jpg"]) }`, vars()), "duplicate", &got)
		if !slices.Equal(got, []string{"a (1).jpg"}) {
			t.Fatalf("duplicate = %v", got)
		}
		h.ok(h.post(`mutation($l: ID!) { delete(library: $l, paths: ["a (1).jpg"]) }`, vars()), "delete", &got)
		if exists(filepath.Join(dir, "a (1).jpg")) {
			t.Fatalf("delete = %v, file still there", got)
		}
	})
}

func TestUndo_NothingToUndo(t *testing.T) {
	h := newHarness(t, api.Config{})
	r := h.post(`mutation { undo { kind library paths } }`, nil)
	if r.code() != api.CodeInvalidArgument {
		t.Fatalf("errors %+v, want INVALID_ARGUMENT", r.Errors)
	}
	if msg := r.Errors[0].Message; !strings.Contains(msg, "nothing to undo") || strings.Contains(msg, "library root") {
		t.Fatalf("message %q, want one that says there is nothing to undo and names no path", msg)
	}
	if got := string(r.Data["undo"]); got != "" && got != "null" {
		t.Fatalf("data.undo = %s, want null", got)
	}
}
