package api_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/api"
)

// TestSchema_GraphQLJS checks the introspection result with graphql-js's buildClientSchema in
// schemacheck/ (its own package.json and package-lock.json).
func TestSchema_GraphQLJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("node not found on PATH: %v; install Node 20", err)
	}
	dir, err := filepath.Abs("schemacheck")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphql")); err != nil {
		install := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
		install.Dir = dir
		if out, err := install.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
		}
	}
	h := newHarness(t, api.Config{})
	cmd := exec.Command(node, "check.mjs")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "API_URL="+h.URL+"/graphql", "API_TOKEN="+testToken)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node check.mjs: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "schemacheck: ok") {
		t.Fatalf("node check.mjs printed %q, want schemacheck: ok", out)
	}
	t.Log(strings.TrimSpace(string(out)))
}
