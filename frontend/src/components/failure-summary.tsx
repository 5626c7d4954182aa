import { useEffect, useId, useRef } from 'react'
import { createPortal } from 'react-dom'
import type { FileFailure } from '@/api/files'
import { useModal } from '@/hooks/use-modal'

export interface FailureSummaryProps {
  /** What ran, such as "Move". */
  title: string
  /** How many paths worked. */
  succeeded: number
  failures: readonly FileFailure[]
  onClose: () => void
}

const CODE_LABELS: Record<string, string> = {
  NOT_FOUND: 'Not found',
  EXISTS: 'Name taken',
  OUTSIDE_LIBRARY: 'Outside the library',
  PERMISSION: 'No permission',
  NO_SPACE: 'Disk full',
  CANCELLED: 'Cancelled',
  INVALID_ARGUMENT: 'Not possible',
  NO_TRASH: 'No trash',
  UNSUPPORTED: 'Not supported',
}

/** Lists what a file operation could not do and why, after it finished or was cancelled. */
export function FailureSummary({ title, succeeded, failures, onClose }: FailureSummaryProps) {
  const titleId = useId()
  const closeRef = useRef<HTMLButtonElement>(null)
  useModal()

  useEffect(() => {
    closeRef.current?.focus()
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onClose])

  return createPortal(
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/60">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="failure-summary"
        className="flex max-h-[80vh] w-[36rem] flex-col rounded-lg border border-zinc-700 bg-zinc-900 p-5 shadow-2xl"
      >
        <h2 id={titleId} className="text-base font-semibold text-zinc-50">
          {title}: {failures.length} {failures.length === 1 ? 'item' : 'items'} failed
          {succeeded > 0 && `, ${succeeded} done`}
        </h2>
        <ul className="mt-3 min-h-0 flex-1 space-y-2 overflow-y-auto select-text">
          {failures.map((f) => (
            <li key={f.path} className="rounded-md border border-zinc-800 px-3 py-2">
              <div className="flex items-baseline gap-2">
                <span className="shrink-0 rounded bg-red-950 px-1.5 text-xs text-red-200">
                  {CODE_LABELS[f.code] ?? f.code}
                </span>
                <span className="truncate text-zinc-100" title={f.path}>
                  {f.path || 'the library root'}
                </span>
              </div>
              <p className="mt-1 text-sm break-words text-zinc-400">{f.message}</p>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex justify-end">
          <button
            ref={closeRef}
            type="button"
            onClick={onClose}
            className="h-8 rounded-md border border-zinc-700 px-3 text-zinc-200 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
          >
            Close
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
