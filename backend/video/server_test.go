package video_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/imagor-studio/desktop/backend/video"
)

// folderRoots serves real folders as libraries, by id.
type folderRoots map[string]string

func (f folderRoots) Root(id string) (*os.Root, error) {
	dir, ok := f[id]
	if !ok {
		return nil, fmt.Errorf("library %q not found", id)
	}
	return os.OpenRoot(dir)
}

// MustServer starts a Server over one library holding a clip, a nested clip, an image, and a
// symlink that leads out of the library. It returns the server and the clip's content.
func MustServer(t *testing.T) (*video.Server, []byte) {
	t.Helper()
	base := t.TempDir()
	lib := filepath.Join(base, "lib")
	clip := bytes.Repeat([]byte("0123456789abcdef"), 4096)
	for name, data := range map[string][]byte{
		"lib/clip.webm":             clip,
		"lib/sub dir/a b+c%20.mp4":  []byte("nested clip"),
		"lib/photo.jpg":             []byte("not a video"),
		"outside/secret.mp4":        []byte("SECRET CONTENT"),
		"lib/Folder.MKV/inside.mov": []byte("in a folder with a video extension"),
	} {
		path := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("../outside/secret.mp4", filepath.Join(lib, "escape.mp4")); err != nil {
		t.Fatal(err)
	}
	s, err := video.Listen(folderRoots{"lib1": lib}, nil)
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s, clip
}

// get sends a GET for the raw request target (not cleaned by any client) with the given Host
// and extra header lines, over a plain TCP connection, and returns the response.
func get(t *testing.T, s *video.Server, target, host string, header ...string) (*http.Response, []byte) {
	t.Helper()
	conn, err := net.Dial("tcp", s.Host())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	req := "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
	for _, h := range header {
		req += h + "\r\n"
	}
	if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("read response to %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

// pathOf returns the request target of a URL the server made.
func pathOf(u string) string {
	return u[strings.Index(u[len("http://"):], "/")+len("http://"):]
}

func TestServer_Range(t *testing.T) {
	s, clip := MustServer(t)
	target := pathOf(s.URL("lib1", "clip.webm"))

	resp, body := get(t, s, target, s.Host(), "Range: bytes=100-199")
	if resp.StatusCode != http.StatusPartialContent {
		t.Fatalf("status=%d, want 206", resp.StatusCode)
	}
	if !bytes.Equal(body, clip[100:200]) {
		t.Errorf("body=%q, want bytes 100-199 of the clip", body)
	}
	if got, want := resp.Header.Get("Content-Range"), fmt.Sprintf("bytes 100-199/%d", len(clip)); got != want {
		t.Errorf("Content-Range=%q, want %q", got, want)
	}
	if got := resp.Header.Get("Content-Type"); got != "video/webm" {
		t.Errorf("Content-Type=%q, want video/webm", got)
	}

	resp, body = get(t, s, target, s.Host())
	if resp.StatusCode != http.StatusOK || !bytes.Equal(body, clip) {
		t.Errorf("whole file: status=%d, %d bytes; want 200 and %d bytes", resp.StatusCode, len(body), len(clip))
	}
	if resp.Header.Get("Accept-Ranges") != "bytes" {
		t.Errorf("Accept-Ranges=%q, want bytes", resp.Header.Get("Accept-Ranges"))
	}
}

func TestServer_EscapedName(t *testing.T) {
	s, _ := MustServer(t)
	resp, body := get(t, s, pathOf(s.URL("lib1", "sub dir/a b+c%20.mp4")), s.Host())
	if resp.StatusCode != http.StatusOK || string(body) != "nested clip" {
		t.Errorf("status=%d body=%q, want 200 and the nested clip", resp.StatusCode, body)
	}
}

func TestServer_Rejects(t *testing.T) {
	s, _ := MustServer(t)
	good := pathOf(s.URL("lib1", "clip.webm"))
	token := strings.Split(good, "/")[1]
	wrongToken := strings.Replace(good, token, strings.Repeat("A", len(token)), 1)

	cases := []struct {
		name, target, host string
		wantStatus         int
	}{
		{"WrongToken", wrongToken, s.Host(), http.StatusNotFound},
		{"NoToken", "/lib1/clip.webm", s.Host(), http.StatusNotFound},
		{"ForeignHost", good, "evil.example:80", http.StatusForbidden},
		{"LocalhostName", good, strings.Replace(s.Host(), "127.0.0.1", "localhost", 1), http.StatusForbidden},
		{"DotDot", "/" + token + "/lib1/../outside/secret.mp4", s.Host(), http.StatusForbidden},
		{"DotDotInside", "/" + token + "/lib1/sub%20dir/../clip.webm", s.Host(), http.StatusForbidden},
		{"EscapedDotDot", "/" + token + "/lib1/%2e%2e/outside/secret.mp4", s.Host(), http.StatusForbidden},
		{"SymlinkOutside", "/" + token + "/lib1/escape.mp4", s.Host(), http.StatusForbidden},
		{"NotAVideo", "/" + token + "/lib1/photo.jpg", s.Host(), http.StatusNotFound},
		{"Folder", "/" + token + "/lib1/Folder.MKV", s.Host(), http.StatusNotFound},
		{"UnknownLibrary", "/" + token + "/nope/clip.webm", s.Host(), http.StatusNotFound},
		{"Missing", "/" + token + "/lib1/missing.mp4", s.Host(), http.StatusNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, s, tc.target, tc.host)
			if resp.StatusCode != tc.wantStatus {
				t.Errorf("GET %s (Host %s) status=%d body=%q, want %d", tc.target, tc.host, resp.StatusCode, body, tc.wantStatus)
			}
			if bytes.Contains(body, []byte("SECRET CONTENT")) {
				t.Errorf("GET %s served the file outside the library", tc.target)
			}
		})
	}
}
