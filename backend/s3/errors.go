package s3

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"

	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// Errors that the Client's methods wrap, so the app can tell the user what to fix. Match them
// with errors.Is. A missing object matches fs.ErrNotExist instead.
//
// NOTE: ErrWrongRegion covers AWS S3's 301 PermanentRedirect for a request signed for another
// region, with the bucket's region in the X-Amz-Bucket-Region header. Regions launched after
// March 2019 return 400 instead, which is not detected, and the tests only fake the 301.
var (
	ErrNoSuchBucket = errors.New("bucket not found")
	ErrAccessDenied = errors.New("access denied")
	ErrUnreachable  = errors.New("endpoint unreachable")
	ErrWrongRegion  = errors.New("bucket is in another region")
)

// Error codes of S3 responses (the Code element of the error body) that mean the credentials
// are wrong or may not do the request. They are the API's machine-readable codes, not message
// text, and matter for servers that send them with a status other than 403.
var accessDeniedCodes = map[string]bool{
	"AccessDenied":          true,
	"AllAccessDisabled":     true,
	"ExpiredToken":          true,
	"InvalidAccessKeyId":    true,
	"InvalidToken":          true,
	"SignatureDoesNotMatch": true,
	// versitygw v1.0.14 returns this code and a 404 for an unknown access key.
	"XAdminUserNotFound": true,
}

// bucketError wraps err from a request on the bucket itself (HeadBucket, a listing).
func (c *Client) bucketError(op string, err error) error {
	var notFound *types.NotFound
	if errors.As(err, &notFound) {
		// HeadBucket has no body to carry a code, so the SDK reports a 404 as NotFound.
		return c.noSuchBucket(op, err)
	}
	return c.classify(op, err)
}

// objectError wraps err from a request on the object at rel. A missing object matches
// fs.ErrNotExist.
func (c *Client) objectError(op, rel string, err error) error {
	var noSuchKey *types.NoSuchKey
	var notFound *types.NotFound
	var apiErr smithy.APIError
	switch {
	case errors.As(err, &noSuchKey),
		// HeadObject has no body to carry a code, so the SDK reports a 404 as NotFound.
		errors.As(err, &notFound),
		errors.As(err, &apiErr) && apiErr.ErrorCode() == "NoSuchKey":
		return fmt.Errorf("%s %q in bucket %q at %s: %w: %w", op, rel, c.config.Bucket, c.where(), fs.ErrNotExist, err)
	}
	return c.classify(fmt.Sprintf("%s %q in", op, rel), err)
}

// classify wraps err in ErrNoSuchBucket, ErrAccessDenied or ErrUnreachable when it is one of
// those, with what to check, and names the bucket and endpoint in any case.
func (c *Client) classify(op string, err error) error {
	var noSuchBucket *types.NoSuchBucket
	var apiErr smithy.APIError
	switch {
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("%s bucket %q: %w", op, c.config.Bucket, err)
	case errors.As(err, &noSuchBucket), errors.As(err, &apiErr) && apiErr.ErrorCode() == "NoSuchBucket":
		return c.noSuchBucket(op, err)
	case c.config.AccessKey == "" && isClientError(err):
		return fmt.Errorf("%s bucket %q at %s: %w: the bucket is not public, so set an access key and a secret key: %w",
			op, c.config.Bucket, c.where(), ErrAccessDenied, err)
	case errors.As(err, &apiErr) && accessDeniedCodes[apiErr.ErrorCode()],
		statusCode(err) == http.StatusForbidden, statusCode(err) == http.StatusUnauthorized:
		return fmt.Errorf("%s bucket %q at %s: %w: check the access key and the secret key, and that they may read this bucket: %w",
			op, c.config.Bucket, c.where(), ErrAccessDenied, err)
	case statusCode(err) == http.StatusMovedPermanently,
		errors.As(err, &apiErr) && apiErr.ErrorCode() == "PermanentRedirect":
		return c.wrongRegion(op, err)
	case isUnreachable(err):
		return fmt.Errorf("%s bucket %q at %s: %w: check the endpoint URL and the network connection: %w",
			op, c.config.Bucket, c.where(), ErrUnreachable, err)
	}
	return fmt.Errorf("%s bucket %q at %s: %w", op, c.config.Bucket, c.where(), err)
}

func (c *Client) noSuchBucket(op string, err error) error {
	return fmt.Errorf("%s bucket %q at %s: %w: check the bucket name, the region (%s) and the endpoint: %w",
		op, c.config.Bucket, c.where(), ErrNoSuchBucket, c.config.Region, err)
}

// wrongRegion wraps err from a bucket that AWS S3 redirects to its own region, which it names
// in the X-Amz-Bucket-Region response header.
func (c *Client) wrongRegion(op string, err error) error {
	hint := "set the library's region to the bucket's"
	var responseErr *smithyhttp.ResponseError
	if errors.As(err, &responseErr) && responseErr.Response != nil {
		if region := responseErr.Response.Header.Get("X-Amz-Bucket-Region"); region != "" {
			hint = fmt.Sprintf("set the library's region to %s", region)
		}
	}
	return fmt.Errorf("%s bucket %q at %s: %w: %s: %w", op, c.config.Bucket, c.where(), ErrWrongRegion, hint, err)
}

// where returns the server's name for messages: the endpoint, or AWS S3 and the region.
func (c *Client) where() string {
	if c.config.Endpoint != "" {
		return c.config.Endpoint
	}
	return "AWS S3 (" + c.config.Region + ")"
}

// statusCode returns the HTTP status of the response that err came from, or 0 when there was
// no response.
func statusCode(err error) int {
	var responseErr *smithyhttp.ResponseError
	if errors.As(err, &responseErr) && responseErr.Response != nil {
		return responseErr.HTTPStatusCode()
	}
	return 0
}

// isClientError reports whether err came from a 400, 401 or 403 response. An anonymous request
// to a private bucket gets 403 from AWS S3, and 400 (InvalidArgument) from versitygw v1.0.14,
// which rejects any request without an Authorization header.
func isClientError(err error) bool {
	switch statusCode(err) {
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden:
		return true
	}
	return false
}

// isUnreachable reports whether err means that no response came: a name that does not
// resolve, a refused or reset connection, or a timeout.
func isUnreachable(err error) bool {
	var sendErr *smithyhttp.RequestSendError
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var netErr net.Error
	return errors.As(err, &sendErr) ||
		errors.As(err, &dnsErr) ||
		errors.As(err, &opErr) ||
		errors.As(err, &netErr) && netErr.Timeout() ||
		errors.Is(err, context.DeadlineExceeded)
}
