import { describe, expect, it } from 'vitest'
import {
  EMPTY_SELECTION,
  actionPaths,
  clickSelection,
  renameInSelection,
  selectAll,
  withoutPaths,
  type Selection,
} from '@/lib/selection'

const names = ['a', 'b', 'c', 'd', 'e', 'f']
const pathAt = (i: number) => names[i]
const plain = { toggle: false, range: false }
const toggle = { toggle: true, range: false }
const range = { toggle: false, range: true }

function paths(selection: Selection): string[] {
  return [...selection.paths].sort()
}

describe('clickSelection', () => {
  it('selects only the clicked entry on a plain click', () => {
    const first = clickSelection(EMPTY_SELECTION, 1, pathAt, plain)
    const second = clickSelection(first, 3, pathAt, plain)
    expect(paths(second)).toEqual(['d'])
    expect(second.anchor).toBe(3)
  })

  it('adds and removes entries with the toggle modifier', () => {
    let s = clickSelection(EMPTY_SELECTION, 0, pathAt, plain)
    s = clickSelection(s, 2, pathAt, toggle)
    s = clickSelection(s, 4, pathAt, toggle)
    expect(paths(s)).toEqual(['a', 'c', 'e'])
    s = clickSelection(s, 2, pathAt, toggle)
    expect(paths(s)).toEqual(['a', 'e'])
  })

  it('selects a range from the anchor, in either direction', () => {
    const anchored = clickSelection(EMPTY_SELECTION, 2, pathAt, plain)
    expect(paths(clickSelection(anchored, 4, pathAt, range))).toEqual(['c', 'd', 'e'])
    expect(paths(clickSelection(anchored, 0, pathAt, range))).toEqual(['a', 'b', 'c'])
  })

  it('keeps the anchor when the range changes, as file managers do', () => {
    let s = clickSelection(EMPTY_SELECTION, 2, pathAt, plain)
    s = clickSelection(s, 5, pathAt, range)
    s = clickSelection(s, 3, pathAt, range)
    expect(paths(s)).toEqual(['c', 'd'])
    expect(s.anchor).toBe(2)
  })

  it('adds a range to the selection with toggle and range together', () => {
    let s = clickSelection(EMPTY_SELECTION, 0, pathAt, plain)
    s = clickSelection(s, 3, pathAt, toggle)
    s = clickSelection(s, 5, pathAt, { toggle: true, range: true })
    expect(paths(s)).toEqual(['a', 'd', 'e', 'f'])
  })

  it('starts a range at the clicked entry when there is no anchor', () => {
    expect(paths(clickSelection(EMPTY_SELECTION, 2, pathAt, range))).toEqual(['c'])
  })

  it('leaves out entries whose page is not loaded', () => {
    const sparse = (i: number) => (i === 2 ? undefined : names[i])
    const s = clickSelection(clickSelection(EMPTY_SELECTION, 0, sparse, plain), 4, sparse, range)
    expect(paths(s)).toEqual(['a', 'b', 'd', 'e'])
    expect(clickSelection(s, 2, sparse, plain)).toBe(s)
  })
})

describe('selection helpers', () => {
  it('selects all loaded entries', () => {
    expect(paths(selectAll(names.length, pathAt))).toEqual(names)
  })

  it('acts on the selection only when the entry is in it', () => {
    const s = clickSelection(clickSelection(EMPTY_SELECTION, 0, pathAt, plain), 1, pathAt, toggle)
    expect(actionPaths(s, 'b').sort()).toEqual(['a', 'b'])
    expect(actionPaths(s, 'e')).toEqual(['e'])
  })

  it('follows a rename and drops removed paths', () => {
    const s = selectAll(3, pathAt)
    expect(paths(renameInSelection(s, 'b', 'z'))).toEqual(['a', 'c', 'z'])
    expect(paths(withoutPaths(s, ['a', 'c']))).toEqual(['b'])
    expect(withoutPaths(s, ['x'])).toBe(s)
  })
})
