import { useCallback, useEffect, useRef, useState, type MouseEvent, type PointerEvent } from 'react'
import { folderTargetOf, type FolderTarget } from '@/lib/file-ops-context'

/** Distance in CSS pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD = 6

/** A drag of entries in progress: what moves and where the pointer is. */
export interface DragState {
  paths: string[]
  x: number
  y: number
  target: FolderTarget | null
}

export interface PointerDragOptions {
  /** Returns the paths a press at the element starts dragging, or null when it starts none. */
  pathsAt: (element: Element) => string[] | null
  /** Reports whether the dragged paths may go into target. */
  accepts: (paths: string[], target: FolderTarget) => boolean
  onDrop: (paths: string[], target: FolderTarget) => void
}

const HOVER_ATTR = 'data-drop-hover'

/**
 * Drags entries with pointer events, since HTML5 drag events do not reach a WebKitGTK page. The
 * drop target is the element under the pointer marked with dropTargetProps; it gets
 * data-drop-hover while the drag is over it. Escape cancels. The click that ends a drag is
 * swallowed, so it does not also select.
 */
export function usePointerDrag({ pathsAt, accepts, onDrop }: PointerDragOptions) {
  const [drag, setDrag] = useState<DragState | null>(null)
  const latest = useRef({ pathsAt, accepts, onDrop })
  useEffect(() => {
    latest.current = { pathsAt, accepts, onDrop }
  })
  const hovered = useRef<Element | null>(null)
  const swallowClick = useRef(false)
  const stop = useRef<(() => void) | null>(null)

  const setHover = (element: Element | null) => {
    if (hovered.current === element) return
    hovered.current?.removeAttribute(HOVER_ATTR)
    element?.setAttribute(HOVER_ATTR, 'true')
    hovered.current = element
  }

  useEffect(() => () => stop.current?.(), [])

  const onPointerDown = useCallback((event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return
    const paths = latest.current.pathsAt(event.target as Element)
    if (!paths || paths.length === 0) return
    const startX = event.clientX
    const startY = event.clientY
    let active = false
    let current: DragState | null = null

    const onMove = (e: globalThis.PointerEvent) => {
      if (!active && Math.hypot(e.clientX - startX, e.clientY - startY) < DRAG_THRESHOLD) return
      active = true
      const under = document.elementFromPoint(e.clientX, e.clientY)
      let target = folderTargetOf(under)
      if (target && !latest.current.accepts(paths, target)) target = null
      setHover(target ? (under?.closest('[data-drop-folder]') ?? null) : null)
      current = { paths, x: e.clientX, y: e.clientY, target }
      setDrag(current)
    }
    const end = (drop: boolean) => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
      window.removeEventListener('keydown', onKey, true)
      stop.current = null
      setHover(null)
      setDrag(null)
      if (!active) return
      swallowClick.current = true
      setTimeout(() => (swallowClick.current = false), 0)
      if (drop && current?.target) latest.current.onDrop(current.paths, current.target)
    }
    const onUp = () => end(true)
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      end(false)
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    window.addEventListener('keydown', onKey, true)
    stop.current = () => end(false)
  }, [])

  const onClickCapture = useCallback((event: MouseEvent) => {
    if (!swallowClick.current) return
    event.stopPropagation()
    event.preventDefault()
  }, [])

  return { drag, onPointerDown, onClickCapture }
}
