package s3

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"path"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/encoding/httpbinding"

	"github.com/imagor-studio/desktop/backend/listing"
)

// ErrTooLarge is returned by Put for a body over MaxObjectSize.
var ErrTooLarge = errors.New("object too large")

// Object is an open object: its body, which the caller must close, and its entry.
type Object struct {
	Body  io.ReadCloser
	Entry listing.Entry
}

// Open opens the object at rel for reading and returns its body, which the caller must close,
// and its size. A missing object matches fs.ErrNotExist.
func (c *Client) Open(ctx context.Context, rel string) (io.ReadCloser, int64, error) {
	object, err := c.OpenObject(ctx, rel)
	if err != nil {
		return nil, 0, err
	}
	return object.Body, object.Entry.Size, nil
}

// OpenObject opens the object at rel for reading, like Open, and also returns its entry, so one
// GetObject gives both the body and the metadata.
func (c *Client) OpenObject(ctx context.Context, rel string) (*Object, error) {
	key, err := c.key(rel)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	out, err := c.api.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(c.config.Bucket), Key: aws.String(key)})
	if err != nil {
		return nil, c.objectError("open", rel, err)
	}
	entry := c.entry(rel, aws.ToString(out.ETag), aws.ToInt64(out.ContentLength), aws.ToTime(out.LastModified))
	return &Object{Body: out.Body, Entry: entry}, nil
}

// Put writes size bytes of body to the object at rel, replacing any object there. The content
// type is set from the name's extension. An object over the client's multipart cutoff (5 GiB
// by default) goes up in parts, one at a time.
//
// A body that is not both an io.ReadSeeker and an io.ReaderAt, as *os.File and *bytes.Reader
// are, is first copied to a temporary file, because a request to a plain-http endpoint is signed
// over a hash of the whole body. Put reads size bytes from the body's current offset.
func (c *Client) Put(ctx context.Context, rel string, body io.Reader, size int64) error {
	key, err := c.key(rel)
	if err != nil {
		return fmt.Errorf("put: %w", err)
	}
	if size < 0 {
		return fmt.Errorf("put %q: invalid size %d", rel, size)
	}
	if size > MaxObjectSize {
		return fmt.Errorf("put %q: %w: %d bytes is over the %d that 10,000 parts hold", rel, ErrTooLarge, size, int64(MaxObjectSize))
	}
	section, cleanup, err := sectionOf(body, size)
	if err != nil {
		return fmt.Errorf("put %q: %w", rel, err)
	}
	defer cleanup()

	var contentType *string
	if value := mime.TypeByExtension(path.Ext(rel)); value != "" {
		contentType = aws.String(value)
	}
	if size > c.multipartCutoff {
		err = c.putParts(ctx, key, section, size, contentType)
	} else {
		_, err = c.api.PutObject(ctx, &s3.PutObjectInput{
			Bucket:        aws.String(c.config.Bucket),
			Key:           aws.String(key),
			Body:          section,
			ContentLength: aws.Int64(size),
			ContentType:   contentType,
		})
	}
	if err != nil {
		return c.objectError("put", rel, err)
	}
	return nil
}

// sectionOf returns the size bytes of body from its current offset as a section that can seek
// and be read at any offset, copying body to a temporary file when it cannot. cleanup removes
// that file.
func sectionOf(body io.Reader, size int64) (section *io.SectionReader, cleanup func(), err error) {
	type readSeekerAt interface {
		io.ReadSeeker
		io.ReaderAt
	}
	if seeker, ok := body.(readSeekerAt); ok {
		// A body shorter than size would fail in the HTTP client, which reports it like a
		// broken connection, so the length is checked first.
		offset, err := seeker.Seek(0, io.SeekCurrent)
		if err != nil {
			return nil, nil, fmt.Errorf("find the body's offset: %w", err)
		}
		end, err := seeker.Seek(0, io.SeekEnd)
		if err != nil {
			return nil, nil, fmt.Errorf("find the body's length: %w", err)
		}
		if end-offset < size {
			return nil, nil, fmt.Errorf("body has %d bytes, not %d", max(end-offset, 0), size)
		}
		return io.NewSectionReader(seeker, offset, size), func() {}, nil
	}
	file, err := spool(body, size)
	if err != nil {
		return nil, nil, err
	}
	return io.NewSectionReader(file, 0, size), func() { closeAndRemove(file) }, nil
}

// spool copies exactly size bytes of body to a temporary file and rewinds it.
func spool(body io.Reader, size int64) (*os.File, error) {
	file, err := os.CreateTemp("", "imagor-studio-put-*")
	if err != nil {
		return nil, fmt.Errorf("spool body: %w", err)
	}
	n, err := io.Copy(file, io.LimitReader(body, size))
	if err == nil && n != size {
		err = fmt.Errorf("body ended after %d of %d bytes", n, size)
	}
	if err == nil {
		_, err = file.Seek(0, io.SeekStart)
	}
	if err != nil {
		closeAndRemove(file)
		return nil, fmt.Errorf("spool body: %w", err)
	}
	return file, nil
}

func closeAndRemove(file *os.File) {
	_ = file.Close()
	_ = os.Remove(file.Name())
}

// Delete removes the object at rel. Deleting a missing object succeeds, as it does in S3, and
// nothing goes to a trash: S3 has none.
func (c *Client) Delete(ctx context.Context, rel string) error {
	key, err := c.key(rel)
	if err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	if _, err := c.api.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(c.config.Bucket), Key: aws.String(key)}); err != nil {
		return c.objectError("delete", rel, err)
	}
	return nil
}

// Copy copies the object at from to to inside the library, with its metadata, replacing any
// object at to. An object over the client's multipart cutoff (5 GiB by default) is copied in
// parts on the server. A missing source matches fs.ErrNotExist.
func (c *Client) Copy(ctx context.Context, from, to string) error {
	fromKey, err := c.key(from)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	toKey, err := c.key(to)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	if from == to {
		return fmt.Errorf("copy %q: source and destination are the same object", from)
	}
	head, err := c.api.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(c.config.Bucket), Key: aws.String(fromKey)})
	if err != nil {
		return c.objectError("copy", from, err)
	}
	if aws.ToInt64(head.ContentLength) > c.multipartCutoff {
		err = c.copyParts(ctx, fromKey, toKey, head)
	} else {
		// CopySource is a header, which the SDK sends as given, and S3 requires it
		// percent-encoded in the form the SDK uses for keys in request paths.
		_, err = c.api.CopyObject(ctx, &s3.CopyObjectInput{
			Bucket:            aws.String(c.config.Bucket),
			Key:               aws.String(toKey),
			CopySource:        aws.String(httpbinding.EscapePath(c.config.Bucket+"/"+fromKey, false)),
			CopySourceIfMatch: head.ETag,
		})
	}
	if err != nil {
		return c.objectError("copy", from, err)
	}
	return nil
}

// Move copies the object at from to to and then deletes the original, since S3 has no rename.
// Moving an object onto itself does nothing.
func (c *Client) Move(ctx context.Context, from, to string) error {
	if from == to {
		if _, err := c.key(from); err != nil {
			return fmt.Errorf("move: %w", err)
		}
		return nil
	}
	if err := c.Copy(ctx, from, to); err != nil {
		return fmt.Errorf("move: %w", err)
	}
	if err := c.Delete(ctx, from); err != nil {
		return fmt.Errorf("move %q to %q: copied, but the original remains: %w", from, to, err)
	}
	return nil
}
