package listing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// NaturalLess reports whether a sorts before b in natural order: runs of ASCII digits compare by
// value ("img2" before "img10"), letters compare without case, and names equal by those rules
// fall back to byte order so the order is total.
func NaturalLess(a, b string) bool {
	if c := naturalCompare(a, b); c != 0 {
		return c < 0
	}
	return a < b
}

func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			var da, db string
			da, a = digitRun(a)
			db, b = digitRun(b)
			if c := compareNumbers(da, db); c != 0 {
				return c
			}
			continue
		}
		ra, sa := utf8.DecodeRuneInString(a)
		rb, sb := utf8.DecodeRuneInString(b)
		a, b = a[sa:], b[sb:]
		la, lb := unicode.ToLower(ra), unicode.ToLower(rb)
		if la != lb {
			if la < lb {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitRun(s string) (string, string) {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

// compareNumbers compares two digit strings by value without parsing, so runs longer than an
// int64 still order correctly; with equal values, fewer leading zeros sort first.
func compareNumbers(a, b string) int {
	ta, tb := strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(ta) != len(tb) {
		return len(ta) - len(tb)
	}
	if c := strings.Compare(ta, tb); c != 0 {
		return c
	}
	return len(a) - len(b)
}
