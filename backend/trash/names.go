package trash

import (
	"fmt"
	"strings"
)

// checkName rejects a name that is not a single entry of a folder.
func checkName(name string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\x00") {
		return fmt.Errorf("trash: invalid name %q: give one entry of the folder", name)
	}
	return nil
}

// EscapePath percent-encodes path for the Path key of a .trashinfo file, as RFC 2396 URI paths
// are: every byte outside A-Z, a-z, 0-9, "-._~" and "/" becomes %XX.
func EscapePath(path string) string {
	var b strings.Builder
	for i := 0; i < len(path); i++ {
		c := path[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
