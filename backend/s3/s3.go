// Package s3 is the app's client for libraries kept in an S3 bucket, on AWS or on an
// S3-compatible server. A library is a bucket and a key prefix. Paths inside it are
// slash-separated and relative to the prefix, like those of a folder library.
//
// Keys go to the SDK exactly as stored: spaces, "+", "%", "?", "#" and Unicode in either
// normalization form reach their own object, because the SDK percent-encodes the request path
// itself. Paths with a "." or ".." segment or a leading slash are rejected, because servers
// that map keys to files (such as versitygw's posix backend) would resolve them, and so are
// paths with a NUL byte.
package s3

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/imagor-studio/desktop/backend/library"
)

// DefaultRegion is the region used when Config.Region is empty: AWS's first region, and the
// default of versitygw v1.0.14.
const DefaultRegion = "us-east-1"

// Timeouts of the HTTP client. A body may stream for as long as it takes, so there is no total
// timeout: callers bound a request with its context.
const (
	dialTimeout           = 10 * time.Second
	responseHeaderTimeout = 30 * time.Second
)

// Config is one S3 library: where the bucket is and how to sign requests to it. The JSON names
// are those the engine's control endpoint reads.
type Config struct {
	Bucket string `json:"bucket"`
	// Prefix is the library's root inside the bucket, such as "photos/2024". A slash is added
	// when it does not end in one, and "" is the whole bucket.
	Prefix string `json:"prefix,omitempty"`
	// Region is the region that requests are signed for. "" means DefaultRegion.
	Region string `json:"region,omitempty"`
	// Endpoint is the base URL of an S3-compatible server, such as "http://127.0.0.1:7070".
	// "" means AWS S3.
	Endpoint string `json:"endpoint,omitempty"`
	// PathStyle puts the bucket in the URL path instead of the host name, which S3-compatible
	// servers such as versitygw need unless they are set up for virtual-host addressing.
	PathStyle bool `json:"pathStyle,omitempty"`
	// AccessKey and SecretKey sign every request. When both are empty the requests are
	// anonymous, for public buckets: no environment variable or shared AWS file is ever read,
	// so the library behaves the same whatever shell started the app.
	AccessKey string `json:"accessKey,omitempty"`
	SecretKey string `json:"secretKey,omitempty"`
}

// Client reads and writes the objects of one library. It is safe for concurrent use.
type Client struct {
	api             *s3.Client
	config          Config
	prefix          string // Config.Prefix with a trailing slash, or ""
	multipartCutoff int64  // objects over this size are put and copied in parts
	partSize        int64
}

// New returns a Client for config with the given options. It checks the configuration only,
// and Test reaches the bucket.
func New(config Config, options ...Option) (*Client, error) {
	if config.Bucket == "" {
		return nil, fmt.Errorf("s3 library: bucket name is missing")
	}
	if (config.AccessKey == "") != (config.SecretKey == "") {
		return nil, fmt.Errorf("s3 library %q: set both the access key and the secret key, or neither for a public bucket", config.Bucket)
	}
	prefix, err := cleanPrefix(config.Prefix)
	if err != nil {
		return nil, fmt.Errorf("s3 library %q: %w", config.Bucket, err)
	}
	if config.Region == "" {
		config.Region = DefaultRegion
	}

	sdkOptions := s3.Options{
		Region:       config.Region,
		UsePathStyle: config.PathStyle,
		HTTPClient:   newHTTPClient(),
	}
	if config.AccessKey == "" {
		sdkOptions.Credentials = aws.AnonymousCredentials{}
	} else {
		sdkOptions.Credentials = credentials.NewStaticCredentialsProvider(config.AccessKey, config.SecretKey, "")
	}
	if config.Endpoint != "" {
		endpoint, err := url.Parse(config.Endpoint)
		if err != nil || (endpoint.Scheme != "http" && endpoint.Scheme != "https") || endpoint.Host == "" {
			return nil, fmt.Errorf("s3 library %q: invalid endpoint %q: use a URL such as https://s3.example.com or http://127.0.0.1:7070", config.Bucket, config.Endpoint)
		}
		sdkOptions.BaseEndpoint = aws.String(config.Endpoint)
		// Since service/s3 v1.73.0 (2025-01-15) the SDK sends a CRC32 checksum with every upload
		// by default, which several S3-compatible servers reject, so send one only where S3
		// requires it.
		sdkOptions.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		sdkOptions.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	}
	client := &Client{
		api:             s3.New(sdkOptions),
		config:          config,
		prefix:          prefix,
		multipartCutoff: DefaultMultipartCutoff,
		partSize:        DefaultMultipartPartSize,
	}
	for _, option := range options {
		if err := option(client); err != nil {
			return nil, fmt.Errorf("s3 library %q: %w", config.Bucket, err)
		}
	}
	return client, nil
}

// Config returns the configuration the client was made from, with the region filled in.
func (c *Client) Config() Config {
	return c.config
}

func newHTTPClient() *awshttp.BuildableClient {
	return awshttp.NewBuildableClient().
		WithDialerOptions(func(d *net.Dialer) { d.Timeout = dialTimeout }).
		WithTransportOptions(func(t *http.Transport) { t.ResponseHeaderTimeout = responseHeaderTimeout })
}

// cleanPrefix returns prefix with a trailing slash, or "" for the whole bucket.
func cleanPrefix(prefix string) (string, error) {
	if prefix == "" || prefix == "/" {
		return "", nil
	}
	if strings.HasPrefix(prefix, "/") {
		return "", fmt.Errorf("prefix %q: %w: remove the leading slash", prefix, library.ErrInvalidPath)
	}
	prefix = strings.TrimSuffix(prefix, "/")
	if err := checkRel(prefix); err != nil {
		return "", err
	}
	return prefix + "/", nil
}

// checkRel rejects a path inside the library that a server mapping keys to files could resolve
// outside it, or that is no object at all.
func checkRel(rel string) error {
	switch {
	case rel == "":
		return fmt.Errorf("path is empty: %w", library.ErrInvalidPath)
	case strings.ContainsRune(rel, 0):
		return fmt.Errorf("path %q: %w: contains a NUL byte", rel, library.ErrInvalidPath)
	case strings.HasPrefix(rel, "/"):
		return fmt.Errorf("path %q: %w: absolute paths are not allowed", rel, library.ErrOutside)
	}
	for _, segment := range strings.Split(rel, "/") {
		if segment == ".." || segment == "." {
			return fmt.Errorf("path %q: %w", rel, library.ErrOutside)
		}
	}
	return nil
}

// key returns the object key of rel, a path inside the library, after checking it.
func (c *Client) key(rel string) (string, error) {
	if err := checkRel(rel); err != nil {
		return "", err
	}
	return c.prefix + rel, nil
}

// Test checks that the bucket exists and that the credentials may list it: a HeadBucket and a
// ListObjectsV2 of one key under the library prefix. The error matches ErrNoSuchBucket,
// ErrAccessDenied or ErrUnreachable with errors.Is when it is one of those.
func (c *Client) Test(ctx context.Context) error {
	_, err := c.api.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(c.config.Bucket)})
	if err != nil && (isUnreachable(err) || errors.Is(err, context.Canceled)) {
		return c.bucketError("test", err)
	}
	// A HEAD response has no body, so a failed HeadBucket gives a status without an error code,
	// and some servers send an unexpected status: versitygw v1.0.14 answers 404 to an unknown
	// access key. The listing's error body names the cause, so its error is reported first.
	_, listErr := c.api.ListObjectsV2(ctx, &s3.ListObjectsV2Input{
		Bucket:  aws.String(c.config.Bucket),
		Prefix:  aws.String(c.prefix),
		MaxKeys: aws.Int32(1),
	})
	if listErr != nil {
		return c.bucketError("test", listErr)
	}
	if err != nil {
		return c.bucketError("test", err)
	}
	return nil
}
