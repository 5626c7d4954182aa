package api

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// The schema's own types do not nest 13 deep, so this checks the plain field limit on parsed,
// unvalidated documents.
func TestDepthLimit_Fields(t *testing.T) {
	limit := depthLimit{max: MaxDepth, maxIntrospection: MaxIntrospectionDepth, maxSchemaFields: MaxSchemaFields}
	nested := func(n int) string {
		return "{ " + strings.Repeat("a { ", n-1) + "b" + strings.Repeat(" }", n-1) + " }"
	}
	cases := []struct {
		name, query string
		ok          bool
	}{
		{"OKAtLimit", nested(MaxDepth), true},
		{"ErrOverLimit", nested(MaxDepth + 1), false},
		{"ErrThroughFragment", "{ a { ...F } } fragment F on T " + nested(MaxDepth), false},
		{"ErrInlineFragment", "{ ... on Q " + nested(MaxDepth+1) + " }", false},
		{"OKIntrospectionDeeper", "{ __schema " + nested(MaxDepth+1) + " }", true},
		{"ErrIntrospectionOverItsLimit", "{ __schema " + nested(MaxIntrospectionDepth) + " }", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: c.query})
			if err != nil {
				t.Fatal(err)
			}
			gotErr := limit.MutateOperationContext(context.Background(), &graphql.OperationContext{Doc: doc})
			if (gotErr == nil) != c.ok {
				t.Fatalf("%s: error %v, want ok=%v", c.query, gotErr, c.ok)
			}
		})
	}
}
