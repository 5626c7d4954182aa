import { useEffect } from 'react'

/** How long the toast offers Undo. */
const UNDO_TOAST_MS = 8000

export interface UndoToastProps {
  /** A new id shows the toast again, even with the same text. */
  id: number
  text: string
  /** Offers Undo when set. */
  onUndo?: () => void
  onDone: () => void
}

/** Says what a file operation did, with an Undo button, and goes away after a few seconds. */
export function UndoToast({ id, text, onUndo, onDone }: UndoToastProps) {
  useEffect(() => {
    const timer = setTimeout(onDone, UNDO_TOAST_MS)
    return () => clearTimeout(timer)
  }, [id, onDone])

  return (
    <div
      role="status"
      data-testid="undo-toast"
      className="fixed bottom-6 left-1/2 z-[66] flex max-w-lg -translate-x-1/2 items-center gap-3 rounded-md border border-zinc-700 bg-zinc-800 px-3 py-1.5 text-sm text-zinc-50 shadow-lg"
    >
      <span className="min-w-0 truncate">{text}</span>
      {onUndo && (
        <button
          type="button"
          onClick={() => {
            onDone()
            onUndo()
          }}
          className="h-7 shrink-0 rounded-md px-2 font-medium text-accent-strong hover:bg-zinc-700 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
        >
          Undo
        </button>
      )}
      <button
        type="button"
        aria-label="Dismiss"
        onClick={onDone}
        className="h-7 shrink-0 rounded-md px-1.5 text-zinc-400 hover:bg-zinc-700 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
      >
        ×
      </button>
    </div>
  )
}
