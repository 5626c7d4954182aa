package listing

import (
	"strings"
	"unicode/utf8"
)

// NaturalLess reports whether a sorts before b in natural order: runs of ASCII digits compare by
// value ("img2" before "img10"), letters compare without case, and names equal by those rules
// fall back to byte order so the order is total.
func NaturalLess(a, b string) bool {
	return NaturalCompare(a, b) < 0
}

// NaturalCompare returns -1, 0 or +1 as a sorts before, equal to or after b in the order of
// NaturalLess.
func NaturalCompare(a, b string) int {
	return compareFolded(foldName(a), foldName(b), a, b)
}

// foldName returns the form of name that natural comparison reads: lower case.
func foldName(name string) string {
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(name)
		}
	}
	return name
}

// compareFolded compares two names already passed through foldName, falling back to the
// original names when they are equal, so the order is total.
func compareFolded(fa, fb, a, b string) int {
	if c := naturalCompareFolded(fa, fb); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// naturalCompareFolded walks two lower-case names byte by byte. Digit runs compare by value;
// every other byte compares as is, which for UTF-8 is the same as comparing code points.
func naturalCompareFolded(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			var da, db string
			da, a = digitRun(a)
			db, b = digitRun(b)
			if c := compareNumbers(da, db); c != 0 {
				return sign(c)
			}
			continue
		}
		if a[0] != b[0] {
			if a[0] < b[0] {
				return -1
			}
			return 1
		}
		a, b = a[1:], b[1:]
	}
	return sign(len(a) - len(b))
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
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
