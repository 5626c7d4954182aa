package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/imagor-studio/desktop/backend/imagehandler"
	"github.com/imagor-studio/desktop/backend/imageurl"
	"github.com/imagor-studio/desktop/backend/library"
)

// peerDescriptions says what each peer runs, for the report.
var peerDescriptions = map[string]string{
	"app":         "the app's image handler with the disk cache on, every request a new URL, on the real engine process; every app peer and serve encode thumbnails at WebP effort 2, the other peers at 4",
	"app-nocache": "the app's image handler with the disk cache off, on the real engine process",
	"app-warm":    "the app's image handler reading the disk cache, with the engine stopped",
	"serve":       "imagor-studio serve over HTTP on loopback",
	"sharp":       "sharp 0.35.5 (libvips 8.18.7 from @img/sharp-libvips 1.3.4) in Node.js, resize fit inside, WebP effort 4 (its default)",
	"floor":       "vips_thumbnail + vips_webpsave_buffer from C on the bundled libvips 8.18.7",
	"imagor":      "a plain imagor 1.9.4 server over HTTP on loopback, its default flags",
}

// availablePeers returns the peers the harness runs, in the order of the report. The serve peer
// runs only when the app build has a serve mode.
func availablePeers(opts options, c corpus, engineLog, logger *slog.Logger) []peer {
	engineExe := engineExecutable(opts.root)
	peers := []peer{
		&appPeer{label: "app", cache: true, engineExe: engineExe, engineLog: engineLog},
		&appPeer{label: "app-nocache", engineExe: engineExe, engineLog: engineLog},
		&appPeer{label: "app-warm", cache: true, warm: true, engineExe: engineExe, engineLog: engineLog},
	}
	if p := servePeer(opts.root, logger); p != nil {
		peers = append(peers, p)
	}
	sharpDir := filepath.Join(opts.root, "build", "bench", "sharp")
	peers = append(peers,
		&linePeer{label: "sharp", dir: sharpDir, args: func() []string { return []string{"node", "runner.mjs"} }},
		&linePeer{label: "floor", args: func() []string {
			return []string{floorExecutable(opts.root), "serve", strconv.Itoa(runtime.NumCPU())}
		}},
		imagorPeer(filepath.Join(opts.root, "build", "tools", "imagor-server")),
	)
	return peers
}

// missingTools returns the executables and folders the peers need that are not there.
func missingTools(root string) []string {
	var missing []string
	for _, p := range []string{
		engineExecutable(root),
		filepath.Join(root, "build", "tools", "imagor-server"),
		floorExecutable(root),
		filepath.Join(root, "build", "bench", "sharp", "node_modules", "sharp"),
	} {
		if _, err := os.Stat(p); err != nil {
			missing = append(missing, p)
		}
	}
	return missing
}

// servePeer returns the peer for `imagor-studio serve` (build/bin/imagor-studio): the app's
// headless mode, with its own settings and cache in a temp folder, serving the corpus folder as a
// library and unsafe /imagor/ URLs without a token. It returns nil when the app is not built.
func servePeer(root string, logger *slog.Logger) peer {
	exe := filepath.Join(root, "build", "bin", "imagor-studio")
	if _, err := os.Stat(exe); err != nil {
		logger.Warn("serve peer not run: the app is not built; run go tool task build", "error", err)
		return nil
	}
	var dataDir, libraryID string
	return &httpPeer{
		label: "serve",
		command: func(c corpus, addr string) []string {
			dataDir, _ = os.MkdirTemp("", "bench-serve-")
			libraryID = library.IDFor(c.Dir)
			return []string{exe, "serve", "-data-dir", dataDir, "-keyring", "file", "-addr", addr, "-unsafe", c.Dir}
		},
		path: func(j job) string {
			return imagehandler.Prefix + imageurl.Path(j.spec.ops(), library.Key(libraryID, j.file.Rel), j.version)
		},
		health:  "/graphql",
		cleanup: func() { os.RemoveAll(dataDir) },
	}
}

func engineExecutable(root string) string {
	return filepath.Join(root, "build", "bin", "imagor-studio-engine")
}

func peerInfos(peers []peer) []PeerInfo {
	out := make([]PeerInfo, len(peers))
	for i, p := range peers {
		out[i] = PeerInfo{Name: p.name(), Description: peerDescriptions[p.name()]}
	}
	return out
}
