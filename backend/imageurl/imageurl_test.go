package imageurl_test

import (
	"encoding/base64"
	"strings"
	"testing"

	"github.com/cshum/imagor/imagorpath"

	"github.com/imagor-studio/desktop/backend/imageurl"
)

func TestEncodeImage(t *testing.T) {
	tests := []struct {
		key  string
		want string
	}{
		{"abc123/photos/IMG_0001.jpg", "abc123/photos/IMG_0001.jpg"},
		{"abc123/a b.jpg", "b64:" + base64.RawURLEncoding.EncodeToString([]byte("abc123/a b.jpg"))},
		{"abc123/a+b.jpg", "b64:" + base64.RawURLEncoding.EncodeToString([]byte("abc123/a+b.jpg"))},
		{"abc123/été.jpg", "b64:" + base64.RawURLEncoding.EncodeToString([]byte("abc123/été.jpg"))},
	}
	for _, tt := range tests {
		if got := imageurl.EncodeImage(tt.key); got != tt.want {
			t.Errorf("EncodeImage(%q)=%q, want %q", tt.key, got, tt.want)
		}
	}
}

// TestPath_ParsesBack checks that imagor's own parser reads each built path back to the same key
// and operations, for names that imagor would otherwise misread.
func TestPath_ParsesBack(t *testing.T) {
	keys := []string{
		"abc/plain.jpg", "abc/a b.jpg", "abc/a+b.jpg", "abc/100%.jpg", "abc/%2B.jpg", "abc/q?.jpg",
		"abc/#1.jpg", "abc/a,b.jpg", "abc/(1).jpg", "abc/fit-in/x.jpg", "abc/meta/x.jpg",
		"abc/1920x1080/x.jpg", "abc/trim/x.jpg", "abc/smart/x.jpg", "abc/filters:blur(5)/x.jpg",
		"abc/日本.jpg", "abc/ leading.jpg", "abc/b64:abc.jpg", "abc/😀.png",
	}
	for _, key := range keys {
		p := imageurl.Thumbnail(key, "v1-2", imageurl.ThumbnailSize)
		for i := 0; i < len(p); i++ {
			if p[i] > 0x7e || p[i] < 0x21 {
				t.Errorf("Thumbnail(%q)=%q has a non-ASCII or space byte", key, p)
				break
			}
		}
		path, _, _ := strings.Cut(p, "?")
		params := imagorpath.Parse(path)
		if params.Image != key {
			t.Errorf("Parse(%q).Image=%q, want %q", path, params.Image, key)
		}
		if !params.FitIn || params.Width != 256 || params.Height != 256 {
			t.Errorf("Parse(%q): fit-in %v %dx%d, want fit-in 256x256", path, params.FitIn, params.Width, params.Height)
		}
	}
}

func TestPath_Version(t *testing.T) {
	got := imageurl.Path("", "abc/a.jpg", "1a-2b")
	if got != "/unsafe/abc/a.jpg?v=1a-2b" {
		t.Errorf("Path=%q", got)
	}
	if got := imageurl.Meta("abc/a.jpg", ""); got != "/unsafe/meta/abc/a.jpg" {
		t.Errorf("Meta=%q", got)
	}
}
