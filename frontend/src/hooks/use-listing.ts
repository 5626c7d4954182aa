import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { onFolderChanges, onFolderResync } from '@/api/folder-events'
import { rescan } from '@/api/gallery'
import { folderWatches } from '@/lib/folder-watches'
import { ListingSource, type ListingQuery } from '@/lib/listing-source'

/** The watched-folders view of the open folder. */
const GRID_VIEW = 'grid'
/**
 * Focus changes closer together than this list the folder once: reading a folder of 100,000
 * files takes about 0.4 s, and changes on this machine arrive as events anyway.
 */
export const FOCUS_RESCAN_INTERVAL_MS = 5000

/**
 * Returns the listing of query and re-renders the caller whenever a page arrives or the folder
 * changes on disk. The folder is watched while the caller is mounted: changes are applied in
 * place, a resync lists the entries in view again, and so does the window getting the focus.
 * A change of folder, sort, filter or reloadToken starts a new listing with an empty page cache.
 */
export function useListing(query: ListingQuery, reloadToken: number): ListingSource {
  const { library, path, sort, desc, filter } = query
  const source = useMemo(
    () => new ListingSource({ library, path, sort, desc, filter }),
    // reloadToken has no value to pass: changing it is the request for a fresh listing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [library, path, sort, desc, filter, reloadToken],
  )
  useSyncExternalStore(source.subscribe, source.getVersion)

  useEffect(() => {
    let active = true
    const offChanges = onFolderChanges((batch) => {
      if (batch.library === library && batch.folder === path) source.applyChanges(batch.changes)
    })
    const offResync = onFolderResync((resync) => {
      if (resync.library === library && resync.folder === path) source.applyResync(resync)
    })
    void source.start()
    // A page that arrived before the watch began may miss a change made in between.
    void folderWatches.set(GRID_VIEW, library, [path]).then(() => {
      if (active && source.status === 'ready') void source.refresh()
    })
    let lastRescan = 0
    const onFocus = () => {
      if (Date.now() - lastRescan < FOCUS_RESCAN_INTERVAL_MS) return
      lastRescan = Date.now()
      rescan(library, [path])
        .catch((err: unknown) => console.warn('Could not read the folder again', err))
        .finally(() => {
          if (active) void source.refresh()
        })
    }
    window.addEventListener('focus', onFocus)
    return () => {
      active = false
      offChanges()
      offResync()
      window.removeEventListener('focus', onFocus)
      source.dispose()
      void folderWatches.set(GRID_VIEW, '', [])
    }
  }, [source, library, path])

  return source
}
