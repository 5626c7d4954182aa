package thumbcache_test

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkCache_Put stores 6 KiB bodies, the size of a 256 px WebP thumbnail of a photo, under
// new keys: the cache's share of a cold thumbnail.
func BenchmarkCache_Put(b *testing.B) {
	c := MustOpen(b, b.TempDir(), 1<<30)
	body := bytes.Repeat([]byte{'w'}, 6<<10)
	i := 0
	for b.Loop() {
		if err := c.Put(fmt.Sprintf("/unsafe/fit-in/256x256/a-%d.jpg?v=1", i), "image/webp", body); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
