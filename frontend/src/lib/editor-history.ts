// Undo history of the editor's state. Pure functions over an immutable record, so the React hook
// (use-editor-history.ts) and the tests share the same rules.
import { deepEqual } from '@/lib/editor-state'

/** Changes to the same field closer together than this merge into one undo step. */
export const MERGE_WINDOW_MS = 500

export interface History<T> {
  past: readonly T[]
  present: T
  future: readonly T[]
  /** The state at open, restore or the last export: the present differs from it when dirty. */
  baseline: T
  /** Field of the last change and when it happened, for merging. */
  lastKey: string | null
  lastTime: number
  /** A pointer gesture (a slider drag) is in progress; all its changes form one step. */
  gesture: 'idle' | 'started' | 'stepped'
}

export function createHistory<T>(initial: T): History<T> {
  return {
    past: [],
    present: initial,
    future: [],
    baseline: initial,
    lastKey: null,
    lastTime: 0,
    gesture: 'idle',
  }
}

/**
 * Records next as the present state. It merges into the current step during a gesture after
 * its first change, or when key is the field of the previous change and less than
 * MERGE_WINDOW_MS has passed. An empty key (a click on a button) never merges. A next equal to
 * the present changes nothing.
 */
export function applyChange<T>(history: History<T>, next: T, key: string, now: number): History<T> {
  if (deepEqual(next, history.present)) return history
  const merge =
    history.gesture === 'stepped' ||
    (history.gesture === 'idle' &&
      key !== '' &&
      key === history.lastKey &&
      now - history.lastTime < MERGE_WINDOW_MS &&
      history.past.length > 0)
  return {
    ...history,
    past: merge ? history.past : [...history.past, history.present],
    present: next,
    future: [],
    lastKey: key,
    lastTime: now,
    gesture: history.gesture === 'idle' ? 'idle' : 'stepped',
  }
}

export function beginGesture<T>(history: History<T>): History<T> {
  return { ...history, gesture: 'started' }
}

/** Ends a gesture; the next change starts a new step. */
export function endGesture<T>(history: History<T>): History<T> {
  if (history.gesture === 'idle') return history
  return { ...history, gesture: 'idle', lastKey: null }
}

export function canUndo<T>(history: History<T>): boolean {
  return history.past.length > 0
}

export function canRedo<T>(history: History<T>): boolean {
  return history.future.length > 0
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1]
  if (previous === undefined) return history
  return {
    ...history,
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
    gesture: 'idle',
  }
}

export function redo<T>(history: History<T>): History<T> {
  const next = history.future[0]
  if (next === undefined) return history
  return {
    ...history,
    past: [...history.past, history.present],
    present: next,
    future: history.future.slice(1),
    lastKey: null,
    gesture: 'idle',
  }
}

/**
 * Records next as one undoable step and makes it the baseline, as restoring a session does:
 * the restored state is not an unsaved change.
 */
export function restore<T>(history: History<T>, next: T): History<T> {
  const changed = applyChange({ ...history, lastKey: null, gesture: 'idle' }, next, '', 0)
  return { ...changed, baseline: next, lastKey: null }
}

/** Makes the present the baseline, after an export. */
export function markSaved<T>(history: History<T>): History<T> {
  return { ...history, baseline: history.present }
}

/** Reports whether the present differs from the state at open, restore or the last export. */
export function isDirty<T>(history: History<T>): boolean {
  return !deepEqual(history.present, history.baseline)
}
