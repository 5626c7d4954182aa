import { useCallback, useEffect, useRef, useState } from 'react'
import { discardSession, saveSession, type EditorState } from '@/api/editor'
import { errorMessage } from '@/api/gallery'
import { DEFAULT_STATE, deepEqual } from '@/lib/editor-state'

/** Wait after the last change before the state is saved as the image's session. */
export const SESSION_DELAY_MS = 1000

export interface EditorSession {
  /** The error of the last save, or null. */
  error: string | null
  /** Saves a pending change now, as when the editor closes. */
  flush: () => void
}

/**
 * Saves state as the session of the image a second after it last changed, so the edit survives
 * closing the window. A state without edits deletes the session. Nothing is saved while enabled
 * is false, which it is until the user answers the offer to restore an earlier session.
 */
export function useEditorSession(
  library: string,
  path: string,
  state: EditorState,
  enabled: boolean,
): EditorSession {
  const [error, setError] = useState<string | null>(null)
  const saved = useRef<string | null>(null)
  const pending = useRef<EditorState | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const write = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    const next = pending.current
    pending.current = null
    if (!next) return
    const text = JSON.stringify(next)
    if (text === saved.current) return
    saved.current = text
    const request = deepEqual(next, DEFAULT_STATE)
      ? discardSession(library, path)
      : saveSession(library, path, next)
    request.then(
      () => setError(null),
      (err: unknown) => {
        saved.current = null
        const message = errorMessage(err)
        console.warn(`Could not save the editor session of ${path}: ${message}`)
        setError(message)
      },
    )
  }, [library, path])

  useEffect(() => {
    if (!enabled) return
    if (saved.current === null && deepEqual(state, DEFAULT_STATE)) {
      // Opening an image without edits must not delete a session the user did not restore.
      saved.current = JSON.stringify(state)
      return
    }
    pending.current = state
    clearTimeout(timer.current)
    timer.current = setTimeout(write, SESSION_DELAY_MS)
  }, [state, enabled, write])

  // Closing the editor or the window saves what is pending at once.
  useEffect(() => {
    window.addEventListener('pagehide', write)
    return () => {
      window.removeEventListener('pagehide', write)
      write()
    }
  }, [write])

  return { error, flush: write }
}
