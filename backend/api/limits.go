package api

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// depthLimit rejects an operation whose fields nest deeper than max. Introspection fields
// (__schema, __type) are not counted, because the standard introspection query of GraphQL
// clients nests its type references deeper than any query of the schema itself.
type depthLimit struct {
	max int
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
	if depth := selectionDepth(op.SelectionSet, opCtx.Doc.Fragments, map[string]bool{}); depth > d.max {
		err := gqlerror.Errorf("operation has depth %d, which exceeds the limit of %d", depth, d.max)
		err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

// selectionDepth returns how deep fields nest in set; fragments count as their fields. seen
// stops a fragment that spreads itself, which validation already rejects.
func selectionDepth(set ast.SelectionSet, fragments ast.FragmentDefinitionList, seen map[string]bool) int {
	deepest := 0
	for _, sel := range set {
		depth := 0
		switch s := sel.(type) {
		case *ast.Field:
			if len(s.Name) > 1 && s.Name[:2] == "__" && s.Name != "__typename" {
				continue
			}
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
