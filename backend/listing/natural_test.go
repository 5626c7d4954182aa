package listing_test

import (
	"slices"
	"testing"

	"github.com/imagor-studio/desktop/backend/listing"
)

func TestNaturalLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"img2.jpg", "img10.jpg", true},
		{"img10.jpg", "img2.jpg", false},
		{"IMG_1.jpg", "img_2.jpg", true},
		{"a.jpg", "B.jpg", true},
		{"file007", "file7", false}, // equal value: fewer leading zeros first
		{"file7", "file007", true},
		{"x99999999999999999999999", "x100000000000000000000000", true},
		{"photo", "photo 2", true},
		{"2026-01-09", "2026-01-10", true},
		{"same", "same", false},
	}
	for _, tt := range tests {
		if got := listing.NaturalLess(tt.a, tt.b); got != tt.want {
			t.Errorf("NaturalLess(%q, %q)=%v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestNaturalLess_TotalOrder(t *testing.T) {
	names := []string{"b10", "B2", "b2", "a", "A", "b1", "b01", "é", "e", "10", "9"}
	slices.SortFunc(names, func(x, y string) int {
		if listing.NaturalLess(x, y) {
			return -1
		}
		if listing.NaturalLess(y, x) {
			return 1
		}
		return 0
	})
	want := []string{"9", "10", "A", "a", "b1", "b01", "B2", "b2", "b10", "e", "é"}
	if !slices.Equal(names, want) {
		t.Errorf("sorted=%q, want %q", names, want)
	}
}
