package api

import "testing"

func TestASCIIURL(t *testing.T) {
	cases := map[string]string{
		"https://img.example.com/abc/fit-in/a.jpg": "https://img.example.com/abc/fit-in/a.jpg",
		"https://bücher.example/x/a.jpg":           "https://xn--bcher-kva.example/x/a.jpg",
		"https://bücher.example:8443/é/a.jpg":      "https://xn--bcher-kva.example:8443/%C3%A9/a.jpg",
	}
	for in, want := range cases {
		if got := asciiURL(in); got != want {
			t.Errorf("asciiURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSignPath_RoundTrip(t *testing.T) {
	signed, err := signPath("secret", "/unsafe/fit-in/10x10/lib/a.jpg?v=1")
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := verifyPath("secret", signed[1:len(signed)-len("?v=1")])
	if !ok || rest != "fit-in/10x10/lib/a.jpg" {
		t.Fatalf("verifyPath(%q) = %q, %v", signed, rest, ok)
	}
	if _, ok := verifyPath("other", signed[1:len(signed)-len("?v=1")]); ok {
		t.Fatal("a URL signed with another secret verified")
	}
	if _, err := signPath("secret", "/abc/a.jpg"); err == nil {
		t.Fatal("signPath of a path without /unsafe/ returned no error")
	}
}
