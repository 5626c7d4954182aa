package rootloader

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"sync"

	"github.com/cshum/imagor"

	"github.com/imagor-studio/desktop/backend/video"
)

// ErrNoFFmpeg is returned for a video key when the engine has no ffmpeg.
var ErrNoFFmpeg = imagor.NewError(video.NoFFmpegAdvice, http.StatusNotImplemented)

// Bounds of the frames kept in memory: the grid's two thumbnail sizes and the viewer's poster
// ask for the same frame within seconds.
const (
	frameCacheEntries = 16
	frameCacheBytes   = 64 << 20
)

// frames caches recent video frames by path, size and modification time.
type frames struct {
	mu    sync.Mutex
	order []string
	data  map[string][]byte
	bytes int
}

func (f *frames) get(key string) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	data, ok := f.data[key]
	return data, ok
}

func (f *frames) put(key string, data []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.data == nil {
		f.data = map[string][]byte{}
	}
	if _, ok := f.data[key]; ok {
		return
	}
	for len(f.order) > 0 && (len(f.order) >= frameCacheEntries || f.bytes+len(data) > frameCacheBytes) {
		f.bytes -= len(f.data[f.order[0]])
		delete(f.data, f.order[0])
		f.order = f.order[1:]
	}
	f.order = append(f.order, key)
	f.data[key] = data
	f.bytes += len(data)
}

// SetFFmpeg sets the ffmpeg executable that grabs video frames; "" turns video frames off, and
// video keys then fail with ErrNoFFmpeg.
func (l *Loader) SetFFmpeg(path string) {
	l.mu.Lock()
	l.ffmpeg = path
	l.mu.Unlock()
}

// videoBlob returns a JPEG frame of the video file name, grabbed by ffmpeg.
func (l *Loader) videoBlob(r *http.Request, root *os.Root, id, name string, info os.FileInfo) (*imagor.Blob, error) {
	l.mu.RLock()
	ffmpeg := l.ffmpeg
	l.mu.RUnlock()
	if ffmpeg == "" {
		return nil, ErrNoFFmpeg
	}
	cacheKey := fmt.Sprintf("%s/%s\x00%d\x00%d", id, name, info.Size(), info.ModTime().UnixNano())
	frame, ok := l.frames.get(cacheKey)
	if !ok {
		file, err := root.Open(name)
		if err != nil {
			return nil, mapError(err)
		}
		defer file.Close()
		ctx := context.Background()
		if r != nil {
			ctx = r.Context()
		}
		frame, err = video.Frame(ctx, ffmpeg, file)
		if err != nil {
			if errors.Is(err, video.ErrNoFFmpeg) {
				return nil, ErrNoFFmpeg
			}
			return nil, imagor.NewError("video frame: "+err.Error(), http.StatusUnprocessableEntity)
		}
		l.frames.put(cacheKey, frame)
	}
	blob := imagor.NewBlobFromBytes(frame)
	blob.Stat = &imagor.Stat{Size: int64(len(frame)), ModifiedTime: info.ModTime()}
	return blob, nil
}
