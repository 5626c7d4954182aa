package app

// Library is an open folder, as the UI shows it in the sidebar.
type Library struct {
	ID   string `json:"id"`
	Kind string `json:"kind"` // folder or s3
	Name string `json:"name"`
	Path string `json:"path"` // a folder path, or s3://bucket/prefix
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
	// Raw marks a camera RAW file: its picture is the embedded JPEG preview.
	Raw bool `json:"raw"`
	// Duration is a video's length in milliseconds, from its container header; 0 when unknown.
	Duration int64 `json:"duration"`
}

// ListRequest selects a page of a folder.
type ListRequest struct {
	Library string `json:"library"`
	Path    string `json:"path"`   // "" is the library root
	Sort    string `json:"sort"`   // name, modified or size
	Desc    bool   `json:"desc"`   // descending; folders stay first
	Filter  string `json:"filter"` // case-insensitive part of the name
	Offset  int    `json:"offset"`
	Limit   int    `json:"limit"`  // 0 means to the end
	Select  string `json:"select"` // a file path whose index selectIndex reports, or ""
}

// ListPage is one page of a folder listing.
type ListPage struct {
	Library string  `json:"library"`
	Path    string  `json:"path"`
	Entries []Entry `json:"entries"`
	Total   int     `json:"total"` // entries that pass the filter in the whole folder
	Offset  int     `json:"offset"`
	// SelectIndex is the index of the request's select path in the sorted, filtered folder,
	// so the UI can fetch the page that holds it; -1 when it is not there.
	SelectIndex int `json:"selectIndex"`
}

// Location is a place to open at start: a folder of a library, and optionally a file in it.
type Location struct {
	Library string `json:"library"`
	Path    string `json:"path"`
	Select  string `json:"select"` // path of the file to focus, or ""
	Edit    bool   `json:"edit"`   // open Select in the editor, for a file given on the command line
}

// StartState is the data the UI needs for its first render.
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

// EditorBox is a rectangle in pixels.
type EditorBox struct {
	Left   int `json:"left"`
	Top    int `json:"top"`
	Width  int `json:"width"`
	Height int `json:"height"`
}

// EditorPoint is a position in source pixels.
type EditorPoint struct {
	X int `json:"x"`
	Y int `json:"y"`
}

// EditorRGB is a shift of each colour channel, -100 to 100.
type EditorRGB struct {
	R int `json:"r"`
	G int `json:"g"`
	B int `json:"b"`
}

// EditorBackground fills transparent pixels, the fit-in letterbox and the padding.
type EditorBackground struct {
	Kind  string `json:"kind"`  // none, color or transparent
	Color string `json:"color"` // #rrggbb, for kind color
}

// EditorPadding is space around the image in output pixels, on the sides of the output.
type EditorPadding struct {
	Left   int `json:"left"`
	Top    int `json:"top"`
	Right  int `json:"right"`
	Bottom int `json:"bottom"`
}

// EditorState is every edit of one image. Crop, Focal and Redact are in source pixels of the
// image as shown, after EXIF orientation. Flips apply before the rotation, as imagor does.
type EditorState struct {
	Crop        *EditorBox       `json:"crop"`
	Width       int              `json:"width"`  // 0 is automatic
	Height      int              `json:"height"` // 0 is automatic
	Mode        string           `json:"mode"`   // fit-in, cover, stretch or smart
	HAlign      string           `json:"hAlign"` // left, center or right
	VAlign      string           `json:"vAlign"` // top, middle or bottom
	Focal       *EditorPoint     `json:"focal"`  // cover only; overrides the alignment
	NoUpscale   bool             `json:"noUpscale"`
	FlipH       bool             `json:"flipH"`
	FlipV       bool             `json:"flipV"`
	Rotate      int              `json:"rotate"` // degrees clockwise: 0, 90, 180 or 270
	Brightness  int              `json:"brightness"`
	Contrast    int              `json:"contrast"`
	Saturation  int              `json:"saturation"`
	Hue         int              `json:"hue"`
	Grayscale   bool             `json:"grayscale"`
	Blur        float64          `json:"blur"`    // imagor's blur() argument, 0 is off
	Sharpen     float64          `json:"sharpen"` // imagor's sharpen() argument, 0 is off
	RoundCorner int              `json:"roundCorner"`
	Pixelate    int              `json:"pixelate"`
	RGB         EditorRGB        `json:"rgb"`
	Trim        bool             `json:"trim"`
	Redact      []EditorBox      `json:"redact"` // painted black; imagor's redact() needs a detector
	Background  EditorBackground `json:"background"`
	Padding     EditorPadding    `json:"padding"`
	Format      string           `json:"format"`   // "" keeps the source format
	Quality     int              `json:"quality"`  // 0 is the encoder's default
	MaxBytes    int              `json:"maxBytes"` // 0 is off
	StripExif   bool             `json:"stripExif"`
	StripIcc    bool             `json:"stripIcc"`
}

// EditorSource is the image the editor opened.
type EditorSource struct {
	Library      string       `json:"library"`
	Path         string       `json:"path"`
	Name         string       `json:"name"`
	Width        int          `json:"width"`  // after EXIF orientation
	Height       int          `json:"height"` // after EXIF orientation
	Orientation  int          `json:"orientation"`
	Format       string       `json:"format"`
	Raw          bool         `json:"raw"` // the source is a camera RAW file's embedded JPEG preview
	Version      string       `json:"version"`
	Original     string       `json:"original"`     // the unedited image fitted for the preview area
	Session      *EditorState `json:"session"`      // the saved state, or nil
	SessionStale bool         `json:"sessionStale"` // the file changed since the state was saved
}

// RenderRequest is the request for a preview frame and the URL of a state.
type RenderRequest struct {
	Library    string      `json:"library"`
	Path       string      `json:"path"`
	State      EditorState `json:"state"`
	ViewWidth  int         `json:"viewWidth"`  // preview area, device pixels
	ViewHeight int         `json:"viewHeight"` // preview area, device pixels
	Zoom       float64     `json:"zoom"`       // 0 fits; else 0.25 to 4, the output scale
	ViewX      int         `json:"viewX"`      // top-left of the visible region, output pixels
	ViewY      int         `json:"viewY"`
	Profile    string      `json:"profile"` // profile id for the signed URL, or ""
}

// PathPart is one segment of an imagor path and what it does.
type PathPart struct {
	Text        string `json:"text"`
	Explanation string `json:"explanation"`
}

// RenderResult is a preview frame and the URL that makes the real image.
type RenderResult struct {
	Preview      string     `json:"preview"` // /imagor/ path of the frame
	Path         string     `json:"path"`    // the imagor path to copy, /unsafe/...
	Parts        []PathPart `json:"parts"`   // Path split into segments
	OutputWidth  int        `json:"outputWidth"`
	OutputHeight int        `json:"outputHeight"`
	SignedURL    string     `json:"signedUrl"` // for the profile, "" without one
	Warning      string     `json:"warning"`
}

// CopyRequest is the request to copy a state's path or signed URL to the clipboard.
type CopyRequest struct {
	Library string      `json:"library"`
	Path    string      `json:"path"`
	State   EditorState `json:"state"`
	Profile string      `json:"profile"`
	Kind    string      `json:"kind"` // path or signed
}
