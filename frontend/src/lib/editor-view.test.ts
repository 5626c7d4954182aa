import { describe, expect, it } from 'vitest'
import {
  clampPosition,
  fitZoom,
  outputRect,
  stepZoom,
  viewWindow,
  zoomAround,
} from '@/lib/editor-view'

const view = { width: 1000, height: 600 }
const output = { width: 4000, height: 3000 }

describe('editor view', () => {
  it('fits the output, never above 100 %', () => {
    expect(fitZoom(view, output)).toBe(0.2)
    expect(fitZoom(view, { width: 100, height: 100 })).toBe(1)
  })

  it('steps through the zoom levels', () => {
    expect(stepZoom(0.2, 1)).toBe(0.25)
    expect(stepZoom(1, 1)).toBe(1.5)
    expect(stepZoom(1, -1)).toBe(0.67)
    expect(stepZoom(4, 1)).toBe(4)
    expect(stepZoom(0.25, -1)).toBe(0.25)
    // A fit below 25 % stays where it is on zoom out.
    expect(stepZoom(0.2, -1)).toBe(0.2)
  })

  it('keeps the visible region inside the output', () => {
    expect(clampPosition({ x: -50, y: 5000 }, view, output, 1)).toEqual({ x: 0, y: 2400 })
    expect(clampPosition({ x: 99999, y: 10 }, view, output, 0.5)).toEqual({ x: 2000, y: 10 })
    // Smaller than the view on an axis: no pan on it.
    expect(clampPosition({ x: 300, y: 300 }, view, { width: 800, height: 3000 }, 1).x).toBe(0)
  })

  it('returns the region a zoomed view shows', () => {
    expect(viewWindow({ x: 100, y: 200 }, view, output, 2)).toEqual({
      x: 100,
      y: 200,
      width: 500,
      height: 300,
    })
  })

  it('zooms around the anchor', () => {
    const before = { x: 1000, y: 1000 }
    const after = zoomAround(before, { x: 500, y: 300 }, 1, 2)
    // The output point under the anchor is 1500, 1300 before and after.
    expect(after.x + 500 / 2).toBe(1500)
    expect(after.y + 300 / 2).toBe(1300)
  })

  it('centres a small output and shifts a large one', () => {
    const stage = { width: 500, height: 300 }
    expect(outputRect(stage, { width: 400, height: 200 }, 1, { x: 0, y: 0 }, 2)).toEqual({
      left: 150,
      top: 100,
      width: 200,
      height: 100,
    })
    expect(outputRect(stage, output, 1, { x: 200, y: 100 }, 2)).toEqual({
      left: -100,
      top: -50,
      width: 2000,
      height: 1500,
    })
  })
})
