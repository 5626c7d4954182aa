package api

import (
	_ "embed"
	"net/http"
)

// queryPage is a small page that sends a query with the token, for a browser; it loads nothing
// from the network. GET /graphiql serves gqlgen's GraphiQL, which loads its scripts from a CDN.
//
//go:embed querypage.html
var queryPage []byte

func serveQueryPage(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self'")
	w.Header().Set("X-Frame-Options", "DENY")
	_, _ = w.Write(queryPage)
}

// denyFraming makes browsers refuse to show next's pages in a frame, so a page of another site
// cannot lay GraphiQL under its own buttons (clickjacking).
func denyFraming(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Frame-Options", "DENY")
		w.Header().Set("Content-Security-Policy", "frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}
