package fileops

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"github.com/imagor-studio/desktop/backend/listing"
	"github.com/imagor-studio/desktop/backend/s3"
)

// s3Exists reports whether an object is at rel. An error other than "not found" counts as
// taken, so nothing is replaced by mistake.
func s3Exists(ctx context.Context, c *s3.Client, rel string) bool {
	_, err := c.Stat(ctx, rel)
	return !errors.Is(err, fs.ErrNotExist)
}

// s3Lookup reports whether an object rel exists, and the error of a check that failed for
// another reason than "not found".
func s3Lookup(ctx context.Context, c *s3.Client, rel string) (bool, error) {
	_, err := c.Stat(ctx, rel)
	switch {
	case err == nil:
		return true, nil
	case errors.Is(err, fs.ErrNotExist):
		return false, nil
	}
	return true, err
}

// s3Move renames the object from to to, replacing an object there only under ClashReplace.
func s3Move(ctx context.Context, c *s3.Client, from, to string, clash Clash) error {
	if _, err := c.Stat(ctx, from); err != nil {
		return s3FolderError(ctx, c, from, err)
	}
	if clash != ClashReplace && s3Exists(ctx, c, to) {
		return fmt.Errorf("%q %w", to, ErrExists)
	}
	return c.Move(ctx, from, to)
}

// s3FolderError turns "not found" for a path that is a folder (a key prefix) into ErrNoS3.
func s3FolderError(ctx context.Context, c *s3.Client, rel string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		if _, listErr := c.ListFolder(ctx, rel); listErr == nil {
			return fmt.Errorf("%w: folders of S3 libraries cannot be moved, copied or renamed", ErrNoS3)
		}
	}
	return err
}

// s3Transfer moves or copies one object inside an S3 library. Folders, and transfers between
// libraries of which one is S3, are not supported.
func s3Transfer(ctx context.Context, src, dst target, rel, folder, name string, clash Clash, move bool) (string, error) {
	if src.client == nil || dst.client == nil || src.lib.ID != dst.lib.ID {
		return "", fmt.Errorf("%w: files move and copy between S3 libraries and folders only by download and upload", ErrNoS3)
	}
	c := src.client
	if _, err := c.Stat(ctx, rel); err != nil {
		return "", s3FolderError(ctx, c, rel, err)
	}
	to := joinRel(folder, name)
	if to == rel {
		if move {
			return rel, nil
		}
		if clash == ClashReplace || clash == ClashSkip {
			return "", nil
		}
	}
	if s3Exists(ctx, c, to) {
		switch clash {
		case ClashSkip:
			return "", nil
		case ClashKeepBoth:
			free, err := keepBothName(name, false, func(n string) (bool, error) { return s3Lookup(ctx, c, joinRel(folder, n)) })
			if err != nil {
				return "", err
			}
			to = joinRel(folder, free)
		case ClashReplace:
		default:
			return "", fmt.Errorf("%q %w", to, ErrExists)
		}
	}
	if move {
		return to, c.Move(ctx, rel, to)
	}
	return to, c.Copy(ctx, rel, to)
}

// s3Delete deletes the object at rel, or every object under the folder rel.
func s3Delete(ctx context.Context, c *s3.Client, rel string) error {
	_, err := c.Stat(ctx, rel)
	if err == nil {
		return c.Delete(ctx, rel)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	entries, err := c.ListFolder(ctx, rel)
	if err != nil {
		return err
	}
	for _, e := range entries {
		child := path.Join(rel, e.Name)
		if e.Kind == listing.KindFolder {
			err = s3Delete(ctx, c, child)
		} else {
			err = c.Delete(ctx, child)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
