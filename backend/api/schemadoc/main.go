// Command schemadoc writes the API's GraphQL schema, with its descriptions, into a Markdown file
// between the lines "<!-- schema:start -->" and "<!-- schema:end -->". `go tool task generate`
// runs it on docs/api.md; with -check it only reports whether the file is up to date.
//
// Usage: go run ./backend/api/schemadoc [-check] SCHEMA_DIR MARKDOWN_FILE
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
)

const (
	startMarker = "<!-- schema:start -->\n"
	endMarker   = "<!-- schema:end -->"
)

func main() {
	check := flag.Bool("check", false, "report whether the file is up to date instead of writing it")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: schemadoc [-check] SCHEMA_DIR MARKDOWN_FILE")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), flag.Arg(1), *check); err != nil {
		fmt.Fprintln(os.Stderr, "schemadoc:", err)
		os.Exit(1)
	}
}

func run(schemaDir, docPath string, check bool) error {
	sdl, err := Render(schemaDir)
	if err != nil {
		return err
	}
	doc, err := os.ReadFile(docPath)
	if err != nil {
		return err
	}
	updated, err := Replace(doc, sdl)
	if err != nil {
		return fmt.Errorf("%s: %w", docPath, err)
	}
	if check {
		if !bytes.Equal(doc, updated) {
			return fmt.Errorf("%s does not hold the current schema: run go tool task generate", docPath)
		}
		return nil
	}
	return os.WriteFile(docPath, updated, 0o644)
}

// Render returns the schema of the .graphqls files in dir as one SDL document, types in
// gqlparser's order, extensions merged into their types.
func Render(dir string) ([]byte, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.graphqls"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no .graphqls files in %s", dir)
	}
	sort.Strings(files)
	var sources []*ast.Source
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		sources = append(sources, &ast.Source{Name: filepath.Base(f), Input: string(data)})
	}
	schema, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		return nil, fmt.Errorf("load the schema: %w", err)
	}
	var buf bytes.Buffer
	formatter.NewFormatter(&buf, formatter.WithIndent("  ")).FormatSchema(schema)
	return buf.Bytes(), nil
}

// Replace returns doc with the text between the markers set to a graphql code block of sdl.
func Replace(doc, sdl []byte) ([]byte, error) {
	start := bytes.Index(doc, []byte(startMarker))
	end := bytes.Index(doc, []byte(endMarker))
	if start < 0 || end < start {
		return nil, fmt.Errorf("no %q line followed by a %q line", startMarker[:len(startMarker)-1], endMarker)
	}
	var out bytes.Buffer
	out.Write(doc[:start+len(startMarker)])
	out.WriteString("```graphql\n")
	out.Write(bytes.TrimSpace(sdl))
	out.WriteString("\n```\n")
	out.Write(doc[end:])
	return out.Bytes(), nil
}
