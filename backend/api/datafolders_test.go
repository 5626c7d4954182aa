package api_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/api"
)

// dataFolder makes a folder like the app's data folder, with a config.db and a key file, and
// gives it to the server as its data folder.
func dataFolder(t *testing.T, h *harness) string {
	t.Helper()
	data := t.TempDir()
	for _, name := range []string{"config.db", "secret.key"} {
		if err := os.WriteFile(filepath.Join(data, name), []byte("private "+name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	h.Services.DataFolders = []string{data}
	return data
}

func TestImportFiles_DataFolder(t *testing.T) {
	h := newHarness(t, api.Config{})
	data := dataFolder(t, h)
	dir := photoFolder(t)
	lib := h.addLibrary(dir)
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(filepath.Join(data, "config.db"), link); err != nil {
		t.Fatal(err)
	}
	sources := map[string]string{
		"ErrConfigDB":   filepath.Join(data, "config.db"),
		"ErrKeyFile":    filepath.Join(data, "secret.key"),
		"ErrFolder":     data,
		"ErrParent":     filepath.Dir(data),
		"ErrLinkToFile": link,
	}
	for name, src := range sources {
		t.Run(name, func(t *testing.T) {
			r := h.post(`mutation($l: ID!, $s: String!) { importFiles(library: $l, folder: "", sources: [$s]) }`,
				map[string]any{"l": lib, "s": src})
			if r.code() != api.CodeInvalidArgument {
				t.Fatalf("import %s: errors %+v, want INVALID_ARGUMENT", src, r.Errors)
			}
			if got := r.Errors[0].Extensions["path"]; got != src {
				t.Fatalf("import %s: extensions.path = %v, want the source", src, got)
			}
		})
	}
	for _, name := range []string{"config.db", "secret.key", filepath.Base(data), "link.db"} {
		if exists(filepath.Join(dir, name)) {
			t.Errorf("%s was imported into the library", name)
		}
	}

	t.Run("OKBesideDataFolder", func(t *testing.T) {
		other := filepath.Join(filepath.Dir(data), filepath.Base(data)+"-photos")
		writeJPEG(t, filepath.Join(other, "e.jpg"), 40, 30)
		t.Cleanup(func() { os.RemoveAll(other) })
		var got []string
		h.ok(h.post(`mutation($l: ID!, $s: String!) { importFiles(library: $l, folder: "", sources: [$s]) }`,
			map[string]any{"l": lib, "s": other}), "importFiles", &got)
		if !exists(filepath.Join(dir, filepath.Base(other), "e.jpg")) {
			t.Fatalf("importFiles = %v, want the folder beside the data folder imported", got)
		}
	})
}

func TestExport_Target(t *testing.T) {
	h := newHarness(t, api.Config{})
	data := dataFolder(t, h)
	dir := photoFolder(t)
	lib := h.addLibrary(dir)
	export := func(target string, replace bool) gqlResponse {
		return h.post(`mutation($l: ID!, $t: String!, $r: Boolean) { export(library: $l, path: "b.jpg", ops: "fit-in/50x50", target: $t, replaceOriginal: $r) }`,
			map[string]any{"l": lib, "t": target, "r": replace})
	}

	for _, name := range []string{"config.db", "secret.key", "new.jpg"} {
		t.Run("ErrDataFolder/"+name, func(t *testing.T) {
			target := filepath.Join(data, name)
			before, _ := os.ReadFile(target)
			r := export(target, true)
			if r.code() != api.CodeInvalidArgument {
				t.Fatalf("export to %s: errors %+v, want INVALID_ARGUMENT", target, r.Errors)
			}
			if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
				t.Fatalf("%s changed", target)
			}
		})
	}
	t.Run("ErrExisting", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "notes.txt")
		if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := export(target, false)
		if r.code() != api.CodeAlreadyExists {
			t.Fatalf("export over an existing file: errors %+v, want ALREADY_EXISTS", r.Errors)
		}
		if got, _ := os.ReadFile(target); string(got) != "keep me" {
			t.Fatalf("the existing file now holds %q", got)
		}
	})
	t.Run("ErrOtherLibraryFile", func(t *testing.T) {
		target := filepath.Join(dir, "a.jpg")
		before, _ := os.ReadFile(target)
		if r := export(target, false); r.code() != api.CodeAlreadyExists {
			t.Fatalf("export over a.jpg: errors %+v, want ALREADY_EXISTS", r.Errors)
		}
		if after, _ := os.ReadFile(target); !bytes.Equal(before, after) {
			t.Fatal("a.jpg changed")
		}
	})
	t.Run("OKReplace", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "old.jpg")
		if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		var got string
		h.ok(export(target, true), "export", &got)
		if after, _ := os.ReadFile(target); string(after) == "old" {
			t.Fatal("export with replaceOriginal: true left the old file")
		}
	})
}

func TestAddLibrary_DataFolder(t *testing.T) {
	h := newHarness(t, api.Config{})
	data := dataFolder(t, h)
	if err := os.Mkdir(filepath.Join(data, "cache"), 0o700); err != nil {
		t.Fatal(err)
	}
	for _, folder := range []string{data, filepath.Join(data, "cache")} {
		r := h.post(`mutation($p: String!) { addLibrary(path: $p) { id } }`, map[string]any{"p": folder})
		if r.code() != api.CodeInvalidArgument {
			t.Errorf("addLibrary(%s): errors %+v, want INVALID_ARGUMENT", folder, r.Errors)
		}
	}
	if libs := h.Services.Libraries.List(); len(libs) != 0 {
		t.Fatalf("libraries = %+v, want none", libs)
	}
}
