package fileops_test

import (
	"context"
	"path"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// A name near the 255-byte limit has no room for " (1)": keep-both shortens its stem instead of
// trying longer and longer names that the file system rejects.
func TestService_KeepBothLongName(t *testing.T) {
	ctx := context.Background()
	long := strings.Repeat("a", 251) + ".jpg"
	wide := strings.Repeat("東", 83) + ".jpg" // 249 bytes of three-byte characters
	dir := t.TempDir()
	MustWrite(t, dir, long, "a")
	MustWrite(t, dir, wide, "w")
	svc, _, id := MustLibrary(t, dir)

	got, err := svc.Duplicate(ctx, id, []string{long, wide, long}, fileops.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("paths %q, want 3", got)
	}
	suffixes := []string{" (1).jpg", " (1).jpg", " (2).jpg"}
	for i, p := range got {
		if len(p) > 255 {
			t.Errorf("copy %d has %d bytes, over 255", i, len(p))
		}
		if !utf8.ValidString(p) {
			t.Errorf("copy %d %q is not valid UTF-8", i, p)
		}
		if !strings.HasSuffix(p, suffixes[i]) {
			t.Errorf("copy %d is %q, want it to end in %q", i, p, suffixes[i])
		}
	}
	if MustRead(t, dir, got[0]) != "a" || MustRead(t, dir, got[1]) != "w" {
		t.Error("a copy has the wrong content")
	}
	if MustRead(t, dir, long) != "a" {
		t.Error("the original changed")
	}

	src := t.TempDir()
	MustWrite(t, src, long, "new")
	imported, err := svc.Import(ctx, id, "", []string{path.Join(src, long)}, fileops.Options{Clash: fileops.ClashKeepBoth})
	if err != nil {
		t.Fatal(err)
	}
	if len(imported) != 1 || !strings.HasSuffix(imported[0], " (3).jpg") {
		t.Errorf("import made %q, want a name ending in (3).jpg", imported)
	}
}
