// Package imageurl builds the imagor paths the app asks its engine for. Paths are pure ASCII: a
// key with any byte outside [A-Za-z0-9._/-] goes out in imagor's "b64:" form, because imagor
// query-unescapes the image part ("+" reads as a space) and passes "#", "%", "?" and its own
// keywords through unchanged.
package imageurl

import (
	"encoding/base64"
	"net/url"
	"strconv"
)

// Thumbnail sizes, in pixels on the longer side. The grid picks the smallest one that covers a
// tile at the screen's pixel ratio, so a size slider never renders a new set.
const (
	ThumbnailSize      = 256
	ThumbnailLargeSize = 512
	PreviewSize        = 2048
)

// EncodeImage returns the image part of an imagor path for key: key itself when every byte is in
// the safe set, and "b64:" plus its unpadded base64url form otherwise.
func EncodeImage(key string) string {
	for i := 0; i < len(key); i++ {
		if !isSafe(key[i]) {
			return "b64:" + base64.RawURLEncoding.EncodeToString([]byte(key))
		}
	}
	return key
}

func isSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	case c == '.' || c == '_' || c == '/' || c == '-':
		return true
	}
	return false
}

// Path returns the unsafe imagor path for the operations ops ("" for the original) applied to key,
// with the file version as a query so a changed file never hits a cached response. imagor ignores
// the query.
func Path(ops, key, version string) string {
	p := "/unsafe/"
	if ops != "" {
		p += ops + "/"
	}
	p += EncodeImage(key)
	if version != "" {
		p += "?v=" + url.QueryEscape(version)
	}
	return p
}

// Thumbnail returns the path of a WebP thumbnail that fits in size x size.
func Thumbnail(key, version string, size int) string {
	return Path(fitIn(size)+"/filters:format(webp):quality(80)", key, version)
}

// Preview returns the path of the viewer's fitted image. It keeps the source format for GIF and
// WebP, so animations stay animated, and sends everything else as WebP.
func Preview(key, version string, animated bool) string {
	if animated {
		return Path(fitIn(PreviewSize), key, version)
	}
	return Path(fitIn(PreviewSize)+"/filters:format(webp):quality(90)", key, version)
}

// Original returns the path of the full-resolution image. A format every webview shows (JPEG,
// PNG, GIF, WebP) goes out as stored; anything else is converted to PNG.
func Original(key, version string, webviewFormat bool) string {
	if webviewFormat {
		return Path("", key, version)
	}
	return Path("filters:format(png)", key, version)
}

// Meta returns the path of imagor's JSON metadata for key.
func Meta(key, version string) string {
	return Path("meta", key, version)
}

func fitIn(size int) string {
	return "fit-in/" + strconv.Itoa(size) + "x" + strconv.Itoa(size)
}
