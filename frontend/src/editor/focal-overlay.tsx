import type { PointerEvent } from 'react'
import type { Box, Point } from '@/api/editor'
import { screenPointToSource, sourceToScreen, type ScreenRect, type Size } from '@/lib/editor-crop'

export interface FocalOverlayProps {
  rect: ScreenRect
  source: Size
  /** The crop, drawn for orientation; the focal point is kept inside it. */
  crop: Box
  focal: Point | null
  onPick: (point: Point) => void
}

/** Picks the focal point of a cover resize by a click on the uncropped source. */
export function FocalOverlay({ rect, source, crop, focal, onPick }: FocalOverlayProps) {
  const cropScreen = sourceToScreen(crop, rect, source)
  const marker = focal
    ? sourceToScreen({ left: focal.x, top: focal.y, width: 1, height: 1 }, rect, source)
    : null

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    const bounds = event.currentTarget.getBoundingClientRect()
    const p = screenPointToSource(
      event.clientX - bounds.left,
      event.clientY - bounds.top,
      rect,
      source,
    )
    onPick({
      x: Math.min(Math.max(p.x, crop.left), crop.left + crop.width - 1),
      y: Math.min(Math.max(p.y, crop.top), crop.top + crop.height - 1),
    })
  }

  return (
    <div
      data-testid="focal-overlay"
      className="absolute inset-0 cursor-crosshair overflow-hidden"
      onPointerDown={onPointerDown}
    >
      <div
        aria-hidden="true"
        className="pointer-events-none absolute border border-dashed border-white/70 shadow-[0_0_0_9999px_rgba(9,9,11,0.45)]"
        style={{
          left: cropScreen.left,
          top: cropScreen.top,
          width: cropScreen.width,
          height: cropScreen.height,
        }}
      />
      {marker && (
        <div
          data-testid="focal-marker"
          aria-hidden="true"
          className="pointer-events-none absolute h-6 w-6 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-white shadow-[0_0_0_2px_rgba(0,0,0,0.6)]"
          style={{ left: marker.left, top: marker.top }}
        >
          <div className="absolute top-1/2 left-1/2 h-1.5 w-1.5 -translate-x-1/2 -translate-y-1/2 rounded-full bg-accent" />
        </div>
      )}
      <p className="pointer-events-none absolute top-2 left-1/2 -translate-x-1/2 rounded bg-zinc-950/85 px-2 py-1 text-xs text-zinc-100">
        Click the point the cover crop keeps in view. Enter or Escape finishes.
      </p>
    </div>
  )
}
