package server

// #cgo pkg-config: vips
// #include <vips/vips.h>
// #include <vips/vector.h>
import "C"

// vipsVersion returns the version of the libvips the engine runs on, as libvips reports it.
func vipsVersion() string {
	return C.GoString(C.vips_version_string())
}

// enableVector turns libvips' SIMD paths back on. They are on in libvips by default, but
// vipsgen's start-up, which imagor 1.9.4 calls, turns them off unless asked; without them a
// 1200 px preview of a 12 MP JPEG took about 1.7 times the CPU time on the build machine.
func enableVector() {
	C.vips_vector_set_enabled(1)
}
