package editor_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/editor"
)

func TestWriteExport(t *testing.T) {
	dir := t.TempDir()
	MustWrite(t, dir, "photo.jpg", MustJPEG(t, MustPattern(t, 640, 480, false), 0))
	original := filepath.Join(dir, "photo.jpg")
	e := MustEngine(t, map[string]string{"lib": dir})
	src := MustSource(t, e, "lib/photo.jpg")
	state := editor.State{Width: 320, Height: 200, Mode: editor.ModeCover, Format: "png"}
	ops, err := editor.Build(state, src)
	if err != nil {
		t.Fatal(err)
	}
	data := MustGet(t, e, editor.Path(ops.Ops, editor.ImageKey("lib/photo.jpg")))

	t.Run("OK", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), editor.ExportName("photo.jpg", state.Format, src.Format))
		if filepath.Base(target) != "photo-edit.png" {
			t.Errorf("ExportName = %q, want photo-edit.png", filepath.Base(target))
		}
		if err := editor.Export(context.Background(), e, ops.Ops, "lib/photo.jpg", target, original, false); err != nil {
			t.Fatal(err)
		}
		written, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		if got := formatOf(written); got != "png" {
			t.Errorf("written format %s, want png", got)
		}
		if size := MustDecode(t, written).Bounds().Size(); size.X != 320 || size.Y != 200 {
			t.Errorf("written size %v, want 320x200", size)
		}
		entries, _ := os.ReadDir(filepath.Dir(target))
		if len(entries) != 1 {
			t.Errorf("folder has %d entries after the export, want only the file", len(entries))
		}
	})
	t.Run("OKReplacesExisting", func(t *testing.T) {
		target := filepath.Join(t.TempDir(), "out.png")
		MustWrite(t, filepath.Dir(target), "out.png", []byte("old"))
		if err := editor.WriteExport(target, original, data, false); err != nil {
			t.Fatal(err)
		}
		if written, _ := os.ReadFile(target); !bytes.Equal(written, data) {
			t.Errorf("target has %d bytes, want the %d rendered", len(written), len(data))
		}
	})
	t.Run("ErrOriginal", func(t *testing.T) {
		before, _ := os.ReadFile(original)
		err := editor.Export(context.Background(), e, ops.Ops, "lib/photo.jpg", filepath.Join(dir, ".", "photo.jpg"), original, false)
		if !errors.Is(err, editor.ErrOverwriteOriginal) {
			t.Fatalf("Export onto the original = %v, want ErrOverwriteOriginal", err)
		}
		if err := editor.WriteExport(original, original, data, false); !errors.Is(err, editor.ErrOverwriteOriginal) {
			t.Fatalf("WriteExport onto the original = %v, want ErrOverwriteOriginal", err)
		}
		if after, _ := os.ReadFile(original); !bytes.Equal(before, after) {
			t.Error("the original changed although the export was rejected")
		}
	})
	t.Run("OKOriginalConfirmed", func(t *testing.T) {
		copyDir := t.TempDir()
		MustWrite(t, copyDir, "photo.jpg", []byte("stand-in for the original"))
		target := filepath.Join(copyDir, "photo.jpg")
		if err := editor.WriteExport(target, target, data, true); err != nil {
			t.Fatal(err)
		}
		if written, _ := os.ReadFile(target); !bytes.Equal(written, data) {
			t.Error("confirmed export did not replace the file")
		}
	})
	t.Run("ErrReadOnlyFolder", func(t *testing.T) {
		readOnly := t.TempDir()
		MustWrite(t, readOnly, "out.png", []byte("keep me"))
		if err := os.Chmod(readOnly, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(readOnly, 0o755) })
		target := filepath.Join(readOnly, "out.png")
		var err error
		withoutRoot(t, func() { err = editor.WriteExport(target, original, data, false) })
		if !errors.Is(err, fs.ErrPermission) {
			t.Fatalf("WriteExport into a read-only folder = %v, want a permission error", err)
		}
		if !strings.Contains(err.Error(), target) {
			t.Errorf("error %q does not name %s", err, target)
		}
		entries, _ := os.ReadDir(readOnly)
		if len(entries) != 1 {
			t.Errorf("read-only folder has %d entries, want the 1 it had", len(entries))
		}
		if kept, _ := os.ReadFile(target); string(kept) != "keep me" {
			t.Errorf("existing file now has %q, want it unchanged", kept)
		}
	})
}
