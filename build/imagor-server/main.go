// Command imagor-server is a plain imagor 1.9.4 server on the bundled libvips, built from the
// module proxy's imagor with its own flags (-imagor-secret, -file-loader-base-dir, ...). It is
// not part of the app: the tests and benchmarks run it as the user's own imagor server, to check
// that signed URLs the app copies are served with the same pixels, and to compare speed.
package main

import (
	"os"

	"github.com/cshum/imagor/config"
	"github.com/cshum/imagor/config/vipsconfig"

	// The engine's server package defines the libvips operations this libvips build leaves
	// out; without them the binary does not link.
	_ "github.com/imagor-studio/desktop/backend/engine/server"
)

func main() {
	if srv := config.CreateServer(os.Args[1:], vipsconfig.WithVips); srv != nil {
		srv.Run()
	}
}
