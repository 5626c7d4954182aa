package editor

import (
	"encoding/json"
	"fmt"
)

// SourceMetaPath returns the engine path whose JSON describes the stored image of key. Fit-in
// without a size and rotate(0) make imagor load the file without auto-rotation and leave it as
// it is, so the metadata has the stored size and the EXIF orientation.
func SourceMetaPath(key string) string {
	return "/unsafe/meta/fit-in/filters:rotate(0)/" + ImageKey(key)
}

// MetaPath returns the engine path of imagor's metadata of ops applied to key, whose width and
// height are the size the operations produce.
func MetaPath(ops, key string) string {
	if ops == "" {
		return "/unsafe/meta/" + ImageKey(key)
	}
	return "/unsafe/meta/" + ops + "/" + ImageKey(key)
}

// Meta is the part of imagor's metadata the editor reads.
type Meta struct {
	Format      string `json:"format"`
	Width       int    `json:"width"`
	Height      int    `json:"height"`
	Orientation int    `json:"orientation"`
}

// ParseMeta decodes imagor's metadata JSON.
func ParseMeta(data []byte) (Meta, error) {
	var m Meta
	if err := json.Unmarshal(data, &m); err != nil {
		return Meta{}, fmt.Errorf("decode imagor metadata: %w", err)
	}
	if m.Width <= 0 || m.Height <= 0 {
		return Meta{}, fmt.Errorf("decode imagor metadata: size %dx%d has no pixels", m.Width, m.Height)
	}
	return m, nil
}

// SourceOf returns the source described by the metadata of SourceMetaPath.
func SourceOf(m Meta) Source {
	src := Source{Width: m.Width, Height: m.Height, Orientation: m.Orientation, Format: m.Format}
	if swapsSides(m.Orientation) {
		src.Width, src.Height = m.Height, m.Width
	}
	return src
}

// PreviewKey returns the image key of preview frames for rel in a library at a file version:
// "<library-id>@<version>/<rel>". imagor's in-memory image cache is keyed by image key only, so
// a new version misses it, and the engine's loader drops the version. Old versions leave the
// cache when its TTL runs out or its byte budget evicts them.
func PreviewKey(libraryID, version, rel string) string {
	return libraryID + "@" + version + "/" + rel
}
