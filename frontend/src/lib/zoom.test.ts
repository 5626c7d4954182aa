import { describe, expect, it } from 'vitest'
import { clampZoom, fitZoom, originalSize, panAround } from '@/lib/zoom'

describe('fitZoom', () => {
  it('fits the limiting side', () => {
    expect(fitZoom({ width: 1000, height: 750 }, { width: 4000, height: 3000 }, 1)).toBe(0.25)
    expect(fitZoom({ width: 1000, height: 300 }, { width: 4000, height: 3000 }, 1)).toBe(0.1)
  })

  it('never enlarges past 100 %', () => {
    expect(fitZoom({ width: 1000, height: 750 }, { width: 200, height: 100 }, 1)).toBe(1)
  })

  it('counts device pixels', () => {
    expect(fitZoom({ width: 1000, height: 750 }, { width: 4000, height: 3000 }, 2)).toBe(0.5)
  })

  it('returns 1 before sizes are known', () => {
    expect(fitZoom({ width: 0, height: 0 }, { width: 4000, height: 3000 }, 1)).toBe(1)
  })
})

describe('panAround', () => {
  it('keeps the point under the cursor', () => {
    // The cursor is 100 px right of the centre over an image centred at the stage centre.
    expect(panAround({ x: 0, y: 0 }, { x: 100, y: 0 }, 1, 2)).toEqual({ x: -100, y: 0 })
    expect(panAround({ x: -100, y: 0 }, { x: 100, y: 0 }, 2, 1)).toEqual({ x: 0, y: 0 })
  })
})

describe('originalSize', () => {
  it('scales the preview to the metadata', () => {
    const size = originalSize({ width: 2048, height: 1536 }, { width: 4000, height: 3000 })
    expect(size.width).toBeCloseTo(4000)
    expect(size.height).toBeCloseTo(3000)
  })

  it('handles metadata before EXIF rotation', () => {
    const size = originalSize({ width: 1536, height: 2048 }, { width: 4000, height: 3000 })
    expect(size.width).toBeCloseTo(3000)
    expect(size.height).toBeCloseTo(4000)
  })

  it('falls back to the preview size', () => {
    expect(originalSize({ width: 800, height: 600 }, null)).toEqual({ width: 800, height: 600 })
  })
})

describe('clampZoom', () => {
  it('keeps the zoom in range', () => {
    expect(clampZoom(0)).toBe(0.02)
    expect(clampZoom(100)).toBe(16)
    expect(clampZoom(1.5)).toBe(1.5)
  })
})
