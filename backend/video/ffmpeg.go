// Package video makes video files visible in the gallery: it finds the system ffmpeg, grabs a
// frame of a clip for its thumbnail, and serves clips to the webview's media player from a
// loopback HTTP server. The server exists because WebKitGTK plays media through GStreamer, which
// cannot read the app's own wails:// scheme.
package video

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Disabled is the value of the -ffmpeg flag that turns video frames off.
const Disabled = "none"

// NoFFmpegAdvice is the sentence the gallery, the viewer and video tiles show when video tiles
// get no thumbnails because there is no ffmpeg. The app's image handler recognises the tiles'
// error from the engine by its "install ffmpeg" part.
const NoFFmpegAdvice = "Install ffmpeg to see video thumbnails"

// ErrNoFFmpeg means no ffmpeg executable was found or configured.
var ErrNoFFmpeg = errors.New("ffmpeg not found: install ffmpeg to see video thumbnails")

// Locate returns the absolute path of the ffmpeg executable: configured when it is not empty
// (a path, or a name looked up on PATH), else "ffmpeg" on PATH. It returns ErrNoFFmpeg when
// there is none, or when configured is Disabled.
func Locate(configured string) (string, error) {
	name := configured
	switch name {
	case Disabled:
		return "", ErrNoFFmpeg
	case "":
		name = "ffmpeg"
	}
	found, err := exec.LookPath(name)
	if err != nil {
		if configured != "" {
			return "", fmt.Errorf("%w: %q is not an executable (%v)", ErrNoFFmpeg, configured, err)
		}
		return "", ErrNoFFmpeg
	}
	abs, err := filepath.Abs(found)
	if err != nil {
		return "", fmt.Errorf("locate ffmpeg: %w", err)
	}
	return abs, nil
}

// Frame limits: a frame grab must finish and stay small whatever the clip is.
const (
	FrameTimeout  = 20 * time.Second
	MaxFrameBytes = 32 << 20
	maxFrameSide  = 2048
	maxStderr     = 4 << 10
)

// FrameOffset is how far into a clip the thumbnail frame is taken, past black lead-in frames.
// A shorter clip gets its first frame.
const FrameOffset = time.Second

// Frame runs ffmpeg on the open video file and returns one frame as a JPEG, at most 2048 pixels
// on the longer side, with the clip's rotation applied. The file goes to ffmpeg as an inherited
// descriptor, so its name never reaches a command line. ffmpeg runs without a shell, without
// standard input, for at most FrameTimeout, and its output is cut at MaxFrameBytes.
func Frame(ctx context.Context, ffmpeg string, file *os.File) ([]byte, error) {
	if ffmpeg == "" {
		return nil, ErrNoFFmpeg
	}
	frame, err := grab(ctx, ffmpeg, file, FrameOffset)
	if err == nil && len(frame) == 0 {
		// A clip shorter than FrameOffset yields nothing there: take its first frame.
		frame, err = grab(ctx, ffmpeg, file, 0)
	}
	if err != nil {
		return nil, err
	}
	if len(frame) == 0 {
		return nil, errors.New("ffmpeg found no video frame: the file has no video stream or is damaged")
	}
	return frame, nil
}

// inputURL is the video as ffmpeg reads it: the first extra file, fd 3.
const inputURL = "file:/dev/fd/3"

func grab(ctx context.Context, ffmpeg string, file *os.File, at time.Duration) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, FrameTimeout)
	defer cancel()

	scale := fmt.Sprintf("scale='if(gte(iw,ih),min(iw,%[1]d),-2)':'if(gte(iw,ih),-2,min(ih,%[1]d))'", maxFrameSide)
	args := []string{"-nostdin", "-hide_banner", "-loglevel", "error", "-threads", "1"}
	if at > 0 {
		args = append(args, "-ss", fmt.Sprintf("%.3f", at.Seconds()))
	}
	// The "file:" prefix of inputURL keeps ffmpeg from reading a protocol or an option out of
	// the argument.
	args = append(args, "-i", inputURL, "-map", "0:v:0", "-frames:v", "1", "-an", "-sn", "-dn",
		"-vf", scale, "-f", "image2pipe", "-c:v", "mjpeg", "-q:v", "3", "-strict", "-1", "pipe:1")
	cmd := exec.CommandContext(ctx, ffmpeg, args...)
	// NOTE: Windows has no ExtraFiles, so frames need another way to reach ffmpeg there; this
	// path is built and tested on Linux only.
	cmd.ExtraFiles = []*os.File{file}
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "LC_ALL=C"}
	stdout := &limitedBuffer{max: MaxFrameBytes}
	stderr := &limitedBuffer{max: maxStderr}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second

	// Each run reads from the start: ffmpeg's first run moved the shared file offset.
	if _, err := file.Seek(0, 0); err != nil {
		return nil, fmt.Errorf("rewind video: %w", err)
	}
	err := cmd.Run()
	switch {
	case stdout.overflow:
		return nil, fmt.Errorf("ffmpeg frame is larger than %d bytes", MaxFrameBytes)
	case ctx.Err() != nil:
		return nil, fmt.Errorf("ffmpeg did not finish within %s", FrameTimeout)
	case err != nil:
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		// ffmpeg names the input in its message, and its descriptor means nothing to a reader.
		return nil, fmt.Errorf("ffmpeg failed: %s", strings.TrimPrefix(lastLine(msg), inputURL+": "))
	}
	return stdout.Bytes(), nil
}

func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// limitedBuffer keeps the first max bytes written to it and records that more came.
type limitedBuffer struct {
	bytes.Buffer
	max      int
	overflow bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if room := b.max - b.Len(); len(p) > room {
		b.overflow = true
		b.Buffer.Write(p[:max(room, 0)])
		return 0, errors.New("output limit reached")
	}
	return b.Buffer.Write(p)
}
