package library_test

import (
	"errors"
	"testing"

	"github.com/imagor-studio/desktop/backend/library"
)

func TestCleanRel(t *testing.T) {
	cleaned := []struct {
		name string
		rel  string
		want string
	}{
		{"OKEmpty", "", ""},
		{"OKSlash", "/", ""},
		{"OKDot", ".", ""},
		{"OKFile", "a.jpg", "a.jpg"},
		{"OKNested", "a/b/c.jpg", "a/b/c.jpg"},
		{"OKTrailingSlash", "a/b/", "a/b"},
		{"OKDoubleSlash", "a//b", "a/b"},
		{"OKDotSegment", "a/./b", "a/b"},
		{"OKDotOnlySegments", "./.", ""},
		{"OKLeadingDots", "..a", "..a"},
		{"OKTrailingDots", "a..", "a.."},
		{"OKThreeDots", ".../x", ".../x"},
		{"OKHiddenFile", ".hidden", ".hidden"},
		// A name stays as stored: percent signs are not decoded here.
		{"OKLiteralPercentDots", "%2e%2e", "%2e%2e"},
		{"OKLiteralPercentDotsFolder", "%2e%2e/x", "%2e%2e/x"},
		{"OKSpacesAndPlus", "a b+c.jpg", "a b+c.jpg"},
		{"OKLeadingSpace", " a.jpg", " a.jpg"},
		{"OKUnicode", "фото/写真.jpg", "фото/写真.jpg"},
		// On Linux and macOS a backslash is an ordinary character in a name.
		{"OKBackslash", `a\b.jpg`, `a\b.jpg`},
	}
	for _, tc := range cleaned {
		t.Run(tc.name, func(t *testing.T) {
			got, err := library.CleanRel(tc.rel)
			if err != nil {
				t.Fatalf("CleanRel(%q) error %v, want %q", tc.rel, err, tc.want)
			}
			if got != tc.want {
				t.Errorf("CleanRel(%q)=%q, want %q", tc.rel, got, tc.want)
			}
		})
	}

	rejected := []struct {
		name string
		rel  string
		want error
	}{
		{"ErrDotDot", "..", library.ErrOutside},
		{"ErrDotDotSlash", "../", library.ErrOutside},
		{"ErrDotDotFile", "../x", library.ErrOutside},
		{"ErrDotDotInside", "a/../../x", library.ErrOutside},
		// Rejected even though it would clean to "b": a path with ".." is never a path the UI sent.
		{"ErrDotDotThatStaysInside", "a/../b", library.ErrOutside},
		{"ErrDotDotAtEnd", "a/..", library.ErrOutside},
		// "%2e%2e/x" after a percent-decode.
		{"ErrDecodedPercentDots", "../x", library.ErrOutside},
		{"ErrAbsolute", "/etc/passwd", library.ErrOutside},
		{"ErrAbsoluteDoubleSlash", "//etc/passwd", library.ErrOutside},
		{"ErrNUL", "a\x00b", library.ErrInvalidPath},
		{"ErrNULAfterDotDot", "../\x00", library.ErrInvalidPath},
	}
	for _, tc := range rejected {
		t.Run(tc.name, func(t *testing.T) {
			got, err := library.CleanRel(tc.rel)
			if !errors.Is(err, tc.want) {
				t.Fatalf("CleanRel(%q)=%q, %v, want error %v", tc.rel, got, err, tc.want)
			}
			if got != "" {
				t.Errorf("CleanRel(%q) returned %q with its error, want \"\"", tc.rel, got)
			}
		})
	}
}

func TestKey(t *testing.T) {
	tests := []struct {
		id, rel, want string
	}{
		{"0123456789ab", "a.jpg", "0123456789ab/a.jpg"},
		{"0123456789ab", "a/b c.jpg", "0123456789ab/a/b c.jpg"},
		{"0123456789ab", "", "0123456789ab/"},
	}
	for _, tc := range tests {
		if got := library.Key(tc.id, tc.rel); got != tc.want {
			t.Errorf("Key(%q, %q)=%q, want %q", tc.id, tc.rel, got, tc.want)
		}
	}
}
