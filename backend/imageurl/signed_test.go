package imageurl_test

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
	"strings"
	"testing"

	"github.com/cshum/imagor/imagorpath"

	"github.com/imagor-studio/desktop/backend/imageurl"
)

// TestSign_MatchesImagor compares the signature with imagor 1.9.4's own signer for every
// algorithm and several truncate lengths.
func TestSign_MatchesImagor(t *testing.T) {
	algs := map[string]func() hash.Hash{
		imageurl.SignerSHA1: sha1.New, imageurl.SignerSHA256: sha256.New, imageurl.SignerSHA512: sha512.New,
	}
	paths := []string{
		"fit-in/256x256/filters:format(webp):quality(80)/photos/a.jpg",
		"meta/b64:cGhvdG9zL2EgYi5qcGc",
		"10x20:300x400/fit-in/-800x0/filters:rotate(90)/x.png",
	}
	for name, alg := range algs {
		for _, truncate := range []int{0, 8, 28, 40, 200} {
			for _, p := range paths {
				want := imagorpath.NewHMACSigner(alg, truncate, "s3cret").Sign(p)
				got, err := imageurl.Sign(name, "s3cret", truncate, p)
				if err != nil {
					t.Fatal(err)
				}
				if got != want {
					t.Errorf("Sign(%s, truncate %d, %q)=%q, want %q", name, truncate, p, got, want)
				}
			}
		}
	}
	if _, err := imageurl.Sign("md5", "s", 0, "x"); err == nil {
		t.Error("Sign with md5: no error")
	}
}

func TestServer_URL(t *testing.T) {
	server := imageurl.Server{
		BaseURL: "https://img.example.com/", Secret: "s3cret", Signer: imageurl.SignerSHA256,
		Truncate: 40, PathPrefix: "photos/2026", EscapesNames: true,
	}

	t.Run("OK", func(t *testing.T) {
		got, warning, err := server.URL("fit-in/800x600", "cat.jpg")
		if err != nil {
			t.Fatal(err)
		}
		path := "fit-in/800x600/photos/2026/cat.jpg"
		sig := imagorpath.NewHMACSigner(sha256.New, 40, "s3cret").Sign(path)
		if want := "https://img.example.com/" + sig + "/" + path; got != want {
			t.Errorf("URL=%q, want %q", got, want)
		}
		if warning != "" {
			t.Errorf("warning=%q for a safe name", warning)
		}
		params := imagorpath.Parse(strings.TrimPrefix(got, "https://img.example.com"))
		if params.Hash != sig || params.Image != "photos/2026/cat.jpg" {
			t.Errorf("Parse: hash %q image %q", params.Hash, params.Image)
		}
	})

	t.Run("EscapedName", func(t *testing.T) {
		got, warning, err := server.URL("", "a b.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got, "/b64:") {
			t.Errorf("URL=%q, want the b64: form", got)
		}
		if !strings.Contains(warning, "escapes") {
			t.Errorf("warning=%q, want one about escaping", warning)
		}
		raw := server
		raw.EscapesNames = false
		if _, warning, _ := raw.URL("", "a b.jpg"); warning != "" {
			t.Errorf("warning=%q for a server that takes names as they are", warning)
		}
	})

	t.Run("Unsafe", func(t *testing.T) {
		got, _, err := imageurl.Server{BaseURL: "http://localhost:8000"}.URL("100x100", "x.jpg")
		if err != nil {
			t.Fatal(err)
		}
		if got != "http://localhost:8000/unsafe/100x100/x.jpg" {
			t.Errorf("URL=%q", got)
		}
	})

	t.Run("ErrBaseURL", func(t *testing.T) {
		if _, _, err := (imageurl.Server{BaseURL: "img.example.com"}).URL("", "x.jpg"); err == nil {
			t.Error("base URL without a scheme: no error")
		}
	})
}
