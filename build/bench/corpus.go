package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Corpus sets. The ratios in the report compare peers on setPhotos.
const (
	setPhotos     = "photos-12mp"
	setWallpapers = "wallpapers"
	setFormats    = "formats"
)

// corpusFile is one source image.
type corpusFile struct {
	Rel      string // slash-separated path under the corpus folder, also the imagor image key
	Path     string // absolute path
	Animated bool   // every frame is rendered, as imagor does for a GIF
	Bytes    int64
}

// corpusSet is a named group of files that is measured on its own.
type corpusSet struct {
	Name  string
	Files []corpusFile
}

// corpus is the folder every peer reads.
type corpus struct {
	Dir    string
	Sets   []corpusSet
	Digest string // SHA-256 over every file's name and content, to tell runs on other files apart
}

// generated describes one synthetic file made by the floor program.
type generated struct {
	kind          string
	seed          int
	width, height int
	rel           string
}

// generatedFiles lists the synthetic corpus: 20 photos of 4000 x 3000 (12 MP, JPEG q90), four
// PNGs with alpha, two AVIFs and an animated GIF. -quick keeps the first of each kind.
func generatedFiles(quick bool) []generated {
	var out []generated
	photos, alphas, avifs := 20, 4, 2
	if quick {
		photos, alphas, avifs = 2, 1, 1
	}
	for i := 1; i <= photos; i++ {
		out = append(out, generated{"photo", i, 4000, 3000, fmt.Sprintf("%s/photo-%02d.jpg", setPhotos, i)})
	}
	for i := 1; i <= alphas; i++ {
		out = append(out, generated{"alpha", 100 + i, 2000, 1500, fmt.Sprintf("%s/alpha-%d.png", setFormats, i)})
	}
	for i := 1; i <= avifs; i++ {
		out = append(out, generated{"avif", 200 + i, 2400, 1600, fmt.Sprintf("%s/photo-%d.avif", setFormats, i)})
	}
	out = append(out, generated{"gif", 300, 480, 270, setFormats + "/animation.gif"})
	return out
}

// buildCorpus makes the missing files of the corpus under build/bench/corpus and returns it.
// Generated files are kept between runs; the same seeds give the same files.
func buildCorpus(opts options, logger *slog.Logger) (corpus, error) {
	dir := filepath.Join(opts.root, "build", "bench", "corpus")
	floor := floorExecutable(opts.root)
	if _, err := os.Stat(floor); err != nil {
		return corpus{}, fmt.Errorf("floor program not built (%w): run go tool task bench:deps", err)
	}
	c := corpus{Dir: dir}
	sets := map[string][]corpusFile{}
	for _, g := range generatedFiles(opts.quick) {
		path := filepath.Join(dir, filepath.FromSlash(g.rel))
		if err := generate(floor, g, path, logger); err != nil {
			return corpus{}, err
		}
		name, _, _ := strings.Cut(g.rel, "/")
		sets[name] = append(sets[name], corpusFile{Rel: g.rel, Path: path, Animated: g.kind == "gif"})
	}
	c.Sets = append(c.Sets, corpusSet{Name: setPhotos, Files: sets[setPhotos]})
	if !opts.quick {
		walls, err := linkWallpapers(opts.root, filepath.Join(dir, setWallpapers))
		if err != nil {
			return corpus{}, err
		}
		c.Sets = append(c.Sets, corpusSet{Name: setWallpapers, Files: walls})
	}
	c.Sets = append(c.Sets, corpusSet{Name: setFormats, Files: sets[setFormats]})
	return c, c.measure()
}

func floorExecutable(root string) string {
	return filepath.Join(root, "build", "bench", "floor", "floor")
}

// generate runs the floor program for g unless path exists, writing to a temp file first so an
// interrupted run leaves no half file behind.
func generate(floor string, g generated, path string, logger *slog.Logger) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create corpus folder: %w", err)
	}
	tmp := filepath.Join(filepath.Dir(path), ".tmp-"+filepath.Base(path))
	cmd := exec.Command(floor, "generate", g.kind, strconv.Itoa(g.seed),
		strconv.Itoa(g.width), strconv.Itoa(g.height), tmp)
	if out, err := cmd.CombinedOutput(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("generate %s: %w: %s", g.rel, err, strings.TrimSpace(string(out)))
	}
	logger.Info("corpus file generated", "file", g.rel)
	return os.Rename(tmp, path)
}

// linkWallpapers hard-links (or copies) the photographs that build/scripts/wallpapers.sh
// unpacks into dir, running the script when they are missing. Links keep the files inside the
// corpus folder, which the engine and the imagor server read through an os.Root.
func linkWallpapers(root, dir string) ([]corpusFile, error) {
	src := filepath.Join(root, "build", "testdata", "wallpapers")
	script := exec.Command("bash", filepath.Join(root, "build", "scripts", "wallpapers.sh"), src)
	script.Dir = root
	if out, err := script.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("fetch wallpapers: %w: %s", err, strings.TrimSpace(string(out)))
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		return nil, fmt.Errorf("read wallpapers: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create corpus folder: %w", err)
	}
	var files []corpusFile
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		dst := filepath.Join(dir, e.Name())
		if err := linkOrCopy(filepath.Join(src, e.Name()), dst); err != nil {
			return nil, err
		}
		files = append(files, corpusFile{Rel: setWallpapers + "/" + e.Name(), Path: dst})
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no wallpapers in %s: delete the folder and run the harness again", src)
	}
	return files, nil
}

func linkOrCopy(src, dst string) error {
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy wallpaper: %w", err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return fmt.Errorf("copy wallpaper: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		os.Remove(dst)
		return fmt.Errorf("copy wallpaper %s: %w", src, err)
	}
	return out.Close()
}

// measure fills in file sizes and the digest, and reads every file once, so all peers start
// from the page cache.
func (c *corpus) measure() error {
	var names []string
	byName := map[string]*corpusFile{}
	for s := range c.Sets {
		for f := range c.Sets[s].Files {
			file := &c.Sets[s].Files[f]
			names = append(names, file.Rel)
			byName[file.Rel] = file
		}
	}
	sort.Strings(names)
	digest := sha256.New()
	for _, name := range names {
		file := byName[name]
		sum, size, err := hashFile(file.Path)
		if err != nil {
			return err
		}
		file.Bytes = size
		fmt.Fprintf(digest, "%s %x\n", name, sum)
	}
	c.Digest = hex.EncodeToString(digest.Sum(nil))
	return nil
}

func hashFile(path string) ([]byte, int64, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, fmt.Errorf("corpus file %s is missing: run the harness again to make it", path)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("read corpus: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return nil, 0, fmt.Errorf("read corpus %s: %w", path, err)
	}
	return h.Sum(nil), n, nil
}
