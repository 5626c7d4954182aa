package listing_test

import (
	"testing"

	"github.com/imagor-studio/desktop/backend/listing"
)

func TestKindOf(t *testing.T) {
	cases := map[string]listing.Kind{
		"a.jpg": listing.KindImage, "b.HEIC": listing.KindImage, "c.svg": listing.KindImage,
		// Camera RAW files are images: the engine shows their embedded preview.
		"IMG_1.CR2": listing.KindImage, "IMG_2.cr3": listing.KindImage, "DSC_3.NEF": listing.KindImage,
		"DSC4.ARW": listing.KindImage, "x.dng": listing.KindImage, "DSCF5.RAF": listing.KindImage,
		"P6.ORF": listing.KindImage, "P7.RW2": listing.KindImage,
		"clip.mp4": listing.KindVideo, "clip.MOV": listing.KindVideo, "clip.webm": listing.KindVideo,
		"clip.mkv": listing.KindVideo, "clip.m4v": listing.KindVideo,
		"notes.txt": listing.KindOther, "raw": listing.KindOther, "archive.cr2.zip": listing.KindOther,
	}
	for name, want := range cases {
		if got := listing.KindOf(name); got != want {
			t.Errorf("KindOf(%q)=%q, want %q", name, got, want)
		}
	}
}
