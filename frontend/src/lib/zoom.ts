// Viewer zoom. A zoom of 1 shows one image pixel per device pixel (the viewer's "100 %");
// image sizes are in pixels of the original file.

export interface Size {
  width: number
  height: number
}

export interface Point {
  x: number
  y: number
}

export const MIN_ZOOM = 0.02
export const MAX_ZOOM = 16
export const ZOOM_STEP = 1.25

/** Returns the zoom that fits image inside stage (CSS pixels), never above 100 %. */
export function fitZoom(stage: Size, image: Size, devicePixelRatio: number): number {
  if (image.width <= 0 || image.height <= 0 || stage.width <= 0 || stage.height <= 0) return 1
  const zoom = Math.min(
    (stage.width * devicePixelRatio) / image.width,
    (stage.height * devicePixelRatio) / image.height,
  )
  return Math.min(1, zoom)
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom))
}

/**
 * Returns the pan (offset of the image centre from the stage centre) that keeps the point under
 * anchor in place when the zoom changes from oldZoom to newZoom. anchor is relative to the stage
 * centre, in CSS pixels.
 */
export function panAround(pan: Point, anchor: Point, oldZoom: number, newZoom: number): Point {
  const ratio = newZoom / oldZoom
  return { x: anchor.x - (anchor.x - pan.x) * ratio, y: anchor.y - (anchor.y - pan.y) * ratio }
}

/**
 * Estimates the original's size from the preview's decoded size and the metadata's. The long
 * sides are compared, so the estimate is right whether or not the metadata counts EXIF rotation.
 */
export function originalSize(preview: Size, meta: Size | null): Size {
  if (!meta || meta.width <= 0 || meta.height <= 0) return preview
  const scale = Math.max(meta.width, meta.height) / Math.max(preview.width, preview.height)
  return { width: preview.width * scale, height: preview.height * scale }
}
