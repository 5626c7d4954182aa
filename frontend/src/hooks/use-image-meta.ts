import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { metaStore, type MetaState } from '@/lib/meta-store'

/** Returns the metadata behind an entry's meta URL, fetching it once; "" stays idle. */
export function useImageMeta(url: string): MetaState {
  const getSnapshot = useCallback(() => metaStore.get(url), [url])
  const state = useSyncExternalStore(metaStore.subscribe, getSnapshot)
  useEffect(() => {
    if (url) metaStore.load(url)
  }, [url])
  return state
}
