import { useCallback, useContext, useEffect, useSyncExternalStore } from 'react'
import { PRIORITY_THUMBNAIL, type ImageSnapshot } from '@/lib/image-queue'
import { ImageQueueContext } from '@/lib/image-queue-context'

const IDLE: ImageSnapshot = { status: 'idle' }

/**
 * Loads url through the image queue while the calling component is mounted and returns its
 * state. An empty url stays idle. Unmounting releases the image, which drops it from the queue
 * if it was not sent yet.
 */
export function useImage(url: string, priority = PRIORITY_THUMBNAIL): ImageSnapshot {
  const queue = useContext(ImageQueueContext)

  const subscribe = useCallback(
    (onChange: () => void) => (url ? queue.subscribe(url, onChange) : () => {}),
    [queue, url],
  )
  const getSnapshot = useCallback(() => (url ? queue.getSnapshot(url) : IDLE), [queue, url])
  const snapshot = useSyncExternalStore(subscribe, getSnapshot)

  useEffect(() => {
    if (!url) return
    const lease = queue.acquire(url, priority)
    return () => lease.release()
  }, [queue, url, priority])

  return snapshot
}
