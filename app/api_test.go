package app_test

import (
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/imagor-studio/desktop/app"
)

// apiEquivalents maps each bound method to the GraphQL field ("Query.x" or "Mutation.x") that
// does the same for scripts.
var apiEquivalents = map[string]string{
	"Gallery.AddLibrary":     "Mutation.addLibrary",
	"Gallery.AddS3Library":   "Mutation.addS3Library",
	"Gallery.EngineInfo":     "Query.about",
	"Gallery.Folders":        "Query.folder",
	"Gallery.Libraries":      "Query.libraries",
	"Gallery.List":           "Query.folder",
	"Gallery.MoveLibrary":    "Mutation.moveLibrary",
	"Gallery.Opened":         "Mutation.markOpened",
	"Gallery.Recent":         "Query.recentFiles",
	"Gallery.RemoveLibrary":  "Mutation.removeLibrary",
	"Gallery.RenameLibrary":  "Mutation.renameLibrary",
	"Gallery.Rescan":         "Mutation.rescan",
	"Gallery.TestS3":         "Mutation.testS3",
	"Settings.About":         "Query.about",
	"Settings.DeleteProfile": "Mutation.deleteProfile",
	"Settings.KeyStatus":     "Query.keyStatus",
	"Settings.Preferences":   "Query.preferences",
	"Settings.Profiles":      "Query.profiles",
	"Settings.RemoteStatus":  "Query.remoteStatus",
	"Settings.SaveProfile":   "Mutation.saveProfile",
	"Settings.SetPreference": "Mutation.setPreference",
	"Editor.Copy":            "Query.editorPath",
	"Editor.CopyImage":       "Query.imageUrl",
	"Editor.DiscardSession":  "Mutation.discardEditorSession",
	"Editor.Export":          "Mutation.export",
	"Editor.Open":            "Query.editorSession",
	"Editor.Render":          "Query.editorPath",
	"Editor.SaveSession":     "Mutation.saveEditorSession",
	"Files.Copy":             "Mutation.copy",
	"Files.CopyPath":         "Query.localPath",
	"Files.CreateFolder":     "Mutation.createFolder",
	"Files.Delete":           "Mutation.delete",
	"Files.Duplicate":        "Mutation.duplicate",
	"Files.Import":           "Mutation.importFiles",
	"Files.Move":             "Mutation.move",
	"Files.Rename":           "Mutation.rename",
	"Files.Trash":            "Mutation.trash",
	"Files.Undo":             "Mutation.undo",
	"Files.UndoLabel":        "Query.undoLabel",
}

// apiExclusions are the bound methods with no GraphQL field, and why.
var apiExclusions = map[string]string{
	"Gallery.ChooseFolder": "shows the native folder dialog of the window; addLibrary takes the path",
	"Gallery.OpenDropped":  "handles paths dropped onto the window; addLibrary and importFiles take them",
	"Gallery.Start":        "returns the window's first-render state (start screen messages, platform)",
	"Gallery.WatchFolders": "tells the watcher which folders the window shows, whose events go to the window only",
	"Media.Status":         "reports whether the window's viewer can show video frames; the API serves images",
	"Media.VideoURL":       "returns a URL of the window's own video server for its <video> element",
	"Files.Cancel":         "cancels a window operation by id; an API client cancels by closing its request",
	"Files.OpenDefault":    "opens a file in the desktop's default app, on the screen of the window",
	"Files.Reveal":         "shows a file in the desktop's file manager, on the screen of the window",
	"API.RotateToken":      "a client must not replace the token of the server it talks to; the settings page does",
	"API.SetEnabled":       "a client must not turn off the server it talks to; the settings page does",
	"API.SetPort":          "a client must not move the server it talks to; the settings page does",
	"API.Status":           "returns the token itself, for the settings page; Query.server has the address",
}

func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "backend", "api", "schema", "*.graphqls"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no schema files under backend/api/schema: %v", err)
	}
	var sources []*ast.Source
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: f, Input: string(data)})
	}
	schema, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		t.Fatalf("load the schema: %v", err)
	}
	return schema
}

func TestBindings_HaveAPIEquivalents(t *testing.T) {
	schema := loadSchema(t)
	bound := map[string]bool{}
	a := app.New(app.Services{Logger: slog.New(slog.DiscardHandler)})
	for _, b := range a.Bindings() {
		typ := reflect.TypeOf(b)
		for i := range typ.NumMethod() {
			name := typ.Elem().Name() + "." + typ.Method(i).Name
			bound[name] = true
			field, mapped := apiEquivalents[name]
			reason, excluded := apiExclusions[name]
			switch {
			case mapped && excluded:
				t.Errorf("%s is both mapped to %s and excluded (%s): keep one", name, field, reason)
			case excluded:
				continue
			case !mapped:
				t.Errorf("bound method %s has no GraphQL equivalent: add a field to backend/api/schema "+
					"and map it in apiEquivalents, or give the reason in apiExclusions", name)
			default:
				typeName, fieldName, _ := strings.Cut(field, ".")
				def := schema.Types[typeName]
				if def == nil || def.Fields.ForName(fieldName) == nil {
					t.Errorf("%s maps to %s, which the schema does not have", name, field)
				}
			}
		}
	}
	for name := range apiEquivalents {
		if !bound[name] {
			t.Errorf("apiEquivalents lists %s, which is not a bound method any more", name)
		}
	}
	for name := range apiExclusions {
		if !bound[name] {
			t.Errorf("apiExclusions lists %s, which is not a bound method any more", name)
		}
	}
}
