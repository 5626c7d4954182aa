import type { Entry } from '@/api/gallery'

export const GRID_PADDING = 16
export const GRID_GAP = 8
/** Height of the file name line under a tile, in CSS pixels. */
export const LABEL_HEIGHT = 24
export const MIN_TILE_SIZE = 96
export const MAX_TILE_SIZE = 320
/** Long side of `thumbnail`; `thumbnailLarge` is twice that. */
export const THUMBNAIL_SIZE = 256

export interface GridLayout {
  columns: number
  /** Width and height of one tile's picture, in CSS pixels. */
  cellSize: number
  /** Height of a row including the gap below it. */
  rowHeight: number
  rowCount: number
}

export interface LayoutInput {
  width: number
  tileSize: number
  total: number
  showNames: boolean
}

/**
 * Fits as many columns of at least tileSize as the width allows, then widens the tiles to fill
 * the row exactly.
 */
export function computeLayout({ width, tileSize, total, showNames }: LayoutInput): GridLayout {
  const inner = Math.max(0, width - 2 * GRID_PADDING)
  const columns = Math.max(1, Math.floor((inner + GRID_GAP) / (tileSize + GRID_GAP)))
  const cellSize = Math.max(1, Math.floor((inner - GRID_GAP * (columns - 1)) / columns))
  const rowHeight = cellSize + (showNames ? LABEL_HEIGHT : 0) + GRID_GAP
  return { columns, cellSize, rowHeight, rowCount: Math.ceil(total / columns) }
}

export function clampTileSize(size: number): number {
  return Math.min(MAX_TILE_SIZE, Math.max(MIN_TILE_SIZE, Math.round(size)))
}

/** Picks the thumbnail whose size covers the tile in device pixels. */
export function thumbnailFor(entry: Entry, cellSize: number, devicePixelRatio: number): string {
  const large = cellSize * devicePixelRatio > THUMBNAIL_SIZE
  return (large && entry.thumbnailLarge) || entry.thumbnail
}

export interface MoveContext {
  columns: number
  total: number
  /** Rows that fit in the viewport, for PageUp and PageDown. */
  pageRows: number
}

/**
 * Returns the index that key moves the focus to from index, or null if key is no grid motion.
 * Arrows move by one tile or one row and stop at the edges; ArrowDown from the row above a
 * shorter last row lands on the last tile. Home and End go to the first and last tile.
 */
export function moveFocus(
  index: number,
  key: string,
  { columns, total, pageRows }: MoveContext,
): number | null {
  if (total <= 0) return null
  const last = total - 1
  const current = Math.min(Math.max(index, 0), last)
  const page = columns * Math.max(1, pageRows)
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, current - 1)
    case 'ArrowRight':
      return Math.min(last, current + 1)
    case 'ArrowUp':
      return current - columns >= 0 ? current - columns : current
    case 'ArrowDown':
      if (current + columns <= last) return current + columns
      return Math.floor(current / columns) < Math.floor(last / columns) ? last : current
    case 'Home':
      return 0
    case 'End':
      return last
    case 'PageUp':
      return current - page >= 0 ? current - page : current % columns
    case 'PageDown': {
      if (current + page <= last) return current + page
      const lastRowStart = last - (last % columns)
      return Math.min(last, lastRowStart + (current % columns))
    }
    default:
      return null
  }
}
