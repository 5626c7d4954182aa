// Package model contains the Go types of the GraphQL API's schema. gqlgen writes most of them
// into models_gen.go from backend/api/schema; the ones in other files are bound to the schema in
// gqlgen.yml, so their fields can carry values the schema does not expose.
package model

import "time"

// Entry is one item of a folder page. Library and Version are not in the schema: the width,
// height and thumbnailUrl resolvers need them.
type Entry struct {
	Name       string    `json:"name"`
	Path       string    `json:"path"`
	Kind       string    `json:"kind"`
	Size       int64     `json:"size"`
	ModifiedAt time.Time `json:"modifiedAt"`
	Library    string    `json:"-"`
	Version    string    `json:"-"`
}
