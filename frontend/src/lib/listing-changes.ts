// Places the changes that the file watcher (or a file operation) reports among the loaded
// entries of a listing, in the order and filter of Go's listing (lib/listing-order). A change
// that falls between entries not yet loaded is reported as not placed for sure.
import type { Entry, EntryChange, SortKey } from '@/api/gallery'
import { compareEntries, matchesFilter } from '@/lib/listing-order'
import { baseName } from '@/lib/paths'

/**
 * The loaded part of a listing: total entries, of which the array contains those loaded so far
 * (undefined elsewhere). applyChange changes both in place.
 */
export interface LoadedEntries {
  entries: (Entry | undefined)[]
  total: number
}

/** The sort order and filter of a listing. */
export interface ListingOrder {
  sort: SortKey
  desc: boolean
  filter: string
}

/** Returns the index of the loaded entry at the library-relative path, or -1. */
export function indexOfPath(entries: readonly (Entry | undefined)[], path: string): number {
  for (let i = 0; i < entries.length; i++) {
    if (entries[i]?.path === path) return i
  }
  return -1
}

/**
 * Applies one change to loaded: the entry is removed, inserted where the sort order puts it,
 * updated or moved. Returns false when the change could not be placed for sure.
 */
export function applyChange(
  loaded: LoadedEntries,
  change: EntryChange,
  order: ListingOrder,
): boolean {
  let sure = true
  if (change.kind === 'renamed' && change.oldPath !== undefined) {
    // A rename keeps the size and times, so the new entry under the old name finds the old.
    const old = change.entry && {
      ...change.entry,
      path: change.oldPath,
      name: baseName(change.oldPath),
    }
    sure = remove(loaded, change.oldPath, old, order) && sure
  }
  // The path itself goes first too, so an entry already listed is replaced, not doubled. For
  // a change in place the old sort position is known only for the name order.
  const locator =
    change.kind === 'removed' || (change.kind === 'changed' && order.sort === 'name')
      ? change.entry
      : undefined
  sure =
    remove(loaded, change.path, change.kind === 'added' ? change.entry : locator, order) && sure
  if (change.kind !== 'removed' && change.entry) sure = insert(loaded, change.entry, order) && sure
  return sure
}

/**
 * Removes the entry at path when it is loaded. When it is not, true means it surely was not
 * listed: the whole folder is loaded, or where locator sorts the loaded neighbours touch.
 */
function remove(
  loaded: LoadedEntries,
  path: string,
  locator: Entry | undefined,
  order: ListingOrder,
): boolean {
  const index = indexOfPath(loaded.entries, path)
  if (index >= 0) {
    loaded.entries.splice(index, 1)
    loaded.total--
    return true
  }
  if (loadedCount(loaded) === loaded.total) return true
  if (!locator) return false
  const filter = matchesFilter(locator.name, order.filter)
  if (!filter.exact) return false
  if (!filter.match) return true
  return locate(loaded, locator, order).sure
}

/** Inserts entry where the sort order puts it, and returns false when that is not sure. */
function insert(loaded: LoadedEntries, entry: Entry, order: ListingOrder): boolean {
  const filter = matchesFilter(entry.name, order.filter)
  if (!filter.exact) return false
  if (!filter.match) return true
  const at = locate(loaded, entry, order)
  if (!at.sure) return false
  loaded.entries.splice(at.index, 0, entry)
  loaded.total++
  return true
}

/**
 * Returns where entry sorts among the loaded entries, and whether that is sure: both
 * neighbours are loaded (or are the ends of the folder) and compare exactly as Go would.
 */
function locate(
  loaded: LoadedEntries,
  entry: Entry,
  order: ListingOrder,
): { index: number; sure: boolean } {
  const { entries, total } = loaded
  const index = searchLoaded(loaded, entry, order)
  const before = index > 0 ? entries[index - 1] : undefined
  const after = index < total ? entries[index] : undefined
  const beforeSure = index === 0 || (before !== undefined && sorts(before, entry, order))
  const afterSure = index === total || (after !== undefined && sorts(entry, after, order))
  return { index, sure: beforeSure && afterSure }
}

/** Reports whether a surely sorts before b. */
function sorts(a: Entry, b: Entry, order: ListingOrder): boolean {
  const c = compareEntries(a, b, order.sort, order.desc)
  return c.exact && c.sign < 0
}

/** Returns the index before the first loaded entry that sorts after entry, run by run. */
function searchLoaded(loaded: LoadedEntries, entry: Entry, order: ListingOrder): number {
  const { entries, total } = loaded
  const { sort, desc } = order
  const after = (i: number) => compareEntries(entry, entries[i] as Entry, sort, desc).sign < 0
  let i = 0
  while (i < total) {
    if (entries[i] === undefined) {
      i++
      continue
    }
    let end = i
    while (end < total && entries[end] !== undefined) end++
    if (after(i)) return i
    if (!after(end - 1)) {
      i = end
      continue
    }
    let lo = i
    let hi = end - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (after(mid)) hi = mid
      else lo = mid + 1
    }
    return lo
  }
  // Past every loaded entry: at the end when the last entry is loaded, else after the last run.
  let last = total
  while (last > 0 && entries[last - 1] === undefined) last--
  return last
}

function loadedCount(loaded: LoadedEntries): number {
  let count = 0
  for (let i = 0; i < loaded.total; i++) if (loaded.entries[i] !== undefined) count++
  return count
}
