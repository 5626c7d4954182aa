package library

import "strings"

// rootEscapeText is the message of os.Root's error for a path or a symlink that leads out of
// the root. Go 1.26 exports no sentinel for it, so it is matched by text.
const rootEscapeText = "path escapes from parent"

// rootCalls are the system call names os.Root puts in front of its errors ("statat x: no such
// file"), which mean nothing to the person who reads the message.
var rootCalls = []string{
	"statat ", "openat ", "lstatat ", "readlinkat ", "fstatat ", "renameat ", "mkdirat ", "unlinkat ",
}

// IsEscape reports whether err is os.Root's error for a path or a symlink that leads out of the
// library.
func IsEscape(err error) bool {
	return err != nil && strings.Contains(err.Error(), rootEscapeText)
}

// PlainMessage returns msg, the text of an error from a library's os.Root, without the system
// call names and with the escape error in words a person understands.
func PlainMessage(msg string) string {
	for _, call := range rootCalls {
		msg = strings.ReplaceAll(msg, call, "")
	}
	return strings.ReplaceAll(msg, rootEscapeText, "it is a link that leads outside the library")
}
