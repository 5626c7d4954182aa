import { useEffect, useLayoutEffect, useRef } from 'react'

/** The actions of the viewer's keyboard shortcuts, as of the latest render. */
export interface ViewerKeyActions {
  /** While the slideshow plays, any plain key only stops it. */
  playing: boolean
  stopSlideshow: () => void
  /** Null when the shown file is no image or there is no editor to open. */
  copyPath: (() => void) | null
  /** Null when the shown file is no image or there is no editor to open. */
  edit: (() => void) | null
  close: () => void
  previous: () => void
  next: () => void
  zoomIn: () => void
  zoomOut: () => void
  showActualPixels: () => void
  showFit: () => void
  toggleFullscreen: () => void
  startSlideshow: () => void
  toggleInfo: () => void
}

/** Runs the action for one key press, and prevents the default of the keys it handles. */
function handleViewerKey(event: KeyboardEvent, actions: ViewerKeyActions): void {
  if (
    actions.copyPath &&
    !event.defaultPrevented &&
    (event.ctrlKey || event.metaKey) &&
    !event.altKey &&
    event.key.toLowerCase() === 'c' &&
    !window.getSelection()?.toString()
  ) {
    event.preventDefault()
    actions.copyPath()
    return
  }
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
  if (actions.playing) {
    event.preventDefault()
    actions.stopSlideshow()
    return
  }
  switch (event.key) {
    case 'Escape':
      actions.close()
      break
    case 'ArrowLeft':
      actions.previous()
      break
    case 'ArrowRight':
      actions.next()
      break
    case '+':
    case '=':
      actions.zoomIn()
      break
    case '-':
    case '_':
      actions.zoomOut()
      break
    case '1':
      actions.showActualPixels()
      break
    case '0':
      actions.showFit()
      break
    case 'f':
    case 'F':
      actions.toggleFullscreen()
      break
    case 's':
    case 'S':
      actions.startSlideshow()
      break
    case 'i':
    case 'I':
      actions.toggleInfo()
      break
    case 'e':
    case 'E':
      if (!actions.edit) return
      actions.edit()
      break
    default:
      return
  }
  event.preventDefault()
}

/**
 * Sends the keys pressed anywhere in the window to the viewer's actions, as the viewer covers
 * the whole window. The listener is added once and always calls the latest actions.
 */
export function useViewerKeys(actions: ViewerKeyActions): void {
  const latest = useRef(actions)
  useLayoutEffect(() => {
    latest.current = actions
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => handleViewerKey(event, latest.current)
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
