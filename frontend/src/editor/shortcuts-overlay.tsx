import { useEffect, useId, useRef } from 'react'
import { createPortal } from 'react-dom'
import { IconButton } from '@/components/icon-button'
import { useEditorModal } from '@/hooks/use-editor-modal'
import { shortcutGroups } from '@/lib/editor-shortcuts'

export interface ShortcutsOverlayProps {
  onClose: () => void
}

/**
 * Lists the keyboard shortcuts of the gallery, the viewer and the editor. It takes every key
 * while open, so the views behind it do not act on them; Escape or ? closes it.
 */
export function ShortcutsOverlay({ onClose }: ShortcutsOverlayProps) {
  const titleId = useId()
  const dialogRef = useRef<HTMLDivElement>(null)
  useEditorModal(dialogRef)

  useEffect(() => {
    const previous = document.activeElement
    dialogRef.current?.focus()
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation()
      if (event.key === 'Escape' || event.key === '?') {
        event.preventDefault()
        onClose()
      }
    }
    // Capture on the window runs before the viewer's and the editor's handlers.
    window.addEventListener('keydown', onKeyDown, true)
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus()
    }
  }, [onClose])

  return createPortal(
    <div
      className="fixed inset-0 z-[60] flex items-center justify-center bg-black/60 p-6"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="shortcuts"
        className="flex max-h-full w-[56rem] max-w-full flex-col rounded-lg border border-zinc-700 bg-zinc-900 shadow-2xl outline-none"
      >
        <div className="flex items-center border-b border-zinc-800 px-4 py-2">
          <h2 id={titleId} className="flex-1 text-base font-semibold text-zinc-50">
            Keyboard shortcuts
          </h2>
          <IconButton icon="close" label="Close (Escape)" onClick={onClose} />
        </div>
        <div className="grid gap-6 overflow-y-auto p-4 md:grid-cols-3">
          {shortcutGroups().map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3 className="mb-2 text-xs font-semibold tracking-wide text-zinc-300 uppercase">
                {group.title}
              </h3>
              <dl className="flex flex-col gap-1.5 text-xs">
                {group.shortcuts.map((s) => (
                  <div key={s.keys} className="flex flex-col">
                    <dt>
                      <kbd className="rounded border border-zinc-700 bg-zinc-800 px-1 py-0.5 font-sans text-zinc-100">
                        {s.keys}
                      </kbd>
                    </dt>
                    <dd className="mt-0.5 text-zinc-400">{s.action}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>,
    document.body,
  )
}
