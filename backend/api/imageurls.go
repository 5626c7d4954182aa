package api

import (
	"context"
	"crypto/subtle"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/idna"

	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
)

// signer is the HMAC of the URLs this server signs with the app's own secret
// (settings.SecretURLSigning), untruncated.
const signer = imageurl.SignerSHA256

type baseURLKey struct{}

// withBaseURL returns ctx carrying the scheme and host the request came in on, which passed the
// Host check, so URLs the API returns reach this server the same way.
func withBaseURL(ctx context.Context, base string) context.Context {
	return context.WithValue(ctx, baseURLKey{}, base)
}

func baseURL(ctx context.Context) string {
	base, _ := ctx.Value(baseURLKey{}).(string)
	return base
}

// signPath turns an unsafe imagor path ("/unsafe/OPS/IMAGE?v=…") into the same path signed with
// secret ("/SIGNATURE/OPS/IMAGE?v=…"). The query is outside the signature, as in imagor.
func signPath(secret, unsafePath string) (string, error) {
	rest, ok := strings.CutPrefix(unsafePath, "/unsafe/")
	if !ok {
		return "", fmt.Errorf("sign %q: not an unsafe imagor path", unsafePath)
	}
	path, query, _ := strings.Cut(rest, "?")
	sig, err := imageurl.Sign(signer, secret, 0, path)
	if err != nil {
		return "", err
	}
	out := "/" + sig + "/" + path
	if query != "" {
		out += "?" + query
	}
	return out, nil
}

// verifyPath checks the signature of an escaped imagor path after the prefix ("SIGNATURE/REST")
// and returns REST. The comparison takes the same time whatever the bytes.
func verifyPath(secret, escaped string) (string, bool) {
	sig, rest, ok := strings.Cut(escaped, "/")
	if !ok || sig == "" || rest == "" {
		return "", false
	}
	want, err := imageurl.Sign(signer, secret, 0, rest)
	if err != nil {
		return "", false
	}
	return rest, subtle.ConstantTimeCompare([]byte(sig), []byte(want)) == 1
}

// absoluteImageURL returns base + /imagor + path, signed unless unsafe is set.
func absoluteImageURL(base, secret, unsafePath string, unsafe bool) (string, error) {
	if unsafe {
		return base + imagehandler.Prefix + unsafePath, nil
	}
	signed, err := signPath(secret, unsafePath)
	if err != nil {
		return "", err
	}
	return base + imagehandler.Prefix + signed, nil
}

// checkOps rejects an operations part that would not stay one imagor path: a query, a fragment,
// bytes outside printable ASCII, or "unsafe" and a signature of its own.
func checkOps(ops string) (string, error) {
	ops = strings.Trim(ops, "/")
	for i := 0; i < len(ops); i++ {
		if c := ops[i]; c <= ' ' || c >= 0x7f || c == '?' || c == '#' || c == '%' {
			return "", invalidf("ops %q: byte %q is not allowed; give imagor operations such as fit-in/800x600/filters:format(webp)", ops, c)
		}
	}
	for _, segment := range strings.Split(ops, "/") {
		if segment == "unsafe" || segment == ".." || segment == "." {
			return "", invalidf("ops %q: segment %q is not allowed; give only the operations", ops, segment)
		}
	}
	if strings.Contains(ops, "//") {
		return "", invalidf("ops %q: empty segment; separate operations with a single /", ops)
	}
	return ops, nil
}

// asciiURL returns rawURL in pure ASCII: a host outside ASCII in its IDNA (punycode) form and
// every other byte outside ASCII percent-encoded.
func asciiURL(rawURL string) string {
	ascii := true
	for i := 0; i < len(rawURL); i++ {
		if rawURL[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return rawURL
	}
	if u, err := url.Parse(rawURL); err == nil {
		if host, err := idna.Lookup.ToASCII(u.Hostname()); err == nil {
			if port := u.Port(); port != "" {
				host += ":" + port
			}
			u.Host = host
		}
		rawURL = u.String()
	}
	var b strings.Builder
	for i := 0; i < len(rawURL); i++ {
		if c := rawURL[i]; c >= 0x80 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
