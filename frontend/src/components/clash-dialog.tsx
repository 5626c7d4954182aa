import { useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useModal } from '@/hooks/use-modal'
import type { ClashChoice } from '@/lib/clash-resolution'

export interface ClashDialogProps {
  /** Name of the entry whose name is taken in the destination. */
  name: string
  /** Name of the destination folder. */
  folder: string
  /** Clashes after this one, which "Apply to all" answers too. */
  remaining: number
  onChoose: (choice: ClashChoice) => void
  /** Cancel skips this entry and the remaining ones. */
  onCancel: () => void
}

const BUTTON =
  'h-8 rounded-md border border-zinc-700 px-3 text-zinc-200 hover:bg-zinc-800 ' +
  'focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none'

/** Asks what to do with an entry whose name is taken: replace, keep both or skip. */
export function ClashDialog({ name, folder, remaining, onChoose, onCancel }: ClashDialogProps) {
  const titleId = useId()
  const [all, setAll] = useState(false)
  const keepRef = useRef<HTMLButtonElement>(null)
  useModal()

  useEffect(() => {
    keepRef.current?.focus()
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      onCancel()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onCancel])

  return createPortal(
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/60">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="clash-dialog"
        className="w-[28rem] rounded-lg border border-zinc-700 bg-zinc-900 p-5 shadow-2xl"
      >
        <h2 id={titleId} className="text-base font-semibold break-words text-zinc-50">
          “{name}” already exists in “{folder}”
        </h2>
        <p className="mt-2 text-zinc-400">
          Replace it, keep both (the new one gets a number), or skip this one.
        </p>
        {remaining > 0 && (
          <label className="mt-3 flex items-center gap-2 text-zinc-300">
            <input
              type="checkbox"
              checked={all}
              onChange={(event) => setAll(event.target.checked)}
            />
            Do this for the {remaining} other {remaining === 1 ? 'clash' : 'clashes'}
          </label>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={BUTTON} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={BUTTON} onClick={() => onChoose({ clash: 'skip', all })}>
            Skip
          </button>
          <button
            ref={keepRef}
            type="button"
            className={BUTTON}
            onClick={() => onChoose({ clash: 'keep-both', all })}
          >
            Keep both
          </button>
          <button
            type="button"
            onClick={() => onChoose({ clash: 'replace', all })}
            className="h-8 rounded-md bg-red-600 px-3 font-medium text-white hover:bg-red-500 focus-visible:ring-2 focus-visible:ring-red-400 focus-visible:outline-none"
          >
            Replace
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
