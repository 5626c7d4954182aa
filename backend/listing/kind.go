package listing

import (
	"path"
	"strings"

	"github.com/imagor-studio/desktop/backend/rawpreview"
)

// Kind is what an entry is, for the gallery.
type Kind string

// Entry kinds.
const (
	KindFolder Kind = "folder"
	KindImage  Kind = "image"
	KindVideo  Kind = "video"
	KindOther  Kind = "other"
)

// imageExtensions are the formats the bundled libvips decodes. HEIC is listed because AV1-coded
// HEIF files decode; HEVC-coded ones fail with a clear error tile.
var imageExtensions = map[string]bool{
	".jpg": true, ".jpeg": true, ".jpe": true, ".jfif": true, ".png": true, ".webp": true,
	".avif": true, ".heif": true, ".heic": true, ".hif": true, ".gif": true, ".tif": true,
	".tiff": true, ".svg": true,
}

var videoExtensions = map[string]bool{
	".mp4": true, ".m4v": true, ".mov": true, ".webm": true, ".mkv": true,
}

// KindOf returns the kind of a file from its name. Camera RAW files are images: the engine
// shows their embedded JPEG preview.
func KindOf(name string) Kind {
	ext := strings.ToLower(path.Ext(name))
	switch {
	case imageExtensions[ext] || rawpreview.IsRaw(name):
		return KindImage
	case videoExtensions[ext]:
		return KindVideo
	}
	return KindOther
}
