// Crop box math. Boxes are in whole pixels of the oriented source (after EXIF orientation), as
// the Go side takes them. The screen side is the rectangle, in CSS pixels, where the preview
// shows the whole source.
import type { Box } from '@/api/editor'
import { clamp } from '@/lib/editor-state'

export interface Size {
  width: number
  height: number
}

/** The rectangle the whole source image is drawn in, in CSS pixels relative to the overlay. */
export interface ScreenRect {
  left: number
  top: number
  width: number
  height: number
}

export type Handle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w'

export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w']

export interface AspectPreset {
  id: string
  label: string
  /** Width and height of the smallest box of the ratio; null is free. */
  ratio: readonly [number, number] | null
}

export const ASPECT_PRESETS: readonly AspectPreset[] = [
  { id: 'free', label: 'Free', ratio: null },
  { id: '1-1', label: '1:1', ratio: [1, 1] },
  { id: '4-3', label: '4:3', ratio: [4, 3] },
  { id: '3-2', label: '3:2', ratio: [3, 2] },
  { id: '16-9', label: '16:9', ratio: [16, 9] },
  { id: '9-16', label: '9:16', ratio: [9, 16] },
  { id: '4-5', label: '4:5', ratio: [4, 5] },
]

export function fullBox(source: Size): Box {
  return { left: 0, top: 0, width: source.width, height: source.height }
}

/** Maps a source box to the screen. */
export function sourceToScreen(box: Box, rect: ScreenRect, source: Size): ScreenRect {
  const sx = rect.width / source.width
  const sy = rect.height / source.height
  return {
    left: rect.left + box.left * sx,
    top: rect.top + box.top * sy,
    width: box.width * sx,
    height: box.height * sy,
  }
}

/** Maps a screen box to whole source pixels, rounding each edge and keeping it in the image. */
export function screenToSource(screen: ScreenRect, rect: ScreenRect, source: Size): Box {
  const sx = source.width / rect.width
  const sy = source.height / rect.height
  const x0 = clamp(Math.round((screen.left - rect.left) * sx), 0, source.width - 1)
  const y0 = clamp(Math.round((screen.top - rect.top) * sy), 0, source.height - 1)
  const x1 = clamp(Math.round((screen.left + screen.width - rect.left) * sx), x0 + 1, source.width)
  const y1 = clamp(Math.round((screen.top + screen.height - rect.top) * sy), y0 + 1, source.height)
  return { left: x0, top: y0, width: x1 - x0, height: y1 - y0 }
}

/** Maps a screen point to the source pixel under it, inside the image. */
export function screenPointToSource(
  x: number,
  y: number,
  rect: ScreenRect,
  source: Size,
): { x: number; y: number } {
  return {
    x: clamp(Math.floor(((x - rect.left) * source.width) / rect.width), 0, source.width - 1),
    y: clamp(Math.floor(((y - rect.top) * source.height) / rect.height), 0, source.height - 1),
  }
}

/** Returns the largest multiple k of the ratio with k·a ≤ maxWidth and k·b ≤ maxHeight, at least 1. */
function maxMultiple(ratio: readonly [number, number], maxWidth: number, maxHeight: number) {
  return Math.max(1, Math.min(Math.floor(maxWidth / ratio[0]), Math.floor(maxHeight / ratio[1])))
}

/** Returns box moved, without resizing, so it lies inside the image. */
function moveInside(box: Box, source: Size): Box {
  return {
    ...box,
    left: clamp(box.left, 0, source.width - box.width),
    top: clamp(box.top, 0, source.height - box.height),
  }
}

/**
 * Returns the largest box of the ratio that fits in the image, centred on the centre of current
 * and moved inside the image. Its sides are exact multiples of the ratio's terms, so 16:9 gives
 * 16k × 9k pixels. A free ratio returns current unchanged.
 */
export function applyAspect(
  current: Box,
  ratio: readonly [number, number] | null,
  source: Size,
): Box {
  if (!ratio) return current
  // A ratio larger than the image in pixels cannot be met exactly; the smallest box is used.
  const k = maxMultiple(ratio, source.width, source.height)
  const width = Math.min(source.width, k * ratio[0])
  const height = Math.min(source.height, k * ratio[1])
  const cx = current.left + current.width / 2
  const cy = current.top + current.height / 2
  return moveInside(
    { left: Math.round(cx - width / 2), top: Math.round(cy - height / 2), width, height },
    source,
  )
}

/** Returns box moved by dx, dy source pixels, kept inside the image. */
export function moveBox(box: Box, dx: number, dy: number, source: Size): Box {
  return moveInside(
    { ...box, left: Math.round(box.left + dx), top: Math.round(box.top + dy) },
    source,
  )
}

/**
 * Returns start with the edges that handle drags moved by dx, dy source pixels, clamped to the
 * image and at least 1 pixel wide and high. With a ratio the box keeps it in exact multiples:
 * corners keep the opposite corner fixed, and edges grow the other side around its centre.
 */
export function dragHandle(
  start: Box,
  handle: Handle,
  dx: number,
  dy: number,
  source: Size,
  ratio: readonly [number, number] | null,
): Box {
  const moveW = handle.includes('w')
  const moveE = handle.includes('e')
  const moveN = handle.includes('n')
  const moveS = handle.includes('s')
  let x0 = start.left
  let y0 = start.top
  let x1 = start.left + start.width
  let y1 = start.top + start.height
  if (moveW) x0 = clamp(Math.round(x0 + dx), 0, x1 - 1)
  if (moveE) x1 = clamp(Math.round(x1 + dx), x0 + 1, source.width)
  if (moveN) y0 = clamp(Math.round(y0 + dy), 0, y1 - 1)
  if (moveS) y1 = clamp(Math.round(y1 + dy), y0 + 1, source.height)
  if (!ratio) return { left: x0, top: y0, width: x1 - x0, height: y1 - y0 }

  const [a, b] = ratio
  const horizontal = moveW || moveE
  const vertical = moveN || moveS
  // The room the box has on each axis, from its fixed side or centre.
  const anchorX = moveW
    ? start.left + start.width
    : moveE
      ? start.left
      : start.left + start.width / 2
  const anchorY = moveN
    ? start.top + start.height
    : moveS
      ? start.top
      : start.top + start.height / 2
  const roomW = moveW
    ? anchorX
    : moveE
      ? source.width - anchorX
      : 2 * Math.min(anchorX, source.width - anchorX)
  const roomH = moveN
    ? anchorY
    : moveS
      ? source.height - anchorY
      : 2 * Math.min(anchorY, source.height - anchorY)
  let k: number
  if (horizontal && vertical) {
    k = Math.round(Math.max((x1 - x0) / a, (y1 - y0) / b))
  } else if (horizontal) {
    k = Math.round((x1 - x0) / a)
  } else {
    k = Math.round((y1 - y0) / b)
  }
  k = clamp(k, 1, maxMultiple(ratio, roomW, roomH))
  const width = k * a
  const height = k * b
  let left = Math.round(anchorX - width / 2)
  if (moveW) left = anchorX - width
  else if (moveE) left = anchorX
  let top = Math.round(anchorY - height / 2)
  if (moveN) top = anchorY - height
  else if (moveS) top = anchorY
  return moveInside({ left, top, width, height }, source)
}

/**
 * Returns box with one side set from a typed value, clamped to the image. With a ratio the other
 * side follows in exact multiples.
 */
export function setBoxField(
  box: Box,
  field: keyof Box,
  value: number,
  source: Size,
  ratio: readonly [number, number] | null,
): Box {
  const v = Math.round(value)
  switch (field) {
    case 'left':
      return moveInside({ ...box, left: clamp(v, 0, source.width - 1) }, source)
    case 'top':
      return moveInside({ ...box, top: clamp(v, 0, source.height - 1) }, source)
    case 'width': {
      if (ratio) {
        const k = clamp(
          Math.round(v / ratio[0]),
          1,
          maxMultiple(ratio, source.width, source.height),
        )
        return moveInside({ ...box, width: k * ratio[0], height: k * ratio[1] }, source)
      }
      return moveInside({ ...box, width: clamp(v, 1, source.width) }, source)
    }
    case 'height': {
      if (ratio) {
        const k = clamp(
          Math.round(v / ratio[1]),
          1,
          maxMultiple(ratio, source.width, source.height),
        )
        return moveInside({ ...box, width: k * ratio[0], height: k * ratio[1] }, source)
      }
      return moveInside({ ...box, height: clamp(v, 1, source.height) }, source)
    }
  }
}
