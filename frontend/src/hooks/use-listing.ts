import { useEffect, useMemo, useSyncExternalStore } from 'react'
import { ListingSource, type ListingQuery } from '@/lib/listing-source'

/**
 * Returns the listing of query and re-renders the caller whenever a page arrives. A change of
 * folder, sort, filter or reloadToken starts a new listing with an empty page cache.
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
    void source.start()
  }, [source])

  return source
}
