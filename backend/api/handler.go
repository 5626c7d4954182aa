package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/imagor-studio/desktop/backend/api/generated"
	"github.com/imagor-studio/desktop/backend/api/model"
	"github.com/imagor-studio/desktop/backend/imagehandler"
)

// unsetPageComplexity is the number of entries the complexity of folder assumes when first is
// not given. A folder without first returns every entry, so checkUnpagedFolder counts the rest
// once the folder is listed.
const unsetPageComplexity = 20

// undecodableBody starts the message of gqlgen's POST transport for a body that is not a JSON
// request object.
const undecodableBody = "json request body could not be decoded"

// Handler returns the API's HTTP handler for a server listening on port, with the Host, Origin,
// token and body-size checks in front of every route.
func (s *Server) Handler(port int) http.Handler {
	mux := http.NewServeMux()
	gql := s.graphqlHandler()
	mux.Handle("POST /graphql", s.requireToken(limitBody(gql)))
	mux.HandleFunc("GET /graphql", serveQueryPage)
	mux.Handle("GET /graphiql", denyFraming(playground.Handler("Imagor Studio API", "/graphql")))
	mux.HandleFunc(imagehandler.Prefix+"/", s.serveImage)
	return s.logRequests(s.checkHost(port, mux))
}

func (s *Server) graphqlHandler() http.Handler {
	cfg := generated.Config{Resolvers: &Resolver{svc: s.svc, srv: s}}
	cfg.Complexity.Query.Folder = func(child int, _, _ string, first *int, _ *string, _ *model.SortInput, _ *string) int {
		n := unsetPageComplexity
		if first != nil && *first > 0 {
			n = *first
		}
		return 1 + child*n
	}
	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(transport.POST{})
	srv.Use(extension.Introspection{})
	srv.Use(extension.FixedComplexityLimit(MaxComplexity))
	srv.Use(depthLimit{max: MaxDepth, maxIntrospection: MaxIntrospectionDepth, maxSchemaFields: MaxSchemaFields})
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		out := graphql.DefaultErrorPresenter(ctx, err)
		code, _ := out.Extensions["code"].(string)
		if code == "" && len(out.Path) == 0 && strings.HasPrefix(out.Message, undecodableBody) {
			// gqlgen appends the whole body to this message, up to MaxBodyBytes of it.
			out.Message, _, _ = strings.Cut(out.Message, " body:")
			code = CodeInvalidArgument
			out.Extensions = map[string]any{"code": code}
		}
		if code == CodeInternal || code == "" {
			s.cfg.Logger.Warn("GraphQL request failed", "path", out.Path.String(), "error", err)
			out.Extensions = map[string]any{"code": CodeInternal}
		} else {
			s.cfg.Logger.Debug("GraphQL error returned", "path", out.Path.String(), "code", code, "error", out.Message)
		}
		return out
	})
	srv.SetRecoverFunc(func(ctx context.Context, v any) error {
		s.cfg.Logger.Error("GraphQL resolver panicked", "panic", v, "path", graphql.GetPath(ctx).String())
		return &gqlerror.Error{Message: "internal error; the app log has the details", Extensions: map[string]any{"code": CodeInternal}}
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !(transport.POST{}).Supports(r) {
			writeJSONError(w, http.StatusUnsupportedMediaType, CodeInvalidArgument, "Content-Type "+
				strconv.Quote(r.Header.Get("Content-Type"))+" is not supported: send a JSON body with Content-Type: application/json")
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), RenderTimeout)
		defer cancel()
		ctx = withBaseURL(ctx, "http://"+r.Host)
		ctx = withUnpagedCost(ctx)
		srv.ServeHTTP(w, r.WithContext(ctx))
	})
}

// checkHost answers 403 to a request whose Host is not this server's under an allowed name
// (DNS rebinding) and to a browser request from a page of another origin.
func (s *Server) checkHost(port int, next http.Handler) http.Handler {
	allowed := map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true}
	for _, name := range s.cfg.AllowHosts {
		if host, _, err := net.SplitHostPort(name); err == nil {
			name = host
		}
		allowed[strings.ToLower(strings.Trim(name, "[]"))] = true
	}
	wantPort := strconv.Itoa(port)
	hostOK := func(hostport string) bool {
		host, p, err := net.SplitHostPort(hostport)
		return err == nil && p == wantPort && allowed[strings.ToLower(host)]
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !hostOK(r.Host) {
			writeJSONError(w, http.StatusForbidden, CodeForbiddenHost, "Host "+strconv.Quote(r.Host)+
				" is not allowed: use 127.0.0.1:"+wantPort+", or start the server with --allow-host NAME")
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" {
			u, err := url.Parse(origin)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !hostOK(u.Host) {
				writeJSONError(w, http.StatusForbidden, CodeForbiddenOrigin, "Origin "+strconv.Quote(origin)+
					" is not allowed: the API answers only pages it serves itself")
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// Codes of the HTTP-level errors, in the same JSON shape as GraphQL errors.
const (
	CodeForbiddenHost   = "FORBIDDEN_HOST"
	CodeForbiddenOrigin = "FORBIDDEN_ORIGIN"
	CodeBodyTooLarge    = "BODY_TOO_LARGE"
	CodeBadSignature    = "BAD_SIGNATURE"
)

// authorized reports whether r carries the bearer token, comparing SHA-256 sums in constant time.
// The scheme name is case-insensitive (RFC 9110, section 11.1), so "bearer TOKEN" passes too.
func (s *Server) authorized(r *http.Request) bool {
	want := s.token.Load()
	scheme, given, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if want == nil || !ok || !strings.EqualFold(scheme, "Bearer") || given == "" {
		return false
	}
	sum := sha256.Sum256([]byte(given))
	return subtle.ConstantTimeCompare(sum[:], want[:]) == 1
}

func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="imagor-studio"`)
			writeJSONError(w, http.StatusUnauthorized, CodeUnauthenticated,
				"missing or wrong token: send Authorization: Bearer TOKEN (Settings → API shows the token)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// limitBody reads at most MaxBodyBytes of the body and responds 413 to a longer one.
func limitBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeJSONError(w, http.StatusRequestEntityTooLarge, CodeBodyTooLarge,
				"request body is over "+strconv.Itoa(MaxBodyBytes)+" bytes: send a smaller query and variables")
			return
		}
		if err != nil {
			writeJSONError(w, http.StatusBadRequest, CodeInvalidArgument, "request body unreadable: "+err.Error())
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		next.ServeHTTP(w, r)
	})
}

// serveImage serves /imagor/SIGNATURE/… signed with the app's secret to anyone who passed the
// Host check, and /imagor/unsafe/… only with the token (or with Config.Unsafe). Both go through
// the gallery's image handler and its disk cache, under the unsafe path the gallery uses.
func (s *Server) serveImage(w http.ResponseWriter, r *http.Request) {
	escaped := strings.TrimPrefix(r.URL.EscapedPath(), imagehandler.Prefix+"/")
	if strings.HasPrefix(escaped, "unsafe/") {
		if !s.cfg.Unsafe && !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="imagor-studio"`)
			writeJSONError(w, http.StatusUnauthorized, CodeUnauthenticated,
				"unsafe URLs need the token: send Authorization: Bearer TOKEN, or ask imageUrl for a signed URL")
			return
		}
		s.svc.Images.ServeHTTP(w, r)
		return
	}
	rest, ok := verifyPath(s.signingSecret, escaped)
	if !ok {
		writeJSONError(w, http.StatusForbidden, CodeBadSignature,
			"the URL's signature does not match: get a new URL from imageUrl")
		return
	}
	raw := imagehandler.Prefix + "/unsafe/" + rest
	decoded, err := url.PathUnescape(raw)
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, CodeInvalidArgument, "invalid escape in the image path")
		return
	}
	forward := r.Clone(r.Context())
	forward.URL.Path, forward.URL.RawPath = decoded, raw
	s.svc.Images.ServeHTTP(w, forward)
}

// writeJSONError writes an error in the shape of a GraphQL response, so clients read one shape.
func writeJSONError(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": message, "extensions": map[string]string{"code": code}}},
	})
}

// statusRecorder keeps the status of a response for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(status int) {
	w.status = status
	w.ResponseWriter.WriteHeader(status)
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		s.cfg.Logger.Debug("API request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"duration", time.Since(start).Round(time.Microsecond))
	})
}
