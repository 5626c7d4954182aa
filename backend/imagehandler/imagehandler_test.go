package imagehandler_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/imagor-studio/desktop/backend/engine"
	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// MustLibrary creates a library folder with a 300 x 200 PNG named photo.png, and returns the
// folder and its id.
func MustLibrary(tb testing.TB) (string, string) {
	tb.Helper()
	dir := tb.TempDir()
	MustWriteFile(tb, dir, "photo.png", MustPNG(tb, 300, 200))
	return dir, library.IDFor(dir)
}

// failureBody decodes an error response and checks its shape: JSON with a non-empty reason and
// message, an optional detail and no other field, sent with no-store.
func failureBody(tb testing.TB, resp response) imagehandler.Failure {
	tb.Helper()
	if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
		tb.Errorf("error Content-Type=%q, want application/json", ct)
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		tb.Errorf("error Cache-Control=%q, want no-store", cc)
	}
	if xc := resp.Header.Get("X-Cache"); xc != "" {
		tb.Errorf("error X-Cache=%q, want none", xc)
	}
	var fields map[string]any
	if err := json.Unmarshal(resp.Body, &fields); err != nil {
		tb.Fatalf("error body %q is not JSON: %v", resp.Body, err)
	}
	for name, value := range fields {
		if !slices.Contains([]string{"reason", "message", "detail"}, name) {
			tb.Errorf("error body has field %q=%v, want only reason, message and detail", name, value)
		}
		if _, ok := value.(string); !ok {
			tb.Errorf("error body field %q=%v (%T), want a string", name, value, value)
		}
	}
	var failure imagehandler.Failure
	if err := json.Unmarshal(resp.Body, &failure); err != nil {
		tb.Fatal(err)
	}
	if failure.Reason == "" || failure.Message == "" {
		tb.Errorf("error body %s, want a reason and a message", resp.Body)
	}
	return failure
}

func TestHandler_Cache(t *testing.T) {
	t.Run("OKHitAfterMiss", func(t *testing.T) {
		dir, id := MustLibrary(t)
		renderer := &countingRenderer{next: MustEngine(t, map[string]string{id: dir})}
		base := MustServer(t, renderer, MustCache(t))
		url := base + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, "photo.png"), "v1", imageurl.ThumbnailSize)

		first := MustFetch(t, "GET", url)
		if first.Status != http.StatusOK {
			t.Fatalf("first GET status=%d body=%s, want 200", first.Status, first.Body)
		}
		if got := first.Header.Get("X-Cache"); got != "miss" {
			t.Errorf("first GET X-Cache=%q, want miss", got)
		}
		second := MustFetch(t, "GET", url)
		if got := second.Header.Get("X-Cache"); got != "hit" {
			t.Errorf("second GET X-Cache=%q, want hit", got)
		}
		if !bytes.Equal(first.Body, second.Body) {
			t.Errorf("cached body (%d bytes) differs from the rendered one (%d bytes)", len(second.Body), len(first.Body))
		}
		for _, resp := range []response{first, second} {
			if ct := resp.Header.Get("Content-Type"); ct != "image/webp" {
				t.Errorf("Content-Type=%q, want image/webp", ct)
			}
			if cl := resp.Header.Get("Content-Length"); cl != strconv.Itoa(len(resp.Body)) {
				t.Errorf("Content-Length=%q, want %d", cl, len(resp.Body))
			}
		}
		cfg, _ := MustDecodeConfig(t, second.Body)
		if cfg.Width != 256 || cfg.Height != 171 {
			t.Errorf("cached thumbnail size=%dx%d, want 256x171", cfg.Width, cfg.Height)
		}
		if got := renderer.calls.Load(); got != 1 {
			t.Errorf("renders=%d, want 1", got)
		}
	})

	t.Run("OKNewVersionMisses", func(t *testing.T) {
		dir, id := MustLibrary(t)
		renderer := &countingRenderer{next: MustEngine(t, map[string]string{id: dir})}
		base := MustServer(t, renderer, MustCache(t))
		key := library.Key(id, "photo.png")

		for _, step := range []struct{ version, wantCache string }{{"v1", "miss"}, {"v1", "hit"}, {"v2", "miss"}, {"v2", "hit"}} {
			resp := MustFetch(t, "GET", base+imagehandler.Prefix+imageurl.Thumbnail(key, step.version, imageurl.ThumbnailSize))
			if got := resp.Header.Get("X-Cache"); got != step.wantCache {
				t.Errorf("version %s X-Cache=%q, want %s", step.version, got, step.wantCache)
			}
		}
		if got := renderer.calls.Load(); got != 2 {
			t.Errorf("renders=%d, want 2 (one per version)", got)
		}
	})

	t.Run("OKNoCache", func(t *testing.T) {
		dir, id := MustLibrary(t)
		renderer := &countingRenderer{next: MustEngine(t, map[string]string{id: dir})}
		base := MustServer(t, renderer, nil)
		url := base + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, "photo.png"), "", imageurl.ThumbnailSize)
		for i := range 2 {
			resp := MustFetch(t, "GET", url)
			if got := resp.Header.Get("X-Cache"); got != "miss" {
				t.Errorf("GET %d without a cache X-Cache=%q, want miss", i+1, got)
			}
		}
		if got := renderer.calls.Load(); got != 2 {
			t.Errorf("renders without a cache=%d, want 2", got)
		}
	})

	t.Run("OKTooLargeToCache", func(t *testing.T) {
		// Responses over 32 MiB are sent but not kept.
		renderer := &stubRenderer{status: http.StatusOK, body: make([]byte, 32<<20+1)}
		base := MustServer(t, renderer, MustCache(t))
		for i := range 2 {
			resp := MustFetch(t, "GET", base+imagehandler.Prefix+"/unsafe/lib/huge.png")
			if len(resp.Body) != 32<<20+1 {
				t.Errorf("GET %d body=%d bytes, want %d", i+1, len(resp.Body), 32<<20+1)
			}
			if got := resp.Header.Get("X-Cache"); got != "miss" {
				t.Errorf("GET %d X-Cache=%q, want miss", i+1, got)
			}
		}
		if got := renderer.calls.Load(); got != 2 {
			t.Errorf("renders=%d, want 2", got)
		}
	})
}

// TestHandler_Singleflight sends identical requests at once and checks that the engine renders
// once. The first render is held until every request has had time to arrive.
func TestHandler_Singleflight(t *testing.T) {
	dir, id := MustLibrary(t)
	renderer := &countingRenderer{next: MustEngine(t, map[string]string{id: dir}), gate: make(chan struct{})}
	base := MustServer(t, renderer, MustCache(t))
	url := base + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, "photo.png"), "v1", imageurl.ThumbnailSize)

	const requests = 8
	responses := make([]response, requests)
	errs := make([]error, requests)
	var wg sync.WaitGroup
	for i := range requests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Get(url)
			if err != nil {
				errs[i] = err
				return
			}
			defer resp.Body.Close()
			var body bytes.Buffer
			_, errs[i] = body.ReadFrom(resp.Body)
			responses[i] = response{Status: resp.StatusCode, Header: resp.Header, Body: body.Bytes()}
		}()
	}
	// Release the render once every request reached the renderer (singleflight broken) or after
	// 500 ms, by which time all of them wait in the handler.
	deadline := time.Now().Add(500 * time.Millisecond)
	for renderer.calls.Load() < requests && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	close(renderer.gate)
	wg.Wait()

	if got := renderer.calls.Load(); got != 1 {
		t.Errorf("renders for %d identical requests=%d, want 1", requests, got)
	}
	for i, resp := range responses {
		if errs[i] != nil {
			t.Errorf("request %d: %v", i, errs[i])
			continue
		}
		if resp.Status != http.StatusOK {
			t.Errorf("request %d status=%d, want 200", i, resp.Status)
		}
		if !bytes.Equal(resp.Body, responses[0].Body) {
			t.Errorf("request %d body differs from request 0", i)
		}
		if xc := resp.Header.Get("X-Cache"); xc != "miss" && xc != "hit" {
			t.Errorf("request %d X-Cache=%q, want miss or hit", i, xc)
		}
	}
}

// TestHandler_Failures renders each kind of broken file through the real engine and checks the
// status and reason of the JSON error, and that no error is cached.
func TestHandler_Failures(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "library")
	id := library.IDFor(dir)
	MustWriteFile(t, base, "secret.png", MustPNG(t, 10, 10))
	MustWriteFile(t, dir, "empty.jpg", nil)
	MustWriteFile(t, dir, "random.jpg", pseudoRandom(4096))
	MustWriteFile(t, dir, "text.jpg", []byte("not an image\n"))
	MustWriteFile(t, dir, "hevc.heic", MustConvert(t, 64, 48, "a.heic"))
	MustWriteFile(t, dir, "bomb.png", MustBombPNG(t, 30000, 30000))
	MustWriteFile(t, dir, "wide.png", MustBombPNG(t, 70000, 16))
	if err := os.Symlink(filepath.Join(base, "secret.png"), filepath.Join(dir, "link-out.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.jpg"), 0o755); err != nil {
		t.Fatal(err)
	}

	renderer := &countingRenderer{next: MustEngine(t, map[string]string{id: dir})}
	server := MustServer(t, renderer, MustCache(t))

	tests := []struct {
		name       string
		key        string
		wantStatus int
		wantReason string
	}{
		{"ErrEmpty", library.Key(id, "empty.jpg"), 422, imagehandler.ReasonEmpty},
		{"ErrRandomBytes", library.Key(id, "random.jpg"), 406, imagehandler.ReasonNotImage},
		{"ErrTextNamedJPEG", library.Key(id, "text.jpg"), 406, imagehandler.ReasonNotImage},
		{"ErrHEVC", library.Key(id, "hevc.heic"), 406, imagehandler.ReasonHEVC},
		{"ErrDecompressionBomb", library.Key(id, "bomb.png"), 422, imagehandler.ReasonTooLarge},
		{"ErrTooWide", library.Key(id, "wide.png"), 422, imagehandler.ReasonTooLarge},
		{"ErrMissing", library.Key(id, "missing.jpg"), 404, imagehandler.ReasonNotFound},
		{"ErrSymlinkOutside", library.Key(id, "link-out.png"), 403, imagehandler.ReasonOutside},
		{"ErrFolder", library.Key(id, "folder.jpg"), 422, imagehandler.ReasonNotImage},
		{"ErrUnknownLibrary", library.Key("000000000000", "photo.png"), 404, imagehandler.ReasonNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			url := server + imagehandler.Prefix + imageurl.Thumbnail(tc.key, "1", imageurl.ThumbnailSize)
			before := renderer.calls.Load()
			start := time.Now()
			resp := MustFetch(t, "GET", url)
			t.Logf("%s: %d %s in %s", tc.name, resp.Status, resp.Body, time.Since(start))

			if resp.Status != tc.wantStatus {
				t.Errorf("status=%d, want %d", resp.Status, tc.wantStatus)
			}
			failure := failureBody(t, resp)
			if failure.Reason != tc.wantReason {
				t.Errorf("reason=%q (message %q, detail %q), want %q", failure.Reason, failure.Message, failure.Detail, tc.wantReason)
			}
			if failure.Detail == "" {
				t.Errorf("detail is empty, want the engine's message")
			}

			again := MustFetch(t, "GET", url)
			if again.Status != tc.wantStatus {
				t.Errorf("second request status=%d, want %d", again.Status, tc.wantStatus)
			}
			if got := renderer.calls.Load() - before; got != 2 {
				t.Errorf("renders for two requests of a broken file=%d, want 2 (errors are not cached)", got)
			}
		})
	}
}

// TestHandler_TruncatedJPEG checks that the first half of a JPEG gets a "truncated" tile. libvips
// alone would decode what is there and fill the rest with grey.
func TestHandler_TruncatedJPEG(t *testing.T) {
	dir := t.TempDir()
	id := library.IDFor(dir)
	whole := MustConvert(t, 400, 300, "whole.jpg")
	MustWriteFile(t, dir, "half.jpg", whole[:len(whole)/2])
	server := MustServer(t, MustEngine(t, map[string]string{id: dir}), MustCache(t))

	resp := MustFetch(t, "GET", server+imagehandler.Prefix+imageurl.Thumbnail(library.Key(id, "half.jpg"), "", imageurl.ThumbnailSize))
	if resp.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status=%d body=%s, want 422", resp.Status, resp.Body)
	}
	var failure imagehandler.Failure
	if err := json.Unmarshal(resp.Body, &failure); err != nil {
		t.Fatal(err)
	}
	if failure.Reason != imagehandler.ReasonTruncated {
		t.Errorf("reason=%q (%s), want %q", failure.Reason, failure.Message, imagehandler.ReasonTruncated)
	}
}

// TestHandler_PathSafety requests a file outside the library in each way a URL can spell it,
// through the real engine. A file outside the library is there to be served by mistake.
func TestHandler_PathSafety(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "library")
	id := library.IDFor(dir)
	MustWriteFile(t, base, "secret.png", MustPNG(t, 10, 10))
	MustWriteFile(t, dir, "inside.png", MustPNG(t, 20, 10))
	MustWriteFile(t, dir, "%2e%2e", MustPNG(t, 30, 10))
	if err := os.Symlink(filepath.Join(base, "secret.png"), filepath.Join(dir, "link-out.png")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("inside.png", filepath.Join(dir, "link-in.png")); err != nil {
		t.Fatal(err)
	}
	server := MustServer(t, MustEngine(t, map[string]string{id: dir}), MustCache(t))

	b64 := func(key string) string {
		return "/unsafe/b64:" + base64.RawURLEncoding.EncodeToString([]byte(key))
	}
	tests := []struct {
		name       string
		path       string
		wantStatus int
		wantReason string // of an error
		wantWidth  int    // of a served image
	}{
		{"OKInside", imageurl.Original(library.Key(id, "inside.png"), "", true), 200, "", 20},
		{"OKSymlinkInside", imageurl.Original(library.Key(id, "link-in.png"), "", true), 200, "", 20},
		{"OKLiteralPercentDots", imageurl.Original(library.Key(id, "%2e%2e"), "", true), 200, "", 30},
		// The engine's ServeMux redirects a path with ".." to its cleaned form; the engine
		// client does not follow, and the handler rejects the path.
		{"ErrDotDot", "/unsafe/" + id + "/../secret.png", 403, imagehandler.ReasonOutside, 0},
		{"ErrDotDotInside", "/unsafe/" + id + "/a/../../secret.png", 403, imagehandler.ReasonOutside, 0},
		{"ErrPercentDots", "/unsafe/" + id + "/%2e%2e/secret.png", 403, imagehandler.ReasonOutside, 0},
		{"ErrPercentDotsB64", b64(id + "/../secret.png"), 403, imagehandler.ReasonOutside, 0},
		{"ErrAbsoluteB64", b64(id + "/" + filepath.Join(base, "secret.png")), 403, imagehandler.ReasonOutside, 0},
		{"ErrSymlinkOutside", imageurl.Original(library.Key(id, "link-out.png"), "", true), 403, imagehandler.ReasonOutside, 0},
		{"ErrUnknownLibrary", imageurl.Original(library.Key("000000000000", "inside.png"), "", true), 404, imagehandler.ReasonNotFound, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := MustFetch(t, "GET", server+imagehandler.Prefix+tc.path)
			if resp.Status != tc.wantStatus {
				t.Fatalf("GET %s status=%d body=%s, want %d", tc.path, resp.Status, resp.Body, tc.wantStatus)
			}
			if tc.wantStatus != http.StatusOK {
				if failure := failureBody(t, resp); failure.Reason != tc.wantReason {
					t.Errorf("reason=%q, want %q", failure.Reason, tc.wantReason)
				}
				return
			}
			cfg, _ := MustDecodeConfig(t, resp.Body)
			if cfg.Width != tc.wantWidth {
				t.Errorf("served a %d px wide image, want %d", cfg.Width, tc.wantWidth)
			}
		})
	}
}

// TestHandler_RendererErrors checks the status and reason for each error the supervisor
// returns instead of a response.
func TestHandler_RendererErrors(t *testing.T) {
	tests := []struct {
		name       string
		renderer   *stubRenderer
		wantStatus int
		wantReason string
	}{
		{"ErrCrashed", &stubRenderer{err: engine.ErrCrashed}, 502, imagehandler.ReasonEngineCrashed},
		{"ErrUnavailable", &stubRenderer{err: fmt.Errorf("%w: it exited at start", engine.ErrUnavailable)}, 503, imagehandler.ReasonEngineUnavailable},
		{"ErrTimeout", &stubRenderer{err: context.DeadlineExceeded}, 504, imagehandler.ReasonTimeout},
		{"ErrOther", &stubRenderer{err: errors.New("connection reset")}, 502, imagehandler.ReasonInternal},
		{"ErrEngineNotJSON", &stubRenderer{status: 500, body: []byte("oops")}, 500, imagehandler.ReasonInternal},
		{"ErrEngineNotAcceptable", &stubRenderer{status: 406, body: []byte(`{"message":"unsupported format","status":406}`)}, 406, imagehandler.ReasonNotImage},
		// Error texts found in the bundled libvips-cpp.so.8.18.7 for a file that ends early. The
		// engine sends none of them for a short JPEG or PNG, which it renders (see
		// TestHandler_TruncatedJPEG), so they are checked on a stand-in engine.
		{"ErrPrematureEnd", &stubRenderer{status: 500, body: []byte(`{"message":"VipsJpeg: premature end of JPEG image","status":500}`)}, 500, imagehandler.ReasonTruncated},
		{"ErrUnexpectedEnd", &stubRenderer{status: 500, body: []byte(`{"message":"unexpected end of file","status":500}`)}, 500, imagehandler.ReasonTruncated},
		{"ErrOutOfOrderRead", &stubRenderer{status: 500, body: []byte(`{"message":"out of order read -- at line 1200, but line 0 requested","status":500}`)}, 500, imagehandler.ReasonTruncated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			server := MustServer(t, tc.renderer, MustCache(t))
			resp := MustFetch(t, "GET", server+imagehandler.Prefix+"/unsafe/lib/x.png")
			if resp.Status != tc.wantStatus {
				t.Errorf("status=%d, want %d", resp.Status, tc.wantStatus)
			}
			if failure := failureBody(t, resp); failure.Reason != tc.wantReason {
				t.Errorf("reason=%q (message %q), want %q", failure.Reason, failure.Message, tc.wantReason)
			}
		})
	}
}

// TestHandler_EngineUnavailable uses an engine executable that exits at once, so the real
// supervisor reports it unavailable.
func TestHandler_EngineUnavailable(t *testing.T) {
	server := MustServer(t, MustEngineWith(t, engine.Config{Executable: "/bin/false"}, nil), nil)
	resp := MustFetch(t, "GET", server+imagehandler.Prefix+"/unsafe/lib/x.png")
	if resp.Status != http.StatusServiceUnavailable {
		t.Errorf("status=%d, want 503", resp.Status)
	}
	if failure := failureBody(t, resp); failure.Reason != imagehandler.ReasonEngineUnavailable {
		t.Errorf("reason=%q, want %q", failure.Reason, imagehandler.ReasonEngineUnavailable)
	}
}

// TestHandler_EngineCrash kills the real engine during a slow render: the tile gets
// engine-crashed, and the next request renders on a new engine process.
func TestHandler_EngineCrash(t *testing.T) {
	dir, id := MustLibrary(t)
	slow := image.NewGray(image.Rect(0, 0, 12000, 3000))
	for i := range slow.Pix {
		slow.Pix[i] = uint8(i * 7)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, slow, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	MustWriteFile(t, dir, "pano.jpg", buf.Bytes())
	e := MustEngine(t, map[string]string{id: dir})
	server := MustServer(t, e, MustCache(t))

	if resp := MustFetch(t, "GET", server+imagehandler.Prefix+imageurl.Original(library.Key(id, "photo.png"), "", true)); resp.Status != 200 {
		t.Fatalf("warm-up status=%d body=%s", resp.Status, resp.Body)
	}
	pid := e.Pid()

	// A wide blur and PNG encoding of 36 megapixels take seconds, so the render is in flight.
	slowURL := server + imagehandler.Prefix + imageurl.Path("filters:blur(40):format(png)", library.Key(id, "pano.jpg"), "")
	type result struct {
		resp response
		err  error
	}
	results := make(chan result, 1)
	go func() {
		resp, err := http.Get(slowURL)
		if err != nil {
			results <- result{err: err}
			return
		}
		defer resp.Body.Close()
		var body bytes.Buffer
		_, err = body.ReadFrom(resp.Body)
		results <- result{response{Status: resp.StatusCode, Header: resp.Header, Body: body.Bytes()}, err}
	}()
	time.Sleep(300 * time.Millisecond)
	select {
	case r := <-results:
		t.Fatalf("the slow render finished within 300ms (status %d, error %v), before the kill", r.resp.Status, r.err)
	default:
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	r := <-results
	if r.err != nil {
		t.Fatalf("GET of the render in flight: %v, want a 502 response", r.err)
	}
	resp := r.resp
	if resp.Status != http.StatusBadGateway {
		t.Errorf("status of the render in flight=%d body=%s, want 502", resp.Status, resp.Body)
	}
	if failure := failureBody(t, resp); failure.Reason != imagehandler.ReasonEngineCrashed {
		t.Errorf("reason=%q, want %q", failure.Reason, imagehandler.ReasonEngineCrashed)
	}

	next := MustFetch(t, "GET", server+imagehandler.Prefix+imageurl.Thumbnail(library.Key(id, "photo.png"), "", imageurl.ThumbnailSize))
	if next.Status != http.StatusOK {
		t.Errorf("status after the crash=%d body=%s, want 200", next.Status, next.Body)
	}
	if newPid := e.Pid(); newPid == 0 || newPid == pid {
		t.Errorf("engine pid after the crash=%d, want a new process (old %d)", newPid, pid)
	}
}

func TestHandler_Head(t *testing.T) {
	dir, id := MustLibrary(t)
	renderer := &countingRenderer{next: MustEngine(t, map[string]string{id: dir})}
	server := MustServer(t, renderer, MustCache(t))
	url := server + imagehandler.Prefix + imageurl.Thumbnail(library.Key(id, "photo.png"), "", imageurl.ThumbnailSize)

	steps := []struct {
		method    string
		wantCache string
	}{
		{"HEAD", "miss"},
		{"HEAD", "hit"},
		{"GET", "hit"},
	}
	var lengths []string
	var getBody []byte
	for i, step := range steps {
		resp := MustFetch(t, step.method, url)
		if resp.Status != http.StatusOK {
			t.Fatalf("step %d %s status=%d, want 200", i, step.method, resp.Status)
		}
		if got := resp.Header.Get("X-Cache"); got != step.wantCache {
			t.Errorf("step %d %s X-Cache=%q, want %s", i, step.method, got, step.wantCache)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "image/webp" {
			t.Errorf("step %d %s Content-Type=%q, want image/webp", i, step.method, ct)
		}
		if step.method == "HEAD" && len(resp.Body) != 0 {
			t.Errorf("step %d HEAD body=%d bytes, want none", i, len(resp.Body))
		}
		lengths = append(lengths, resp.Header.Get("Content-Length"))
		if step.method == "GET" {
			getBody = resp.Body
		}
	}
	for i, length := range lengths {
		if length != strconv.Itoa(len(getBody)) {
			t.Errorf("step %d Content-Length=%q, want %d (the GET body)", i, length, len(getBody))
		}
	}
	if got := renderer.calls.Load(); got != 1 {
		t.Errorf("renders=%d, want 1", got)
	}
}

func TestHandler_NotServed(t *testing.T) {
	renderer := &stubRenderer{err: errUnexpectedCall}
	server := MustServer(t, renderer, MustCache(t))

	tests := []struct {
		name       string
		method     string
		path       string
		wantStatus int
		wantReason string
	}{
		{"ErrOtherPath", "GET", "/other/unsafe/lib/x.png", 404, "not-found"},
		{"ErrRoot", "GET", "/", 404, "not-found"},
		{"ErrPrefixOnly", "GET", imagehandler.Prefix, 404, "not-found"},
		{"ErrPrefixWithoutSlash", "GET", imagehandler.Prefix + "x/unsafe/lib/x.png", 404, "not-found"},
		{"ErrPost", "POST", imagehandler.Prefix + "/unsafe/lib/x.png", 405, "method"},
		{"ErrDelete", "DELETE", imagehandler.Prefix + "/unsafe/lib/x.png", 405, "method"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp := MustFetch(t, tc.method, server+tc.path)
			if resp.Status != tc.wantStatus {
				t.Errorf("%s %s status=%d, want %d", tc.method, tc.path, resp.Status, tc.wantStatus)
			}
			if failure := failureBody(t, resp); failure.Reason != tc.wantReason {
				t.Errorf("reason=%q, want %q", failure.Reason, tc.wantReason)
			}
		})
	}
	if got := renderer.calls.Load(); got != 0 {
		t.Errorf("renders=%d, want 0", got)
	}
}

// pseudoRandom returns n bytes from a fixed linear congruential sequence, so a failure repeats.
func pseudoRandom(n int) []byte {
	out := make([]byte, n)
	state := uint32(2463534242)
	for i := range out {
		state = state*1664525 + 1013904223
		out[i] = byte(state >> 24)
	}
	return out
}
