package imageurl

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"net/url"
	"strings"
)

// Signer names, as imagor's -imagor-signer-type flag spells them.
const (
	SignerSHA1   = "sha1"
	SignerSHA256 = "sha256"
	SignerSHA512 = "sha512"
)

// Server describes the user's own imagor server, for URLs that are pasted elsewhere.
type Server struct {
	BaseURL  string // scheme, host and any path prefix, e.g. https://img.example.com
	Secret   string // imagor's -imagor-secret; "" makes unsafe URLs
	Signer   string // SignerSHA1 (imagor's default), SignerSHA256 or SignerSHA512
	Truncate int    // imagor's -imagor-signer-truncate; 0 keeps the whole signature
	// PathPrefix is the folder of this library's files in the server's storage, e.g. "photos/2026/".
	PathPrefix string
	// EscapesNames is true for a server started with imagor's default safe characters, which
	// escapes every byte outside [A-Za-z0-9/._~-] before it opens a file; false for one started
	// with "--" as the safe characters, which opens names as they are.
	EscapesNames bool
}

// ErrInvalidServer is returned for a Server whose fields cannot make a URL.
var ErrInvalidServer = errors.New("invalid imagor server")

// Sign returns imagor's signature of path (the part after the signature, without a leading
// slash): an HMAC of the exact bytes that go on the wire, in padded base64url, cut to truncate
// characters when truncate is positive.
func Sign(signer, secret string, truncate int, path string) (string, error) {
	var alg func() hash.Hash
	switch strings.ToLower(signer) {
	case "", SignerSHA1:
		alg = sha1.New
	case SignerSHA256:
		alg = sha256.New
	case SignerSHA512:
		alg = sha512.New
	default:
		return "", fmt.Errorf("%w: unknown signer %q: use sha1, sha256 or sha512", ErrInvalidServer, signer)
	}
	mac := hmac.New(alg, []byte(secret))
	mac.Write([]byte(path))
	sig := base64.URLEncoding.EncodeToString(mac.Sum(nil))
	if truncate > 0 && len(sig) > truncate {
		sig = sig[:truncate]
	}
	return sig, nil
}

// URL returns the absolute URL of ops applied to rel (a path inside the library) on server, and
// a warning when the server cannot open that name unchanged. The image goes out in "b64:" form
// whenever it has a byte outside the safe set, as EncodeImage does.
func (s Server) URL(ops, rel string) (string, string, error) {
	base, err := url.Parse(s.BaseURL)
	if err != nil || base.Scheme == "" || base.Host == "" {
		return "", "", fmt.Errorf("%w: base URL %q: give a URL such as https://img.example.com", ErrInvalidServer, s.BaseURL)
	}
	key := strings.TrimPrefix(s.PathPrefix, "/")
	if key != "" && !strings.HasSuffix(key, "/") {
		key += "/"
	}
	key += rel

	path := EncodeImage(key)
	if ops != "" {
		path = ops + "/" + path
	}
	sig := "unsafe"
	if s.Secret != "" {
		sig, err = Sign(s.Signer, s.Secret, s.Truncate, path)
		if err != nil {
			return "", "", err
		}
	}
	return strings.TrimSuffix(s.BaseURL, "/") + "/" + sig + "/" + path, s.nameWarning(key), nil
}

// nameWarning returns why a server that escapes names would look for another file than key.
func (s Server) nameWarning(key string) string {
	if !s.EscapesNames {
		return ""
	}
	for _, segment := range strings.Split(key, "/") {
		if strings.HasPrefix(segment, ".") {
			return fmt.Sprintf("the server rejects %q because a folder or file name starts with a dot", key)
		}
	}
	for i := 0; i < len(key); i++ {
		if c := key[i]; !isSafe(c) && c != '~' {
			return fmt.Sprintf("the server escapes %q before opening it (byte %q), so it will not find "+
				"the file; start it with safe characters \"--\" or rename the file", key, c)
		}
	}
	return ""
}
