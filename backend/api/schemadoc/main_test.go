package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDocsHoldCurrentSchema(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	sdl, err := Render(filepath.Join(root, "backend", "api", "schema"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(root, "docs", "api.md"))
	if err != nil {
		t.Fatal(err)
	}
	updated, err := Replace(doc, sdl)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc, updated) {
		t.Fatal("docs/api.md does not hold the current schema: run go tool task generate")
	}
	if !strings.Contains(string(doc), "folder(") || !strings.Contains(string(doc), "imageUrl(") {
		t.Fatal("the schema in docs/api.md lacks folder and imageUrl")
	}
}

func TestReplace_NoMarkers(t *testing.T) {
	if _, err := Replace([]byte("no markers"), []byte("type Query")); err == nil {
		t.Fatal("Replace without markers returned no error")
	}
}
