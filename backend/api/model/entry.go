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
