import { useEffect, useId, useRef, type KeyboardEvent } from 'react'

export interface LeaveDialogProps {
  onLeave: () => void
  onStay: () => void
}

/**
 * Asks before the editor closes with edits that were not exported. It is drawn inside the
 * editor, which is already modal, and takes the keys while it is open.
 */
export function LeaveDialog({ onLeave, onStay }: LeaveDialogProps) {
  const titleId = useId()
  const bodyId = useId()
  const stayRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    stayRef.current?.focus()
  }, [])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation()
    if (event.key === 'Escape') {
      event.preventDefault()
      onStay()
    }
  }

  return (
    <div
      className="absolute inset-0 z-50 flex items-center justify-center bg-black/60"
      onKeyDown={onKeyDown}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onStay()
      }}
    >
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        data-testid="leave-dialog"
        className="w-[26rem] rounded-lg border border-zinc-700 bg-zinc-900 p-5 shadow-2xl"
      >
        <h2 id={titleId} className="text-base font-semibold text-zinc-50">
          Leave the editor?
        </h2>
        <p id={bodyId} className="mt-2 text-zinc-300">
          The edits since you opened the image are not exported. They stay saved as this
          image&apos;s last edit, which the editor offers to restore next time.
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <button
            ref={stayRef}
            type="button"
            onClick={onStay}
            className="h-8 rounded-md border border-zinc-700 px-3 text-zinc-200 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
          >
            Keep editing
          </button>
          <button
            type="button"
            onClick={onLeave}
            data-testid="leave-confirm"
            className="h-8 rounded-md bg-sky-700 px-3 font-medium text-white hover:bg-sky-600 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
          >
            Leave
          </button>
        </div>
      </div>
    </div>
  )
}
