import { useCallback, useMemo, useReducer } from 'react'
import {
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

type Action<T> =
  | { type: 'change'; update: (present: T) => T; key: string; now: number }
  | { type: 'begin' }
  | { type: 'end' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'restore'; state: T }
  | { type: 'saved' }

function reducer<T>(history: History<T>, action: Action<T>): History<T> {
  switch (action.type) {
    case 'change':
      return applyChange(history, action.update(history.present), action.key, action.now)
    case 'begin':
      return beginGesture(history)
    case 'end':
      return endGesture(history)
    case 'undo':
      return undo(history)
    case 'redo':
      return redo(history)
    case 'restore':
      return restore(history, action.state)
    case 'saved':
      return markSaved(history)
  }
}

export interface EditorHistory<T> {
  state: T
  /** Applies update to the present; key names the field, for merging quick changes. */
  change: (key: string, update: (present: T) => T) => void
  /** Starts a pointer gesture: its changes form one undo step until endGesture. */
  beginGesture: () => void
  endGesture: () => void
  undo: () => void
  redo: () => void
  canUndo: boolean
  canRedo: boolean
  /** Sets a restored state as one step and as the baseline. */
  restore: (state: T) => void
  /** Makes the present the baseline, after an export. */
  markSaved: () => void
  /** The present differs from the state at open, restore or the last export. */
  dirty: boolean
  /** A pointer gesture is in progress. */
  gesturing: boolean
}

/** Keeps the editor's state with undo, redo, merged slider drags and dirty tracking. */
export function useEditorHistory<T>(initial: T): EditorHistory<T> {
  const [history, dispatch] = useReducer(reducer<T>, initial, createHistory<T>)
  const change = useCallback(
    (key: string, update: (present: T) => T) =>
      dispatch({ type: 'change', update, key, now: Date.now() }),
    [],
  )
  const actions = useMemo(
    () => ({
      beginGesture: () => dispatch({ type: 'begin' }),
      endGesture: () => dispatch({ type: 'end' }),
      undo: () => dispatch({ type: 'undo' }),
      redo: () => dispatch({ type: 'redo' }),
      restore: (state: T) => dispatch({ type: 'restore', state }),
      markSaved: () => dispatch({ type: 'saved' }),
    }),
    [],
  )
  return {
    state: history.present,
    change,
    ...actions,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    dirty: isDirty(history),
    gesturing: history.gesture !== 'idle',
  }
}
