// Zoom and pan of the editor's preview. A zoom is the output scale the Go side renders at: 1 is
// one output pixel per device pixel (100 %). Positions are in output pixels.
import { clamp } from '@/lib/editor-state'

export const MIN_ZOOM = 0.25
export const MAX_ZOOM = 4
export const ZOOM_STEPS: readonly number[] = [0.25, 0.33, 0.5, 0.67, 1, 1.5, 2, 3, 4]

export interface Size {
  width: number
  height: number
}

export interface ViewPosition {
  x: number
  y: number
}

/** Returns the zoom at which the output fits the view (device pixels), never above 100 %. */
export function fitZoom(view: Size, output: Size): number {
  if (view.width <= 0 || view.height <= 0 || output.width <= 0 || output.height <= 0) return 1
  return Math.min(1, view.width / output.width, view.height / output.height)
}

/**
 * Returns the next zoom step above (direction 1) or below (-1) zoom. Past the last step it
 * returns zoom itself, so a fit below 25 % does not zoom in on "zoom out".
 */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > zoom + 1e-6) ?? Math.max(zoom, MAX_ZOOM)
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom - 1e-6) ?? Math.min(zoom, MIN_ZOOM)
}

export function clampZoom(zoom: number): number {
  return clamp(zoom, MIN_ZOOM, MAX_ZOOM)
}

/** Returns position kept so the visible region stays inside the output, as the Go side does. */
export function clampPosition(
  position: ViewPosition,
  view: Size,
  output: Size,
  zoom: number,
): ViewPosition {
  const w = Math.min(view.width / zoom, output.width)
  const h = Math.min(view.height / zoom, output.height)
  return {
    x: Math.round(clamp(position.x, 0, output.width - w)),
    y: Math.round(clamp(position.y, 0, output.height - h)),
  }
}

/**
 * Returns the position that keeps the output point under anchor (device pixels from the view's
 * top-left) in place when the zoom changes.
 */
export function zoomAround(
  position: ViewPosition,
  anchor: ViewPosition,
  oldZoom: number,
  newZoom: number,
): ViewPosition {
  const px = position.x + anchor.x / oldZoom
  const py = position.y + anchor.y / oldZoom
  return { x: px - anchor.x / newZoom, y: py - anchor.y / newZoom }
}

/** The visible region of the output (output pixels) that a request at zoom shows. */
export interface ViewWindow {
  x: number
  y: number
  width: number
  height: number
}

/** Returns the region of the output a view at zoom and position shows. */
export function viewWindow(
  position: ViewPosition,
  view: Size,
  output: Size,
  zoom: number,
): ViewWindow {
  const p = clampPosition(position, view, output, zoom)
  return {
    x: p.x,
    y: p.y,
    width: Math.min(view.width / zoom, output.width),
    height: Math.min(view.height / zoom, output.height),
  }
}

/**
 * Returns where the whole output is drawn, in CSS pixels from the stage's top-left: centred on
 * an axis where it is smaller than the stage, otherwise shifted by the position.
 */
export function outputRect(
  stage: Size,
  output: Size,
  zoom: number,
  position: ViewPosition,
  devicePixelRatio: number,
): { left: number; top: number; width: number; height: number } {
  const width = (output.width * zoom) / devicePixelRatio
  const height = (output.height * zoom) / devicePixelRatio
  const left =
    width <= stage.width ? (stage.width - width) / 2 : (-position.x * zoom) / devicePixelRatio
  const top =
    height <= stage.height ? (stage.height - height) / 2 : (-position.y * zoom) / devicePixelRatio
  return { left, top, width, height }
}
