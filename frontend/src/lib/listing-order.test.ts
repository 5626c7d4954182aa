// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { compareEntries, compareNames, matchesFilter } from '@/lib/listing-order'
import { imageEntry } from '@/test/fake-gallery'

describe('compareNames', () => {
  // The same cases as backend/listing's natural order tests, so both sides agree.
  it.each([
    ['img2.jpg', 'img10.jpg', -1],
    ['img10.jpg', 'img2.jpg', 1],
    ['IMG_1.jpg', 'img_2.jpg', -1],
    ['a.jpg', 'B.jpg', -1],
    ['file007', 'file7', 1],
    ['file7', 'file007', -1],
    ['x99999999999999999999999', 'x100000000000000000000000', -1],
    ['photo', 'photo 2', -1],
    ['2026-01-09', '2026-01-10', -1],
    ['A', 'a', -1],
  ])('orders %s and %s', (a, b, want) => {
    expect(compareNames(a, b)).toEqual({ sign: want, exact: true })
  })

  it('is not sure about names outside ASCII', () => {
    expect(compareNames('é', 'e').exact).toBe(false)
  })
})

describe('compareEntries', () => {
  it('puts folders first in both directions', () => {
    const folder = { ...imageEntry('z'), kind: 'folder' } as const
    expect(compareEntries(folder, imageEntry('a.jpg'), 'name', true).sign).toBe(-1)
    expect(compareEntries(folder, imageEntry('a.jpg'), 'name', false).sign).toBe(-1)
  })

  it('breaks ties of size by name', () => {
    const a = imageEntry('a.jpg', '1', 5)
    const b = imageEntry('b.jpg', '1', 5)
    expect(compareEntries(a, b, 'size', false)).toEqual({ sign: -1, exact: true })
    expect(compareEntries(a, b, 'size', true)).toEqual({ sign: 1, exact: true })
  })

  it('is not sure about equal times in milliseconds', () => {
    const a = { ...imageEntry('a.jpg'), modTime: 1000 }
    const b = { ...imageEntry('b.jpg'), modTime: 1000 }
    expect(compareEntries(a, b, 'modified', false).exact).toBe(false)
    expect(compareEntries(a, { ...b, modTime: 1001 }, 'modified', false)).toEqual({
      sign: -1,
      exact: true,
    })
  })
})

describe('matchesFilter', () => {
  it('matches case-insensitively', () => {
    expect(matchesFilter('IMG_1.jpg', 'img')).toEqual({ match: true, exact: true })
    expect(matchesFilter('notes.txt', 'img')).toEqual({ match: false, exact: true })
    expect(matchesFilter('Привет.jpg', 'при').exact).toBe(false)
  })
})
