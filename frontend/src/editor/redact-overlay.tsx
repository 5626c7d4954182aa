import { useRef, useState, type PointerEvent } from 'react'
import type { Box } from '@/api/editor'
import { screenPointToSource, sourceToScreen, type ScreenRect, type Size } from '@/lib/editor-crop'

export interface RedactOverlayProps {
  rect: ScreenRect
  source: Size
  boxes: readonly Box[]
  onAdd: (box: Box) => void
}

/** Draws redaction boxes on the uncropped source: each drag adds a black box. */
export function RedactOverlay({ rect, source, boxes, onAdd }: RedactOverlayProps) {
  const origin = useRef<{ pointer: number; x: number; y: number } | null>(null)
  const [drawing, setDrawing] = useState<Box | null>(null)

  const pointAt = (event: PointerEvent<HTMLDivElement>) => {
    const bounds = event.currentTarget.getBoundingClientRect()
    return screenPointToSource(
      event.clientX - bounds.left,
      event.clientY - bounds.top,
      rect,
      source,
    )
  }

  const boxTo = (event: PointerEvent<HTMLDivElement>): Box | null => {
    const o = origin.current
    if (!o) return null
    const p = pointAt(event)
    const left = Math.min(o.x, p.x)
    const top = Math.min(o.y, p.y)
    return { left, top, width: Math.abs(p.x - o.x) + 1, height: Math.abs(p.y - o.y) + 1 }
  }

  return (
    <div
      data-testid="redact-overlay"
      className="absolute inset-0 cursor-crosshair touch-none overflow-hidden"
      onPointerDown={(event) => {
        if (event.button !== 0) return
        event.currentTarget.setPointerCapture(event.pointerId)
        const p = pointAt(event)
        origin.current = { pointer: event.pointerId, x: p.x, y: p.y }
        setDrawing({ left: p.x, top: p.y, width: 1, height: 1 })
      }}
      onPointerMove={(event) => {
        if (origin.current?.pointer === event.pointerId) setDrawing(boxTo(event))
      }}
      onPointerUp={(event) => {
        if (origin.current?.pointer !== event.pointerId) return
        const box = boxTo(event)
        origin.current = null
        setDrawing(null)
        // A click without a drag adds nothing.
        if (box && box.width > 2 && box.height > 2) onAdd(box)
      }}
      onPointerCancel={() => {
        origin.current = null
        setDrawing(null)
      }}
    >
      {[...boxes, ...(drawing ? [drawing] : [])].map((box, i) => {
        const s = sourceToScreen(box, rect, source)
        return (
          <div
            key={i}
            aria-hidden="true"
            className="pointer-events-none absolute border-2 border-amber-400 bg-black/70"
            style={{ left: s.left, top: s.top, width: s.width, height: s.height }}
          />
        )
      })}
      <p className="pointer-events-none absolute top-2 left-1/2 -translate-x-1/2 rounded bg-zinc-950/85 px-2 py-1 text-xs text-zinc-100">
        Drag over the parts to paint black. Enter or Escape finishes.
      </p>
    </div>
  )
}
