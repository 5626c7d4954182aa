package server

// #cgo pkg-config: vips
// #include <vips/vips.h>
import "C"

// vipsVersion returns the version of the libvips the engine runs on, as libvips reports it.
func vipsVersion() string {
	return C.GoString(C.vips_version_string())
}
