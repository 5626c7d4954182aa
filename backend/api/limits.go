package api

import (
	"context"
	"strings"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit rejects an operation whose fields nest deeper than max. The subtree of an
// introspection field (__schema, __type) has its own bound, maxIntrospection, because the
// standard introspection query of GraphQL clients (graphql-js 17 nests type references 9 deep,
// 14 fields in all) is deeper than any query of the schema itself. It also rejects more than
// maxSchemaFields fields under __schema, which gqlgen's complexity limit does not count, so
// aliases there cannot multiply the response.
type depthLimit struct {
	max, maxIntrospection, maxSchemaFields int
}

var (
	_ graphql.HandlerExtension        = depthLimit{}
	_ graphql.OperationContextMutator = depthLimit{}
)

func (depthLimit) ExtensionName() string { return "DepthLimit" }

func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(_ context.Context, opCtx *graphql.OperationContext) *gqlerror.Error {
	op := opCtx.Doc.Operations.ForName(opCtx.OperationName)
	if op == nil {
		return nil
	}
	schemaFields := 0
	for _, field := range rootFields(op.SelectionSet, opCtx.Doc.Fragments) {
		limit := d.max
		if strings.HasPrefix(field.Name, "__") && field.Name != "__typename" {
			limit = d.maxIntrospection
		}
		depth := 1 + selectionDepth(field.SelectionSet, opCtx.Doc.Fragments, map[string]bool{})
		if depth > limit {
			err := gqlerror.Errorf("operation has depth %d under %s, which exceeds the limit of %d", depth, field.Name, limit)
			err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"}
			return err
		}
		if field.Name == "__schema" {
			schemaFields += 1 + selectionCount(field.SelectionSet, opCtx.Doc.Fragments, map[string]bool{})
		}
	}
	if schemaFields > d.maxSchemaFields {
		err := gqlerror.Errorf("operation selects %d fields under __schema, which exceeds the limit of %d", schemaFields, d.maxSchemaFields)
		err.Extensions = map[string]any{"code": "COMPLEXITY_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

// selectionCount returns the number of fields in set with every fragment spread expanded, as
// they are executed. seen stops a fragment that spreads itself, which validation already rejects.
func selectionCount(set ast.SelectionSet, fragments ast.FragmentDefinitionList, seen map[string]bool) int {
	n := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			n += 1 + selectionCount(s.SelectionSet, fragments, seen)
		case *ast.InlineFragment:
			n += selectionCount(s.SelectionSet, fragments, seen)
		case *ast.FragmentSpread:
			if def := fragments.ForName(s.Name); def != nil && !seen[s.Name] {
				seen[s.Name] = true
				n += selectionCount(def.SelectionSet, fragments, seen)
				delete(seen, s.Name)
			}
		}
	}
	return n
}

// rootFields returns the top-level fields of set, looking into fragments.
func rootFields(set ast.SelectionSet, fragments ast.FragmentDefinitionList) []*ast.Field {
	var out []*ast.Field
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			out = append(out, s)
		case *ast.InlineFragment:
			out = append(out, rootFields(s.SelectionSet, fragments)...)
		case *ast.FragmentSpread:
			if def := fragments.ForName(s.Name); def != nil {
				out = append(out, rootFields(def.SelectionSet, fragments)...)
			}
		}
	}
	return out
}

// selectionDepth returns how deep fields nest in set; fragments count as their fields. seen
// stops a fragment that spreads itself, which validation already rejects.
func selectionDepth(set ast.SelectionSet, fragments ast.FragmentDefinitionList, seen map[string]bool) int {
	deepest := 0
	for _, sel := range set {
		depth := 0
		switch s := sel.(type) {
		case *ast.Field:
			depth = 1 + selectionDepth(s.SelectionSet, fragments, seen)
		case *ast.InlineFragment:
			depth = selectionDepth(s.SelectionSet, fragments, seen)
		case *ast.FragmentSpread:
			if seen[s.Name] {
				continue
			}
			if def := fragments.ForName(s.Name); def != nil {
				seen[s.Name] = true
				depth = selectionDepth(def.SelectionSet, fragments, seen)
				delete(seen, s.Name)
			}
		}
		deepest = max(deepest, depth)
	}
	return deepest
}

// unpagedCost is the complexity that folder entries returned beyond unsetPageComplexity add at
// run time, for the whole operation. folder without first returns every entry of the folder,
// which its static complexity cannot know.
type unpagedCost struct{ extra atomic.Int64 }

type unpagedCostKey struct{}

func withUnpagedCost(ctx context.Context) context.Context {
	return context.WithValue(ctx, unpagedCostKey{}, &unpagedCost{})
}

// checkUnpagedFolder adds the cost of the entries folder returned without first beyond the
// static estimate, and returns COMPLEXITY_LIMIT_EXCEEDED when the operation then exceeds
// MaxComplexity, so aliases of an unpaged folder cannot multiply a large folder.
func checkUnpagedFolder(ctx context.Context, path string, entries int) error {
	cost, _ := ctx.Value(unpagedCostKey{}).(*unpagedCost)
	field := graphql.GetFieldContext(ctx)
	if cost == nil || field == nil || !graphql.HasOperationContext(ctx) || entries <= unsetPageComplexity {
		return nil
	}
	opCtx := graphql.GetOperationContext(ctx)
	static := 0
	if stats, ok := opCtx.Stats.GetExtension("ComplexityLimit").(*extension.ComplexityStats); ok {
		static = stats.Complexity
	}

	// The static complexity counted each field under folder unsetPageComplexity times; only
	// the fields under entries grow with the folder.
	perEntry := 0
	for _, sub := range rootFields(field.Field.SelectionSet, opCtx.Doc.Fragments) {
		if sub.Name == "entries" {
			perEntry += 1 + selectionCount(sub.SelectionSet, opCtx.Doc.Fragments, map[string]bool{})
		}
	}
	total := int64(static) + cost.extra.Add(int64(perEntry*(entries-unsetPageComplexity)))
	if total <= MaxComplexity {
		return nil
	}
	err := gqlerror.Errorf("folder %q has %d entries, so the operation has complexity %d, which exceeds the limit of %d: "+
		"pass first and page with after", path, entries, total, MaxComplexity)
	err.Extensions = map[string]any{"code": "COMPLEXITY_LIMIT_EXCEEDED", "path": path}
	return err
}
