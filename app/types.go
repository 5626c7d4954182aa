package app

// Library is an open folder, as the UI shows it in the sidebar.
type Library struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Path string `json:"path"`
}

// Entry is one item of a folder listing. The URL fields are paths on the app's own asset server
// (they start with /imagor/) and are empty for entries that have no picture.
type Entry struct {
	Name           string `json:"name"`
	Path           string `json:"path"` // relative to the library root, slash-separated
	Kind           string `json:"kind"` // folder, image, video or other
	Size           int64  `json:"size"`
	ModTime        int64  `json:"modTime"` // Unix milliseconds
	Thumbnail      string `json:"thumbnail"`
	ThumbnailLarge string `json:"thumbnailLarge"`
	Preview        string `json:"preview"`
	Original       string `json:"original"`
	Meta           string `json:"meta"`
}

// ListRequest selects a page of a folder.
type ListRequest struct {
	Library string `json:"library"`
	Path    string `json:"path"`   // "" is the library root
	Sort    string `json:"sort"`   // name, modified or size
	Desc    bool   `json:"desc"`   // descending; folders stay first
	Filter  string `json:"filter"` // case-insensitive part of the name
	Offset  int    `json:"offset"`
	Limit   int    `json:"limit"` // 0 means to the end
}

// ListPage is one page of a folder listing.
type ListPage struct {
	Library string  `json:"library"`
	Path    string  `json:"path"`
	Entries []Entry `json:"entries"`
	Total   int     `json:"total"` // entries that pass the filter in the whole folder
	Offset  int     `json:"offset"`
}

// Location is a place to open at start: a folder of a library, and optionally a file in it.
type Location struct {
	Library string `json:"library"`
	Path    string `json:"path"`
	Select  string `json:"select"` // path of the file to focus, or ""
}

// StartState is what the UI needs on its first render.
type StartState struct {
	Libraries []Library `json:"libraries"`
	Open      *Location `json:"open"`     // nil opens the first library, or the start screen
	Platform  string    `json:"platform"` // GOOS
	Errors    []string  `json:"errors"`   // command-line paths that could not be opened
}

// EngineInfo reports the engine's versions for the about box.
type EngineInfo struct {
	Imagor string `json:"imagor"`
	Vips   string `json:"vips"`
	Pid    int    `json:"pid"`
}
