//go:build !linux && !darwin

package watch

// eventlessFS reports no folder as eventless: this platform has no file system check yet, so
// a network share is watched like a local folder and re-read only when the window gets the
// focus.
func eventlessFS(string) (string, bool) { return "", false }
