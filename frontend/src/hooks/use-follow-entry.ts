import { useLayoutEffect, useRef } from 'react'
import type { ListingSource } from '@/lib/listing-source'

/**
 * Keeps index on the same entry when the listing changes under it: a file added or removed
 * before the focused tile (or the image in the viewer) shifts the indexes, and setIndex is then
 * called with the entry's new index. A change of index by the caller is taken as a move to
 * another entry. When the entry itself is gone, index stays and follows the entry now there.
 */
export function useFollowEntry(
  source: ListingSource,
  index: number,
  setIndex: (index: number) => void,
): void {
  const last = useRef<{ index: number; path: string | undefined }>({ index, path: undefined })
  const version = source.getVersion()
  useLayoutEffect(() => {
    const before = last.current
    const path = source.getEntry(index)?.path
    if (before.index === index && before.path !== undefined && path !== before.path) {
      const moved = source.indexOf(before.path)
      if (moved >= 0) {
        last.current = { index: moved, path: before.path }
        setIndex(moved)
        return
      }
    }
    last.current = { index, path: path ?? (before.index === index ? before.path : undefined) }
  }, [source, version, index, setIndex])
}
