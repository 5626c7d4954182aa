// The order and filter of Go's folder listing (backend/listing), so a change reported by the
// file watcher can be put where the next listing would put it without asking Go again.
import type { Entry, SortKey } from '@/api/gallery'

/** A comparison, and whether it surely matches Go's. */
export interface Comparison {
  /** Negative when a sorts first, positive when b does. */
  sign: number
  /**
   * False when Go may decide differently: names outside ASCII (Go lower-cases per code point,
   * JavaScript with full case mapping) and equal modification times in milliseconds (Go compares
   * nanoseconds, which the entries do not carry).
   */
  exact: boolean
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) return false
  }
  return true
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function sign(n: number): number {
  if (n < 0) return -1
  if (n > 0) return 1
  return 0
}

/** Compares two digit runs by value; with equal values, fewer leading zeros sort first. */
function compareNumbers(a: string, b: string): number {
  const ta = a.replace(/^0+/, '')
  const tb = b.replace(/^0+/, '')
  if (ta.length !== tb.length) return sign(ta.length - tb.length)
  if (ta !== tb) return ta < tb ? -1 : 1
  return sign(a.length - b.length)
}

/** Walks two lower-case names: digit runs compare by value, everything else by code unit. */
function naturalCompareFolded(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(j)
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++
      let ej = j
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++
      const c = compareNumbers(a.slice(i, ei), b.slice(j, ej))
      if (c !== 0) return c
      i = ei
      j = ej
      continue
    }
    if (ca !== cb) return ca < cb ? -1 : 1
    i++
    j++
  }
  return sign(a.length - i - (b.length - j))
}

/** Compares names in Go's natural order (listing.NaturalCompare). */
export function compareNames(a: string, b: string): Comparison {
  const c = naturalCompareFolded(a.toLowerCase(), b.toLowerCase())
  const exact = isAscii(a) && isAscii(b)
  if (c !== 0) return { sign: c, exact }
  // Equal by those rules: the plain code-unit order keeps the order total, as Go's does.
  let byCodeUnit = 0
  if (a < b) byCodeUnit = -1
  else if (a > b) byCodeUnit = 1
  return { sign: byCodeUnit, exact }
}

/** Compares two entries as Go's listing sorts them: folders first, then by sort, then by name. */
export function compareEntries(a: Entry, b: Entry, sort: SortKey, desc: boolean): Comparison {
  const aFolder = a.kind === 'folder'
  const bFolder = b.kind === 'folder'
  if (aFolder !== bFolder) return { sign: aFolder ? -1 : 1, exact: true }
  let c = 0
  let exact = true
  if (sort === 'modified') {
    c = sign(a.modTime - b.modTime)
    exact = c !== 0
  } else if (sort === 'size') {
    c = sign(a.size - b.size)
  }
  if (c === 0) {
    const byName = compareNames(a.name, b.name)
    c = byName.sign
    exact = exact && byName.exact
  }
  return { sign: desc ? -c : c, exact }
}

/** Returns whether the name passes the listing's filter, and whether Go surely agrees. */
export function matchesFilter(name: string, filter: string): { match: boolean; exact: boolean } {
  if (filter === '') return { match: true, exact: true }
  const match = name.toLowerCase().includes(filter.toLowerCase())
  return { match, exact: isAscii(name) && isAscii(filter) }
}
