package listing_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/imagor-studio/desktop/backend/listing"
)

var benchFolders sync.Map // entry count to folder path, shared by the benchmarks of one run

// benchFolder returns a folder of n empty .jpg files, made once per run.
func benchFolder(b *testing.B, n int) string {
	b.Helper()
	if dir, ok := benchFolders.Load(n); ok {
		return dir.(string)
	}
	dir, err := os.MkdirTemp("", "listing-bench-")
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		name := filepath.Join(dir, fmt.Sprintf("IMG_%06d.jpg", (i*7919)%n))
		if err := os.WriteFile(name, nil, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	benchFolders.Store(n, dir)
	return dir
}

// BenchmarkList_Cold reads, sorts and pages a whole folder with no cached listing: what the
// first visit to a folder costs.
func BenchmarkList_Cold(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			root := MustRoot(b, benchFolder(b, n))
			for b.Loop() {
				lister := listing.NewLister(time.Minute)
				if _, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{Limit: 300}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkList_WarmFirstPage asks for the first page of a folder listed before, in a new sort
// order each time, which is what a click on the sort menu costs.
func BenchmarkList_WarmFirstPage(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			root := MustRoot(b, benchFolder(b, n))
			lister := listing.NewLister(time.Hour)
			if _, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{}); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := lister.List("lib", listing.RootSource{Root: root}, listing.Query{Limit: 300, Offset: n / 2}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
