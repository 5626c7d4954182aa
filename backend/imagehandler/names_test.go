package imagehandler_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "golang.org/x/image/webp" // registers the WebP decoder for image.DecodeConfig

	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
	"github.com/imagor-studio/desktop/backend/listing"
)

// trickyNames are file paths, relative to a library, that a URL or imagor's path syntax could
// misread. Each gets an image of its own size, so a request that reaches the wrong file fails.
var trickyNames = []string{
	"plain.png",
	"space name.png",
	"a b.png",
	"a+b.png",
	"plus+sign.png",
	"percent%.png",
	"percent%2B.png",
	"%20.png",
	"%2e%2e",
	"question?.png",
	"hash#.png",
	"comma,.png",
	"open(.png",
	"close).png",
	"amp&.png",
	"semi;.png",
	"equals=.png",
	"apostrophe'.png",
	`quote".png`,
	"less<.png",
	"greater>.png",
	"colon:.png",
	"at@.png",
	"tilde~.png",
	"dollar$.png",
	"star*.png",
	"backslash\\.png",
	"tab\t.png",
	"фото.png",
	"照片.png",
	"صورة.png",
	"caf\u00e9.png",  // é as one code point (NFC)
	"cafe\u0301.png", // e and a combining acute accent (NFD)
	"emoji 😀.png",
	" leading space.png",
	"trailing space .png",
	"b64:name.png",
	"b64:aGVsbG8.png",
	"unsafe/a.png",
	"fit-in/a.png",
	"full-fit-in/a.png",
	"adaptive-fit-in/a.png",
	"smart/a.png",
	"meta/a.png",
	"middle/a.png",
	"trim/a.png",
	"left/top/a.png",
	"1920x1080/a.png",
	"fit-in/256x256/a.png",
	"10x10:20x20/a.png",
	"filters:blur(5)/a.png",
	"filters:format(jpeg)/a.png",
	"params/a.png",
	"http:/a.png",
	"x.jpg.png",
	"UPPER.PNG",
	strings.Repeat("long-name-of-letters-and-dashes-", 7) + "end.png",
}

// TestHandler_Names writes one PNG per tricky name, fetches its original and its thumbnail
// through the handler with the URLs the grid builds, and checks that each decoded image has
// the size of its own file.
func TestHandler_Names(t *testing.T) {
	dir := t.TempDir()
	id := library.IDFor(dir)
	type fixture struct {
		rel          string
		key, version string
		w, h         int
	}
	var fixtures []fixture
	for i, rel := range trickyNames {
		w, h := 100+i, 50+i
		MustWriteFile(t, dir, rel, MustPNG(t, w, h))
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		clean, err := library.CleanRel(rel)
		if err != nil {
			t.Fatalf("CleanRel(%q): %v", rel, err)
		}
		fixtures = append(fixtures, fixture{rel, library.Key(id, clean), listing.Version(info), w, h})
	}
	// NFC and NFD "é" must be two files, or the test would not tell them apart.
	if _, err := os.Stat(filepath.Join(dir, "caf\u00e9.png")); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	cafes := 0
	for _, entry := range entries {
		if strings.HasPrefix(entry.Name(), "caf") {
			cafes++
		}
	}
	if cafes != 2 {
		t.Fatalf("the file system stored %d files for the NFC and NFD names, want 2", cafes)
	}

	base := MustServer(t, MustEngine(t, map[string]string{id: dir}), MustCache(t))
	for _, f := range fixtures {
		t.Run(f.rel, func(t *testing.T) {
			urls := []struct {
				name       string
				path       string
				wantFormat string
			}{
				{"Original", imageurl.Original(f.key, f.version, true), "png"},
				{"Thumbnail", imageurl.Thumbnail(f.key, f.version, imageurl.ThumbnailSize), "webp"},
			}
			for _, u := range urls {
				if !isPrintableASCII(u.path) {
					t.Errorf("%s URL %q has a byte outside printable ASCII", u.name, u.path)
				}
				resp := MustFetch(t, "GET", base+imagehandler.Prefix+u.path)
				if resp.Status != 200 {
					t.Errorf("%s %s status=%d body=%s, want 200", u.name, u.path, resp.Status, resp.Body)
					continue
				}
				cfg, format := MustDecodeConfig(t, resp.Body)
				if format != u.wantFormat {
					t.Errorf("%s format=%q, want %q", u.name, format, u.wantFormat)
				}
				if cfg.Width != f.w || cfg.Height != f.h {
					t.Errorf("%s size=%dx%d, want %dx%d (the size of %q)", u.name, cfg.Width, cfg.Height, f.w, f.h, f.rel)
				}
			}
		})
	}
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
