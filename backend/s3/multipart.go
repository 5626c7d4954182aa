package s3

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go/encoding/httpbinding"
)

// Limits of S3, from the service/s3 v1.116.0 documentation of CopyObject and from AWS's page
// "Amazon S3 multipart upload limits". versitygw v1.0.14 enforces MinPartSize too.
const (
	// MaxSingleRequestSize is the largest object one PutObject or CopyObject takes, and the
	// largest part: 5 GiB.
	MaxSingleRequestSize = 5 << 30
	// MinPartSize is the smallest part of a multipart upload, except the last: 5 MiB.
	MinPartSize = 5 << 20
	maxParts    = 10_000
	// MaxObjectSize is the largest object that 10,000 parts of 5 GiB hold, about 48.8 TiB.
	// S3-compatible servers may store less.
	MaxObjectSize = maxParts * MaxSingleRequestSize
)

// Defaults of the multipart settings.
const (
	DefaultMultipartCutoff   = MaxSingleRequestSize
	DefaultMultipartPartSize = 256 << 20
)

// abortTimeout bounds the AbortMultipartUpload sent after a failed part, which runs even when
// the caller's context has ended, so no parts are left stored.
const abortTimeout = 30 * time.Second

// Option sets a property of a Client in New.
type Option func(*Client) error

// WithMultipart sets the size above which Put and Copy transfer an object in parts (at most
// MaxSingleRequestSize) and the size of each part (at least MinPartSize). A part size too small
// for 10,000 parts is raised for that object.
func WithMultipart(cutoff, partSize int64) Option {
	return func(c *Client) error {
		if cutoff < 1 || cutoff > MaxSingleRequestSize {
			return fmt.Errorf("invalid multipart cutoff %d bytes: use 1 to %d", cutoff, int64(MaxSingleRequestSize))
		}
		if partSize < MinPartSize || partSize > MaxSingleRequestSize {
			return fmt.Errorf("invalid part size %d bytes: use %d to %d", partSize, int64(MinPartSize), int64(MaxSingleRequestSize))
		}
		c.multipartCutoff, c.partSize = cutoff, partSize
		return nil
	}
}

// partSizeFor returns the part size for an object of size bytes: the client's, or the
// smallest whole number of MiB that fits the object in 10,000 parts.
func (c *Client) partSizeFor(size int64) int64 {
	if size <= c.partSize*maxParts {
		return c.partSize
	}
	const mib = 1 << 20
	perPart := (size + maxParts - 1) / maxParts
	return (perPart + mib - 1) / mib * mib
}

// uploadPart sends part number (from 1) of n bytes starting at offset and returns its ETag.
type uploadPart func(ctx context.Context, uploadID *string, number int32, offset, n int64) (*string, error)

// multipart creates the multipart upload that start describes, sends size bytes through send
// one part at a time, and completes it. A failed part aborts the upload.
func (c *Client) multipart(ctx context.Context, start *s3.CreateMultipartUploadInput, size int64, send uploadPart) error {
	created, err := c.api.CreateMultipartUpload(ctx, start)
	if err != nil {
		return err
	}
	partSize := c.partSizeFor(size)
	parts := make([]types.CompletedPart, 0, (size+partSize-1)/partSize)
	for number, offset := int32(1), int64(0); offset < size; number, offset = number+1, offset+partSize {
		etag, err := send(ctx, created.UploadId, number, offset, min(partSize, size-offset))
		if err != nil {
			return errors.Join(err, c.abort(ctx, start.Key, created.UploadId))
		}
		parts = append(parts, types.CompletedPart{ETag: etag, PartNumber: aws.Int32(number)})
	}
	_, err = c.api.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{
		Bucket:          start.Bucket,
		Key:             start.Key,
		UploadId:        created.UploadId,
		MultipartUpload: &types.CompletedMultipartUpload{Parts: parts},
	})
	if err != nil {
		return errors.Join(err, c.abort(ctx, start.Key, created.UploadId))
	}
	return nil
}

func (c *Client) abort(ctx context.Context, key, uploadID *string) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), abortTimeout)
	defer cancel()
	_, err := c.api.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{
		Bucket:   aws.String(c.config.Bucket),
		Key:      key,
		UploadId: uploadID,
	})
	if err != nil {
		return fmt.Errorf("abort multipart upload %s of %q: its parts stay stored until a lifecycle rule removes them: %w",
			aws.ToString(uploadID), aws.ToString(key), err)
	}
	return nil
}

// putParts writes size bytes of body to key in parts.
func (c *Client) putParts(ctx context.Context, key string, body io.ReaderAt, size int64, contentType *string) error {
	start := &s3.CreateMultipartUploadInput{Bucket: aws.String(c.config.Bucket), Key: aws.String(key), ContentType: contentType}
	return c.multipart(ctx, start, size, func(ctx context.Context, uploadID *string, number int32, offset, n int64) (*string, error) {
		out, err := c.api.UploadPart(ctx, &s3.UploadPartInput{
			Bucket:        start.Bucket,
			Key:           start.Key,
			UploadId:      uploadID,
			PartNumber:    aws.Int32(number),
			Body:          io.NewSectionReader(body, offset, n),
			ContentLength: aws.Int64(n),
		})
		if err != nil {
			return nil, err
		}
		return out.ETag, nil
	})
}

// copyParts copies the object fromKey, which head describes, to toKey in parts, with its
// metadata. Each part requires the source's ETag, so a source rewritten during the copy fails
// it instead of mixing two versions.
func (c *Client) copyParts(ctx context.Context, fromKey, toKey string, head *s3.HeadObjectOutput) error {
	start := &s3.CreateMultipartUploadInput{
		Bucket:             aws.String(c.config.Bucket),
		Key:                aws.String(toKey),
		CacheControl:       head.CacheControl,
		ContentDisposition: head.ContentDisposition,
		ContentEncoding:    head.ContentEncoding,
		ContentLanguage:    head.ContentLanguage,
		ContentType:        head.ContentType,
		Metadata:           head.Metadata,
	}
	source := aws.String(httpbinding.EscapePath(c.config.Bucket+"/"+fromKey, false))
	size := aws.ToInt64(head.ContentLength)
	return c.multipart(ctx, start, size, func(ctx context.Context, uploadID *string, number int32, offset, n int64) (*string, error) {
		out, err := c.api.UploadPartCopy(ctx, &s3.UploadPartCopyInput{
			Bucket:            start.Bucket,
			Key:               start.Key,
			UploadId:          uploadID,
			PartNumber:        aws.Int32(number),
			CopySource:        source,
			CopySourceRange:   aws.String(fmt.Sprintf("bytes=%d-%d", offset, offset+n-1)),
			CopySourceIfMatch: head.ETag,
		})
		if err != nil {
			return nil, err
		}
		if out.CopyPartResult == nil {
			return nil, fmt.Errorf("upload part copy %d: the response has no ETag", number)
		}
		return out.CopyPartResult.ETag, nil
	})
}
