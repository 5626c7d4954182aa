package app

import (
	"fmt"
	"path"
	"time"

	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/video"
)

// NoFFmpegMessage is shown once, in the gallery and in the viewer, when videos get no thumbnails.
const NoFFmpegMessage = video.NoFFmpegAdvice

// Media is bound to the frontend: video playback and what the app can show of media files.
type Media struct {
	app *App
}

// MediaStatus is the state of video support that the UI shows.
type MediaStatus struct {
	FFmpeg        bool   `json:"ffmpeg"`        // video thumbnails are made
	FFmpegMessage string `json:"ffmpegMessage"` // the advice shown when FFmpeg is false, else ""
}

// Status returns whether video thumbnails are made, and what to do when they are not.
func (m *Media) Status() MediaStatus {
	status := MediaStatus{FFmpeg: m.app.svc.FFmpeg != ""}
	if !status.FFmpeg {
		status.FFmpegMessage = NoFFmpegMessage
	}
	return status
}

// VideoURL returns the loopback URL the webview's <video> element plays the video file at
// path (slash-separated, inside the library) from. Only videos of folder libraries play.
func (m *Media) VideoURL(libraryID, rel string) (string, error) {
	clean, err := library.CleanRel(rel)
	if err != nil {
		return "", userError(err)
	}
	if listing.KindOf(clean) != listing.KindVideo {
		return "", fmt.Errorf("%s is not a video file (MP4, MOV, WebM or MKV)", rel)
	}
	lib, err := m.app.svc.Libraries.Get(libraryID)
	if err != nil {
		return "", userError(err)
	}
	if lib.Kind != library.KindFolder {
		return "", fmt.Errorf("%s is in the S3 library %s: videos play from folder libraries only; "+
			"download the file to a folder to play it", path.Base(clean), lib.Name)
	}
	if m.app.svc.Media == nil {
		return "", fmt.Errorf("the video server is not running: restart the app to play %s", path.Base(clean))
	}
	return m.app.svc.Media.URL(libraryID, clean), nil
}

// videoEntry adds the frame URLs to a video entry. The frames come from the engine's ffmpeg.
func videoEntry(libraryID string, e listing.Entry, out Entry) Entry {
	key := library.Key(libraryID, e.Path)
	out.Thumbnail = imagehandler.Prefix + imageurl.Thumbnail(key, e.Version, imageurl.ThumbnailSize)
	out.ThumbnailLarge = imagehandler.Prefix + imageurl.Thumbnail(key, e.Version, imageurl.ThumbnailLargeSize)
	out.Preview = imagehandler.Prefix + imageurl.Preview(key, e.Version, false)
	return out
}

// withMedia adds the length of a video entry and drops its frame URLs when there is no ffmpeg
// or the library is an S3 bucket, which the engine's ffmpeg cannot read. The gallery then shows
// a video tile and one notice, not an error on every tile.
func (a *App) withMedia(libraryID string, out Entry) Entry {
	if out.Kind != string(listing.KindVideo) {
		return out
	}
	lib, err := a.svc.Libraries.Get(libraryID)
	if a.svc.FFmpeg == "" || err != nil || lib.Kind != library.KindFolder {
		out.Thumbnail, out.ThumbnailLarge, out.Preview = "", "", ""
	}
	if err != nil || lib.Kind != library.KindFolder {
		return out
	}
	if root, err := a.svc.Libraries.Root(libraryID); err == nil {
		modTime := time.UnixMilli(out.ModTime)
		out.Duration = a.durations.Of(libraryID, root, out.Path, out.Size, modTime).Milliseconds()
	}
	return out
}
