import { useCallback, useLayoutEffect } from 'react'

function setAppInert(inert: boolean): void {
  const root = document.getElementById('root')
  if (root) root.inert = inert
}

/**
 * Makes the app behind a modal inert (no focus, no clicks, hidden from assistive technology)
 * while the calling component is mounted. The modal must render outside #root, in a portal.
 * Returns a function that ends it early, so focus can move back before the modal unmounts.
 */
export function useModal(): () => void {
  useLayoutEffect(() => {
    setAppInert(true)
    return () => setAppInert(false)
  }, [])
  return useCallback(() => setAppInert(false), [])
}
