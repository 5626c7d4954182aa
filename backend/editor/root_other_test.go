//go:build !linux

package editor_test

import "testing"

// withoutRoot runs fn. Outside Linux the tests do not drop root's permission checks, so run
// them as an ordinary user there.
func withoutRoot(t *testing.T, fn func()) {
	t.Helper()
	fn()
}
