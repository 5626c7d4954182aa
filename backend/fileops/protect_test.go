package fileops_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/imagor-studio/desktop/backend/fileops"
)

// A library such as a home folder can contain the app's own config folder. No operation may
// change it, move it, copy it out or write into it.
func TestService_Protect(t *testing.T) {
	ctx := context.Background()
	home := t.TempDir()
	MustWrite(t, home, ".config/imagor-studio/secret.key", "key")
	MustWrite(t, home, "photos/a.jpg", "jpeg")
	svc, _, id := MustLibrary(t, home)
	svc.Protect(filepath.Join(home, ".config", "imagor-studio"))

	tests := []struct {
		name string
		do   func() error
	}{
		{"Trash", func() error {
			_, err := svc.Trash(ctx, id, []string{".config/imagor-studio/secret.key"}, fileops.Options{})
			return err
		}},
		{"TrashParent", func() error { _, err := svc.Trash(ctx, id, []string{".config"}, fileops.Options{}); return err }},
		{"Delete", func() error {
			_, err := svc.Delete(ctx, id, []string{".config/imagor-studio"}, fileops.Options{})
			return err
		}},
		{"Rename", func() error { _, err := svc.Rename(ctx, id, ".config/imagor-studio/secret.key", "old.key"); return err }},
		{"MoveOut", func() error {
			_, err := svc.Move(ctx, id, []string{".config/imagor-studio/secret.key"}, "photos", fileops.Options{})
			return err
		}},
		{"CopyOut", func() error {
			_, err := svc.Copy(ctx, id, []string{".config"}, "photos", fileops.Options{})
			return err
		}},
		{"MoveIn", func() error {
			_, err := svc.Move(ctx, id, []string{"photos/a.jpg"}, ".config/imagor-studio", fileops.Options{})
			return err
		}},
		{"NewFolder", func() error { _, err := svc.CreateFolder(ctx, id, ".config/imagor-studio/x"); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.do()
			var opErr *fileops.Error
			if !errors.As(err, &opErr) || len(opErr.Failures) != 1 || opErr.Failures[0].Code != fileops.CodeInvalid {
				t.Fatalf("err=%v, want one %s failure", err, fileops.CodeInvalid)
			}
		})
	}
	if got := MustRead(t, home, ".config/imagor-studio/secret.key"); got != "key" {
		t.Errorf("secret.key=%q after the refused operations, want it unchanged", got)
	}
	if got := MustRead(t, home, "photos/a.jpg"); got != "jpeg" {
		t.Errorf("photos/a.jpg=%q, want it in place", got)
	}
	if _, err := svc.Duplicate(ctx, id, []string{"photos/a.jpg"}, fileops.Options{}); err != nil {
		t.Errorf("duplicate outside the protected folder: %v", err)
	}
}

// Undo of a rename or move leaves alone a file that took the new name since: it is not the
// entry the operation put there.
func TestService_UndoReplacedEntry(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	MustWrite(t, dir, "a.jpg", "first")
	MustWrite(t, dir, "sub/b.jpg", "second")
	svc, _, id := MustLibrary(t, dir)

	if _, err := svc.Rename(ctx, id, "a.jpg", "c.jpg"); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "c.jpg")); err != nil {
		t.Fatal(err)
	}
	MustWrite(t, dir, "c.jpg", "newcomer")
	if _, err := svc.Undo(ctx); err == nil {
		t.Fatal("undo of the rename after c.jpg was replaced: no error")
	}
	if got := MustRead(t, dir, "c.jpg"); got != "newcomer" {
		t.Errorf("c.jpg=%q after the refused undo, want the newcomer in place", got)
	}
	AssertMissing(t, dir, "a.jpg")

	if _, err := svc.Move(ctx, id, []string{"sub/b.jpg"}, "", fileops.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Undo(ctx); err != nil {
		t.Fatalf("undo of an unchanged move: %v", err)
	}
	if got := MustRead(t, dir, "sub/b.jpg"); got != "second" {
		t.Errorf("sub/b.jpg=%q after undo, want it back", got)
	}
}
