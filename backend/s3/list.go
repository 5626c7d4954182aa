package s3

import (
	"context"
	"fmt"
	"hash/fnv"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/imagor-studio/desktop/backend/listing"
)

// ListFolder returns every entry of one folder of the library: the common prefixes under
// folder ("" is the library root) as KindFolder entries and the objects as files, in the
// server's key order. It reads every page, so a folder of any size comes back whole.
//
// Like a folder listing it leaves out names that start with "." and the folder's own marker
// object (the zero-byte "folder/" that consoles create). A folder with no key under it matches
// fs.ErrNotExist, because S3 has no empty folders. The library root is never missing.
func (c *Client) ListFolder(ctx context.Context, folder string) ([]listing.Entry, error) {
	prefix := c.prefix
	if folder != "" {
		if err := checkRel(folder); err != nil {
			return nil, fmt.Errorf("list %q: %w", folder, err)
		}
		prefix += folder + "/"
	}

	folders := map[string]bool{}
	var entries []listing.Entry
	addFolder := func(common string) {
		if entry, ok := c.folderEntry(prefix, common); ok && !folders[entry.Name] {
			folders[entry.Name] = true
			entries = append(entries, entry)
		}
	}
	keys := 0
	pages := s3.NewListObjectsV2Paginator(c.api, &s3.ListObjectsV2Input{
		Bucket:    aws.String(c.config.Bucket),
		Prefix:    aws.String(prefix),
		Delimiter: aws.String("/"),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, c.bucketError(fmt.Sprintf("list %q in", folder), err)
		}
		keys += len(page.CommonPrefixes) + len(page.Contents)
		for _, common := range page.CommonPrefixes {
			addFolder(aws.ToString(common.Prefix))
		}
		for _, object := range page.Contents {
			key := aws.ToString(object.Key)
			// S3 rolls every key with a "/" after the prefix into a common prefix, but some
			// servers (gofakes3 v1.2.0) return a subfolder's marker "prefix/sub/" as an object.
			if i := strings.IndexByte(key[min(len(prefix), len(key)):], '/'); i >= 0 {
				addFolder(key[:len(prefix)+i+1])
				continue
			}
			if entry, ok := c.fileEntry(prefix, object); ok {
				entries = append(entries, entry)
			}
		}
	}
	if keys == 0 && folder != "" {
		return nil, fmt.Errorf("list %q in bucket %q at %s: %w: no key starts with %q",
			folder, c.config.Bucket, c.where(), fs.ErrNotExist, prefix)
	}
	return entries, nil
}

// folderEntry returns the entry of a common prefix of the listing of prefix.
func (c *Client) folderEntry(prefix, common string) (listing.Entry, bool) {
	name := strings.TrimSuffix(strings.TrimPrefix(common, prefix), "/")
	// NOTE: a key with an empty segment, such as "a//b.jpg", gives a common prefix "a//" whose
	// name is empty. Such objects are left out of the listing, because no entry can name them.
	if name == "" || strings.HasPrefix(name, ".") {
		return listing.Entry{}, false
	}
	return listing.Entry{
		Name: name,
		Path: strings.TrimPrefix(common[:len(common)-1], c.prefix),
		Kind: listing.KindFolder,
	}, true
}

// fileEntry returns the entry of an object of the listing of prefix.
func (c *Client) fileEntry(prefix string, object s3types.Object) (listing.Entry, bool) {
	key := aws.ToString(object.Key)
	name := strings.TrimPrefix(key, prefix)
	// The key equal to the prefix is the folder's marker: it has no name of its own.
	if name == "" || strings.HasPrefix(name, ".") {
		return listing.Entry{}, false
	}
	rel := strings.TrimPrefix(key, c.prefix)
	return c.entry(rel, aws.ToString(object.ETag), aws.ToInt64(object.Size), aws.ToTime(object.LastModified)), true
}

// Stat returns the entry of the object at rel without reading it. A missing object matches
// fs.ErrNotExist.
func (c *Client) Stat(ctx context.Context, rel string) (listing.Entry, error) {
	key, err := c.key(rel)
	if err != nil {
		return listing.Entry{}, fmt.Errorf("stat: %w", err)
	}
	head, err := c.api.HeadObject(ctx, &s3.HeadObjectInput{Bucket: aws.String(c.config.Bucket), Key: aws.String(key)})
	if err != nil {
		return listing.Entry{}, c.objectError("stat", rel, err)
	}
	return c.entry(rel, aws.ToString(head.ETag), aws.ToInt64(head.ContentLength), aws.ToTime(head.LastModified)), nil
}

// entry returns the entry of the object at rel with the given metadata. The modification time
// is cut to whole seconds, because listings give milliseconds but the Last-Modified header of
// GetObject and HeadObject gives seconds, and an object must get one version from both.
func (c *Client) entry(rel, etag string, size int64, modTime time.Time) listing.Entry {
	name := rel[strings.LastIndex(rel, "/")+1:]
	modTime = modTime.Truncate(time.Second)
	return listing.Entry{
		Name:    name,
		Path:    rel,
		Kind:    listing.KindOf(name),
		Size:    size,
		ModTime: modTime,
		Version: Version(etag, size, modTime),
	}
}

// Version returns a short token that changes whenever the object changes: its size and
// modification time in base 36 and a 64-bit FNV-1a hash of its ETag. The ETag alone can repeat
// after a rewrite with the same content, which is harmless, and the hash keeps the token short
// whatever quoting or length the server gives the ETag.
func Version(etag string, size int64, modTime time.Time) string {
	hash := fnv.New64a()
	_, _ = hash.Write([]byte(etag))
	return strconv.FormatInt(size, 36) + "-" + strconv.FormatInt(modTime.UnixNano(), 36) + "-" +
		strconv.FormatUint(hash.Sum64(), 36)
}
