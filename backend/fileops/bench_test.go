//go:build linux

package fileops_test

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// benchFiles writes n files of size bytes into folder under dir and returns their paths.
func benchFiles(b *testing.B, dir, folder string, n, size int) []string {
	b.Helper()
	content := strings.Repeat("x", size)
	paths := make([]string, n)
	for i := range paths {
		paths[i] = fmt.Sprintf("%s/file %04d.jpg", folder, i)
		MustWrite(b, dir, paths[i], content)
	}
	return paths
}

// BenchmarkService_TrashUndo moves 500 files of 4 KiB to the freedesktop trash and back.
func BenchmarkService_TrashUndo(b *testing.B) {
	ctx := context.Background()
	b.Setenv("XDG_DATA_HOME", b.TempDir())
	dir := b.TempDir()
	paths := benchFiles(b, dir, "bulk", 500, 4096)
	svc, _, id := MustLibrary(b, dir)
	b.ResetTimer()
	for range b.N {
		if _, err := svc.Trash(ctx, id, paths, fileops.Options{}); err != nil {
			b.Fatal(err)
		}
		if _, err := svc.Undo(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*len(paths))/b.Elapsed().Seconds(), "files/s")
}

// BenchmarkService_CopyFolder copies a folder of 64 files of 1 MiB inside a library, each
// checked by SHA-256 after the copy.
func BenchmarkService_CopyFolder(b *testing.B) {
	benchmarkCopy(b, b.TempDir(), "")
}

// BenchmarkService_MoveAcrossDevices moves 64 files of 1 MiB to a library on the file system
// named by IMAGOR_STUDIO_TEST_OTHER_FS (copy, check, remove) and back.
func BenchmarkService_MoveAcrossDevices(b *testing.B) {
	other := os.Getenv("IMAGOR_STUDIO_TEST_OTHER_FS")
	if other == "" {
		b.Skip("set IMAGOR_STUDIO_TEST_OTHER_FS to a folder on another file system")
	}
	far, err := os.MkdirTemp(other, "bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = os.RemoveAll(far) })
	benchmarkCopy(b, b.TempDir(), far)
}

// benchmarkCopy copies the folder (when far is "") or moves it to the library far and back.
func benchmarkCopy(b *testing.B, dir, far string) {
	ctx := context.Background()
	benchFiles(b, dir, "src", 64, 1<<20)
	svc, set, id := MustLibrary(b, dir)
	farID := ""
	if far != "" {
		farID = MustAdd(b, set, far)
	}
	b.SetBytes(64 << 20)
	b.ResetTimer()
	for range b.N {
		if far == "" {
			b.StopTimer()
			_ = os.RemoveAll(dir + "/copy")
			b.StartTimer()
			if _, err := svc.Copy(ctx, id, []string{"src"}, "", fileops.Options{Clash: fileops.ClashKeepBoth}); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			_ = os.RemoveAll(dir + "/src (1)")
			b.StartTimer()
			continue
		}
		if _, err := svc.Move(ctx, id, []string{"src"}, "", fileops.Options{ToLibrary: farID}); err != nil {
			b.Fatal(err)
		}
		if _, err := svc.Move(ctx, farID, []string{"src"}, "", fileops.Options{ToLibrary: id}); err != nil {
			b.Fatal(err)
		}
	}
}
