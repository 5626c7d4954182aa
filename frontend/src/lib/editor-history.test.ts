import { describe, expect, it } from 'vitest'
import {
  MERGE_WINDOW_MS,
  applyChange,
  beginGesture,
  canRedo,
  canUndo,
  createHistory,
  endGesture,
  isDirty,
  markSaved,
  redo,
  restore,
  undo,
  type History,
} from '@/lib/editor-history'
import { DEFAULT_STATE, resetSection } from '@/lib/editor-state'
import type { EditorState } from '@/api/editor'

const withBrightness = (s: EditorState, brightness: number) => ({ ...s, brightness })

function drag(history: History<EditorState>, values: number[], start: number) {
  let h = beginGesture(history)
  values.forEach((v, i) => {
    h = applyChange(h, withBrightness(h.present, v), 'brightness', start + i * 1000)
  })
  return endGesture(h)
}

describe('editor history', () => {
  it('merges a slider drag into one step', () => {
    // 1 s apart, so only the gesture can merge them.
    const h = drag(createHistory(DEFAULT_STATE), [5, 10, 20, 40], 0)
    expect(h.present.brightness).toBe(40)
    expect(h.past).toHaveLength(1)
    expect(undo(h).present.brightness).toBe(0)
  })

  it('merges changes to one field within the window', () => {
    let h = createHistory(DEFAULT_STATE)
    h = applyChange(h, withBrightness(h.present, 1), 'brightness', 1000)
    h = applyChange(h, withBrightness(h.present, 2), 'brightness', 1000 + MERGE_WINDOW_MS - 1)
    expect(h.past).toHaveLength(1)
    h = applyChange(h, withBrightness(h.present, 3), 'brightness', 1000 + 3 * MERGE_WINDOW_MS)
    expect(h.past).toHaveLength(2)
    expect(undo(h).present.brightness).toBe(2)
  })

  it('keeps changes to other fields apart', () => {
    let h = createHistory(DEFAULT_STATE)
    h = applyChange(h, withBrightness(h.present, 10), 'brightness', 0)
    h = applyChange(h, { ...h.present, contrast: 10 }, 'contrast', 10)
    expect(h.past).toHaveLength(2)
  })

  it('never merges an empty key', () => {
    let h = createHistory(DEFAULT_STATE)
    h = applyChange(h, { ...h.present, rotate: 90 }, '', 0)
    h = applyChange(h, { ...h.present, rotate: 180 }, '', 1)
    expect(h.past).toHaveLength(2)
  })

  it('starts a new step after a drag ends', () => {
    let h = drag(createHistory(DEFAULT_STATE), [10, 20], 0)
    h = applyChange(h, withBrightness(h.present, 30), 'brightness', 1001)
    expect(h.past).toHaveLength(2)
  })

  it('ignores a change to the same state', () => {
    const h = createHistory(DEFAULT_STATE)
    expect(applyChange(h, { ...DEFAULT_STATE }, 'brightness', 0)).toBe(h)
  })

  it('undoes and redoes', () => {
    let h = createHistory(DEFAULT_STATE)
    h = applyChange(h, withBrightness(h.present, 10), '', 0)
    h = applyChange(h, { ...h.present, flipH: true }, '', 1)
    h = undo(h)
    expect(h.present.flipH).toBe(false)
    expect(h.present.brightness).toBe(10)
    expect(canRedo(h)).toBe(true)
    h = undo(h)
    expect(h.present).toEqual(DEFAULT_STATE)
    expect(canUndo(h)).toBe(false)
    expect(undo(h)).toBe(h)
    h = redo(redo(h))
    expect(h.present.flipH).toBe(true)
    expect(canRedo(h)).toBe(false)
    expect(redo(h)).toBe(h)
  })

  it('drops the redo steps on a new change', () => {
    let h = createHistory(DEFAULT_STATE)
    h = applyChange(h, withBrightness(h.present, 10), '', 0)
    h = undo(h)
    h = applyChange(h, { ...h.present, contrast: 5 }, '', 1)
    expect(canRedo(h)).toBe(false)
  })

  it('does not merge into a step after undo', () => {
    let h = createHistory(DEFAULT_STATE)
    h = applyChange(h, withBrightness(h.present, 10), 'brightness', 0)
    h = applyChange(h, withBrightness(h.present, 20), 'brightness', 1000)
    h = undo(h)
    h = applyChange(h, withBrightness(h.present, 30), 'brightness', 1001)
    expect(h.past).toHaveLength(2)
    expect(undo(h).present.brightness).toBe(10)
  })

  it('resets one section as one step', () => {
    let h = createHistory(DEFAULT_STATE)
    h = applyChange(h, { ...h.present, brightness: 30, flipV: true, quality: 80 }, '', 0)
    h = applyChange(h, resetSection(h.present, 'effects'), '', 1)
    expect(h.present.brightness).toBe(0)
    expect(h.present.flipV).toBe(true)
    expect(h.present.quality).toBe(80)
    expect(undo(h).present.brightness).toBe(30)
  })

  it('tracks unsaved changes against the baseline', () => {
    let h = createHistory(DEFAULT_STATE)
    expect(isDirty(h)).toBe(false)
    h = applyChange(h, withBrightness(h.present, 10), '', 0)
    expect(isDirty(h)).toBe(true)
    expect(isDirty(undo(h))).toBe(false)
    h = markSaved(h)
    expect(isDirty(h)).toBe(false)
    expect(isDirty(undo(h))).toBe(true)
  })

  it('restores a session as a clean, undoable step', () => {
    const session = { ...DEFAULT_STATE, hue: 90 }
    const h = restore(createHistory(DEFAULT_STATE), session)
    expect(h.present).toEqual(session)
    expect(isDirty(h)).toBe(false)
    expect(undo(h).present).toEqual(DEFAULT_STATE)
  })
})
