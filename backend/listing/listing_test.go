package listing_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/listing"
)

// MustWrite creates the file name (slash-separated, parents included) in dir with content.
func MustWrite(tb testing.TB, dir, name, content string) {
	tb.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// MustRoot opens dir as an os.Root and closes it when the test ends.
func MustRoot(tb testing.TB, dir string) *os.Root {
	tb.Helper()
	root, err := os.OpenRoot(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { root.Close() })
	return root
}

func names(entries []listing.Entry) []string {
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Name
	}
	return out
}

func TestLister_List(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "img10.jpg", "1234567890")
	MustWrite(t, dir, "img2.jpg", "12")
	MustWrite(t, dir, "Img1.PNG", "1")
	MustWrite(t, dir, "notes.txt", "123")
	MustWrite(t, dir, "clip.mp4", "1234")
	MustWrite(t, dir, ".hidden.jpg", "x")
	MustWrite(t, dir, "sub/inner.jpg", "x")
	MustWrite(t, dir, "Album 2/x.jpg", "x")
	old := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := os.Chtimes(filepath.Join(dir, "img10.jpg"), old, old); err != nil {
		t.Fatal(err)
	}
	root := MustRoot(t, dir)
	lister := listing.NewLister(time.Minute)

	t.Run("OK", func(t *testing.T) {
		page, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprint(names(page.Entries))
		want := "[Album 2 sub clip.mp4 Img1.PNG img2.jpg img10.jpg notes.txt]"
		if got != want {
			t.Errorf("names=%s, want %s", got, want)
		}
		if page.Total != 7 {
			t.Errorf("Total=%d, want 7", page.Total)
		}
		kinds := map[string]listing.Kind{}
		for _, e := range page.Entries {
			kinds[e.Name] = e.Kind
		}
		if kinds["sub"] != listing.KindFolder || kinds["img2.jpg"] != listing.KindImage ||
			kinds["clip.mp4"] != listing.KindVideo || kinds["notes.txt"] != listing.KindOther {
			t.Errorf("kinds=%v", kinds)
		}
	})

	t.Run("SortSizeDesc", func(t *testing.T) {
		page, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{Sort: listing.SortSize, Desc: true})
		if err != nil {
			t.Fatal(err)
		}
		// Folders stay first whatever the direction.
		got := fmt.Sprint(names(page.Entries))
		want := "[sub Album 2 img10.jpg clip.mp4 notes.txt img2.jpg Img1.PNG]"
		if got != want {
			t.Errorf("names=%s, want %s", got, want)
		}
	})

	t.Run("SortModified", func(t *testing.T) {
		page, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{Sort: listing.SortModified})
		if err != nil {
			t.Fatal(err)
		}
		files := page.Entries[2:]
		if files[0].Name != "img10.jpg" {
			t.Errorf("oldest file=%s, want img10.jpg", files[0].Name)
		}
	})

	t.Run("FilterAndPage", func(t *testing.T) {
		page, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{Filter: "IMG", Offset: 1, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 3 {
			t.Errorf("Total=%d, want 3", page.Total)
		}
		if got := fmt.Sprint(names(page.Entries)); got != "[img2.jpg]" {
			t.Errorf("names=%s, want [img2.jpg]", got)
		}
	})

	t.Run("Subfolder", func(t *testing.T) {
		page, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{Path: "sub"})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Entries) != 1 || page.Entries[0].Path != "sub/inner.jpg" {
			t.Errorf("entries=%+v, want sub/inner.jpg", page.Entries)
		}
	})

	t.Run("ErrNotFolder", func(t *testing.T) {
		if _, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{Path: "notes.txt"}); err == nil {
			t.Error("listing a file: got no error")
		}
	})

	t.Run("ErrOutside", func(t *testing.T) {
		if _, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{Path: "../"}); err == nil {
			t.Error("listing ..: got no error")
		}
	})
}

func TestLister_ListSeesNewFiles(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "a.jpg", "x")
	root := MustRoot(t, dir)
	lister := listing.NewLister(time.Minute)
	if _, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{}); err != nil {
		t.Fatal(err)
	}

	// A new file changes the folder's modification time, which invalidates the cached listing
	// even though MaxAge has not passed. Some file systems keep whole-second times, so wait.
	time.Sleep(1100 * time.Millisecond)
	MustWrite(t, dir, "b.jpg", "x")
	page, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 {
		t.Errorf("Total=%d after adding a file, want 2", page.Total)
	}
}

func TestVersion_ChangesWithContent(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "a.jpg", "one")
	info1, err := os.Stat(filepath.Join(dir, "a.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	MustWrite(t, dir, "a.jpg", "two!")
	info2, err := os.Stat(filepath.Join(dir, "a.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if listing.Version(info1) == listing.Version(info2) {
		t.Errorf("Version=%s for both contents, want a change", listing.Version(info1))
	}
}

func TestLister_ListRefreshesInPlaceWrites(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "a.jpg", "x")
	root := MustRoot(t, dir)
	lister := listing.NewLister(10 * time.Millisecond)
	if _, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{}); err != nil {
		t.Fatal(err)
	}

	// Rewriting a file in place leaves the folder's modification time alone, so only the
	// background re-read after MaxAge can see the new size.
	f, err := os.OpenFile(filepath.Join(dir, "a.jpg"), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString("more"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	time.Sleep(20 * time.Millisecond)

	deadline := time.Now().Add(2 * time.Second)
	for {
		page, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{})
		if err != nil {
			t.Fatal(err)
		}
		if page.Entries[0].Size == 5 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("Size=%d two seconds after an in-place write, want 5", page.Entries[0].Size)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestLister_ListSelectIndex(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"c.jpg", "a.jpg", "b.jpg"} {
		MustWrite(t, dir, name, "x")
	}
	lister := listing.NewLister(time.Minute)
	src := listing.RootSource{Root: MustRoot(t, dir)}
	page, err := lister.List("lib", src, listing.Query{Limit: 1, Select: "c.jpg"})
	if err != nil {
		t.Fatal(err)
	}
	if page.SelectIndex != 2 {
		t.Errorf("SelectIndex=%d, want 2", page.SelectIndex)
	}
	page, err = lister.List("lib", src, listing.Query{Select: "c.jpg", Desc: true})
	if err != nil {
		t.Fatal(err)
	}
	if page.SelectIndex != 0 {
		t.Errorf("SelectIndex=%d descending, want 0", page.SelectIndex)
	}
	page, err = lister.List("lib", src, listing.Query{Select: "missing.jpg"})
	if err != nil {
		t.Fatal(err)
	}
	if page.SelectIndex != -1 {
		t.Errorf("SelectIndex=%d for a missing file, want -1", page.SelectIndex)
	}
}
