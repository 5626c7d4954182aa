import { describe, expect, it } from 'vitest'
import type { Entry } from '@/api/gallery'
import { clampTileSize, moveFocus, thumbnailFor } from '@/lib/grid-math'

describe('moveFocus', () => {
  // 23 tiles in rows of 5: the last row contains 20, 21 and 22.
  const grid = { columns: 5, total: 23, pageRows: 2 }

  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowRight', 22, 22],
    ['ArrowLeft', 5, 4],
    ['ArrowLeft', 0, 0],
    ['ArrowDown', 2, 7],
    ['ArrowDown', 16, 21],
    ['ArrowDown', 18, 22],
    ['ArrowDown', 21, 21],
    ['ArrowUp', 7, 2],
    ['ArrowUp', 3, 3],
    ['Home', 13, 0],
    ['End', 3, 22],
    ['PageDown', 1, 11],
    ['PageDown', 13, 22],
    ['PageDown', 11, 21],
    ['PageUp', 17, 7],
    ['PageUp', 8, 3],
  ])('%s from %i goes to %i', (key, from, to) => {
    expect(moveFocus(from, key, grid)).toBe(to)
  })

  it('ignores other keys', () => {
    expect(moveFocus(3, 'a', grid)).toBeNull()
    expect(moveFocus(3, 'Enter', grid)).toBeNull()
  })

  it('does nothing in an empty grid', () => {
    expect(moveFocus(0, 'ArrowRight', { columns: 5, total: 0, pageRows: 2 })).toBeNull()
  })

  it('clamps an index past the end', () => {
    expect(moveFocus(40, 'ArrowLeft', grid)).toBe(21)
  })
})

describe('thumbnailFor', () => {
  const entry = { thumbnail: '/imagor/small', thumbnailLarge: '/imagor/large' } as Entry

  it('picks the large thumbnail past 256 device pixels', () => {
    expect(thumbnailFor(entry, 256, 1)).toBe('/imagor/small')
    expect(thumbnailFor(entry, 257, 1)).toBe('/imagor/large')
    expect(thumbnailFor(entry, 160, 2)).toBe('/imagor/large')
  })

  it('falls back to the small thumbnail', () => {
    expect(thumbnailFor({ ...entry, thumbnailLarge: '' }, 300, 2)).toBe('/imagor/small')
  })
})

describe('clampTileSize', () => {
  it('keeps the size within the slider range', () => {
    expect(clampTileSize(10)).toBe(96)
    expect(clampTileSize(1000)).toBe(320)
    expect(clampTileSize(150.4)).toBe(150)
  })
})
