import { describe, expect, it } from 'vitest'
import type { Box } from '@/api/editor'
import {
  ASPECT_PRESETS,
  HANDLES,
  applyAspect,
  dragHandle,
  moveBox,
  screenPointToSource,
  screenToSource,
  setBoxField,
  sourceToScreen,
} from '@/lib/editor-crop'

const source = { width: 4000, height: 3000 }
// The source drawn at a fifth of its size, 50 px from the left and 20 px from the top.
const rect = { left: 50, top: 20, width: 800, height: 600 }

function inside(box: Box, size = source) {
  return (
    box.left >= 0 &&
    box.top >= 0 &&
    box.width >= 1 &&
    box.height >= 1 &&
    box.left + box.width <= size.width &&
    box.top + box.height <= size.height
  )
}

describe('crop box conversion', () => {
  it('maps source boxes to the screen', () => {
    expect(
      sourceToScreen({ left: 1000, top: 500, width: 2000, height: 1000 }, rect, source),
    ).toEqual({
      left: 250,
      top: 120,
      width: 400,
      height: 200,
    })
  })

  it('maps screen boxes back to whole source pixels', () => {
    const box = { left: 1000, top: 500, width: 2000, height: 1000 }
    expect(screenToSource(sourceToScreen(box, rect, source), rect, source)).toEqual(box)
    // Edges at 3.1, 2.1, 504.75 and 40.6 source pixels round to 3, 2, 505 and 41.
    const odd = screenToSource(
      { left: 50.62, top: 20.42, width: 100.33, height: 7.7 },
      rect,
      source,
    )
    expect(odd).toEqual({ left: 3, top: 2, width: 502, height: 39 })
  })

  it('keeps screen boxes outside the image inside it', () => {
    const box = screenToSource({ left: -100, top: -100, width: 2000, height: 2000 }, rect, source)
    expect(box).toEqual({ left: 0, top: 0, width: 4000, height: 3000 })
    const point = screenPointToSource(2000, -5, rect, source)
    expect(point).toEqual({ x: 3999, y: 0 })
  })

  it('works with a non-uniform scale', () => {
    const wide = { left: 0, top: 0, width: 400, height: 600 }
    const box = screenToSource({ left: 100, top: 150, width: 100, height: 150 }, wide, source)
    expect(box).toEqual({ left: 1000, top: 750, width: 1000, height: 750 })
  })
})

describe('aspect presets', () => {
  const sizes = [
    { width: 4000, height: 3000 },
    { width: 1001, height: 667 },
    { width: 333, height: 1000 },
    { width: 17, height: 17 },
  ]
  for (const preset of ASPECT_PRESETS) {
    if (!preset.ratio) continue
    const [a, b] = preset.ratio
    it(`gives exact ${preset.label} boxes inside the image`, () => {
      for (const size of sizes) {
        const current = { left: 3, top: 2, width: size.width - 5, height: size.height - 4 }
        const box = applyAspect(current, preset.ratio, size)
        expect(inside(box, size), `${JSON.stringify(box)} in ${size.width}x${size.height}`).toBe(
          true,
        )
        expect(box.width * b).toBe(box.height * a)
        expect(box.width % a).toBe(0)
        // The largest such box: one more step would not fit.
        const k = box.width / a
        expect((k + 1) * a > size.width || (k + 1) * b > size.height).toBe(true)
      }
    })
  }

  it('gives 4000x2250 for 16:9 of a 4000x3000 image', () => {
    const box = applyAspect({ left: 0, top: 0, width: 4000, height: 3000 }, [16, 9], source)
    expect(box).toEqual({ left: 0, top: 375, width: 4000, height: 2250 })
  })

  it('centres on the current box and stays inside', () => {
    const box = applyAspect({ left: 3800, top: 2800, width: 200, height: 200 }, [1, 1], source)
    expect(box).toEqual({ left: 1000, top: 0, width: 3000, height: 3000 })
  })

  it('leaves the box alone when free', () => {
    const current = { left: 1, top: 2, width: 3, height: 4 }
    expect(applyAspect(current, null, source)).toBe(current)
  })

  it('snaps typed sizes to the ratio', () => {
    const box = setBoxField(
      { left: 0, top: 0, width: 1600, height: 900 },
      'width',
      1000,
      source,
      [16, 9],
    )
    expect(box.width).toBe(1008)
    expect(box.height).toBe(567)
    expect(setBoxField(box, 'width', 99999, source, null).width).toBe(4000)
    expect(setBoxField(box, 'left', 3990, source, null)).toEqual({ ...box, left: 4000 - 1008 })
  })
})

describe('crop handles', () => {
  const start = { left: 1000, top: 1000, width: 1000, height: 1000 }

  it('moves only the dragged edges', () => {
    expect(dragHandle(start, 'se', 100, 50, source, null)).toEqual({
      left: 1000,
      top: 1000,
      width: 1100,
      height: 1050,
    })
    expect(dragHandle(start, 'nw', -100, -50, source, null)).toEqual({
      left: 900,
      top: 950,
      width: 1100,
      height: 1050,
    })
    expect(dragHandle(start, 'e', 100, 999, source, null)).toEqual({ ...start, width: 1100 })
    expect(dragHandle(start, 'n', 999, -10, source, null)).toEqual({
      ...start,
      top: 990,
      height: 1010,
    })
  })

  it('clamps every handle to the image', () => {
    for (const handle of HANDLES) {
      for (const [dx, dy] of [
        [-1e6, -1e6],
        [1e6, 1e6],
        [1e6, -1e6],
        [-1e6, 1e6],
      ]) {
        for (const ratio of [null, [16, 9] as const, [9, 16] as const, [1, 1] as const]) {
          const box = dragHandle(start, handle, dx, dy, source, ratio)
          expect(
            inside(box),
            `${handle} ${dx},${dy} ${String(ratio)}: ${JSON.stringify(box)}`,
          ).toBe(true)
          if (ratio) expect(box.width * ratio[1]).toBe(box.height * ratio[0])
        }
      }
    }
  })

  it('stops a handle one pixel before the opposite edge', () => {
    expect(dragHandle(start, 'e', -5000, 0, source, null).width).toBe(1)
    expect(dragHandle(start, 's', 0, -5000, source, null).height).toBe(1)
  })

  it('grows the full image from a corner', () => {
    const box = dragHandle(
      { left: 0, top: 0, width: 100, height: 100 },
      'se',
      1e6,
      1e6,
      source,
      null,
    )
    expect(box).toEqual({ left: 0, top: 0, width: 4000, height: 3000 })
  })

  it('keeps the opposite corner with a ratio', () => {
    const box = dragHandle(
      { left: 0, top: 0, width: 1600, height: 900 },
      'se',
      160,
      0,
      source,
      [16, 9],
    )
    expect(box).toEqual({ left: 0, top: 0, width: 1760, height: 990 })
    const nw = dragHandle(
      { left: 400, top: 400, width: 1600, height: 900 },
      'nw',
      -160,
      -90,
      source,
      [16, 9],
    )
    expect(nw).toEqual({ left: 240, top: 310, width: 1760, height: 990 })
  })

  it('moves the body inside the image', () => {
    expect(moveBox(start, 5000, -5000, source)).toEqual({ ...start, left: 3000, top: 0 })
    expect(moveBox(start, 10.4, 9.6, source)).toEqual({ ...start, left: 1010, top: 1010 })
  })
})
