import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react'
import type { Box } from '@/api/editor'
import {
  HANDLES,
  dragHandle,
  moveBox,
  screenPointToSource,
  sourceToScreen,
  type Handle,
  type ScreenRect,
  type Size,
} from '@/lib/editor-crop'

export interface CropOverlayProps {
  /** The rectangle the whole source is drawn in, in CSS pixels of the stage. */
  rect: ScreenRect
  source: Size
  box: Box
  /** Width and height terms of the aspect ratio, or null for free. */
  ratio: readonly [number, number] | null
  onChange: (box: Box) => void
}

interface Drag {
  pointer: number
  x: number
  y: number
  start: Box
  handle: Handle | 'move'
}

const HANDLE_POSITIONS: Record<Handle, string> = {
  nw: 'left-0 top-0 cursor-nwse-resize',
  n: 'left-1/2 top-0 cursor-ns-resize',
  ne: 'left-full top-0 cursor-nesw-resize',
  e: 'left-full top-1/2 cursor-ew-resize',
  se: 'left-full top-full cursor-nwse-resize',
  s: 'left-1/2 top-full cursor-ns-resize',
  sw: 'left-0 top-full cursor-nesw-resize',
  w: 'left-0 top-1/2 cursor-ew-resize',
}

const HANDLE_NAMES: Record<Handle, string> = {
  nw: 'top-left',
  n: 'top',
  ne: 'top-right',
  e: 'right',
  se: 'bottom-right',
  s: 'bottom',
  sw: 'bottom-left',
  w: 'left',
}

/**
 * Draws the crop box over the uncropped source: drag the body to move it, one of the eight handles to
 * resize it, or outside it to draw a new one. Arrow keys move the focused box by a pixel (ten
 * with Shift).
 */
export function CropOverlay({ rect, source, box, ratio, onChange }: CropOverlayProps) {
  const drag = useRef<Drag | null>(null)
  const boxRef = useRef<HTMLDivElement>(null)
  const screen = sourceToScreen(box, rect, source)

  // The box takes the focus, so arrow keys move it and Enter applies it at once.
  useEffect(() => {
    boxRef.current?.focus({ preventScroll: true })
  }, [])

  const start = (event: PointerEvent<HTMLElement>, handle: Handle | 'move', from: Box) => {
    if (event.button !== 0) return
    event.stopPropagation()
    event.preventDefault()
    boxRef.current?.focus({ preventScroll: true })
    const overlay = event.currentTarget.closest<HTMLElement>('[data-crop-overlay]')
    overlay?.setPointerCapture(event.pointerId)
    drag.current = {
      pointer: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      start: from,
      handle,
    }
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    // A press outside the box draws a new one from that point.
    const bounds = event.currentTarget.getBoundingClientRect()
    const p = screenPointToSource(
      event.clientX - bounds.left,
      event.clientY - bounds.top,
      rect,
      source,
    )
    start(event, 'se', { left: p.x, top: p.y, width: 1, height: 1 })
  }

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d || d.pointer !== event.pointerId) return
    const dx = ((event.clientX - d.x) * source.width) / rect.width
    const dy = ((event.clientY - d.y) * source.height) / rect.height
    const next =
      d.handle === 'move'
        ? moveBox(d.start, dx, dy, source)
        : dragHandle(d.start, d.handle, dx, dy, source, ratio)
    onChange(next)
  }

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer === event.pointerId) drag.current = null
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 10 : 1
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    }
    const move = moves[event.key]
    if (!move || event.altKey || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    event.stopPropagation()
    onChange(moveBox(box, move[0], move[1], source))
  }

  return (
    <div
      data-crop-overlay=""
      className="absolute inset-0 cursor-crosshair touch-none overflow-hidden"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <div
        ref={boxRef}
        role="group"
        tabIndex={0}
        aria-label={`Crop box, ${box.width} × ${box.height} pixels at ${box.left}, ${box.top}. Arrow keys move it, Enter applies, Escape cancels.`}
        data-testid="crop-box"
        onPointerDown={(event) => start(event, 'move', box)}
        onKeyDown={onKeyDown}
        className="absolute cursor-move border border-white/90 shadow-[0_0_0_9999px_rgba(9,9,11,0.62)] outline-none focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent"
        style={{ left: screen.left, top: screen.top, width: screen.width, height: screen.height }}
      >
        <div aria-hidden="true" className="pointer-events-none absolute inset-0">
          <div className="absolute inset-y-0 left-1/3 w-px bg-white/30" />
          <div className="absolute inset-y-0 left-2/3 w-px bg-white/30" />
          <div className="absolute inset-x-0 top-1/3 h-px bg-white/30" />
          <div className="absolute inset-x-0 top-2/3 h-px bg-white/30" />
        </div>
        {HANDLES.map((handle) => (
          <div
            key={handle}
            data-testid={`crop-handle-${handle}`}
            title={`Drag the ${HANDLE_NAMES[handle]} ${handle.length === 2 ? 'corner' : 'edge'}`}
            onPointerDown={(event) => start(event, handle, box)}
            className={`absolute h-3.5 w-3.5 -translate-x-1/2 -translate-y-1/2 rounded-sm border border-zinc-900 bg-white shadow ${HANDLE_POSITIONS[handle]}`}
          />
        ))}
        <div className="pointer-events-none absolute top-1 left-1 rounded bg-zinc-950/80 px-1.5 py-0.5 text-[11px] text-zinc-100 tabular-nums">
          {box.width} × {box.height}
        </div>
      </div>
    </div>
  )
}
