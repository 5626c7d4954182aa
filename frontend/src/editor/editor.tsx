import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { openImage, type EditorSource } from '@/api/editor'
import { errorMessage, opened } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { IconButton } from '@/components/icon-button'
import { EditorWorkspace } from '@/editor/editor-workspace'
import { useEditorModal } from '@/hooks/use-editor-modal'

export interface EditorProps {
  library: string
  /** Library-relative path of the image. */
  path: string
  onClose: () => void
}

/**
 * Shows the non-destructive editor over the whole window. It opens the image through the Go
 * side, records it as a recent file, and shows the workspace once the image's size is known.
 */
export function Editor({ library, path, onClose }: EditorProps) {
  const rootRef = useRef<HTMLDivElement>(null)
  const [source, setSource] = useState<EditorSource | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEditorModal(rootRef)

  useEffect(() => {
    let cancelled = false
    openImage(library, path).then(
      (opened) => {
        if (!cancelled) setSource(opened)
      },
      (err: unknown) => {
        if (!cancelled) setError(errorMessage(err))
      },
    )
    opened(library, path).catch((err: unknown) =>
      console.warn(`Could not add ${path} to the recent files: ${errorMessage(err)}`),
    )
    return () => {
      cancelled = true
    }
  }, [library, path])

  useEffect(() => {
    const previous = document.activeElement
    rootRef.current?.focus({ preventScroll: true })
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus()
    }
  }, [])

  // Until the workspace takes over the keys, Escape closes the loading or failed editor.
  useEffect(() => {
    if (source) return
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation()
      if (event.key === 'Escape') onClose()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [source, onClose])

  const name = source?.name ?? path.split('/').pop() ?? path
  return createPortal(
    <div
      ref={rootRef}
      role="dialog"
      aria-modal="true"
      aria-label={`Editor: ${name}`}
      data-testid="editor"
      tabIndex={-1}
      className="fixed inset-0 z-50 flex flex-col bg-zinc-950 text-zinc-200 outline-none"
    >
      {source ? (
        <EditorWorkspace source={source} onClose={onClose} />
      ) : (
        <>
          <div className="flex h-12 shrink-0 items-center gap-2 border-b border-zinc-800/80 bg-zinc-900/90 px-2">
            <IconButton
              icon="close"
              label="Close the editor (Escape)"
              onClick={onClose}
              testId="editor-close"
            />
            <h2 className="truncate font-medium text-zinc-100">{name}</h2>
          </div>
          {error ? (
            <div
              role="alert"
              className="m-auto flex max-w-md flex-col items-center gap-3 text-center text-red-200"
            >
              <Icon name="alert" className="text-4xl text-red-400" />
              <p className="select-text">{error}</p>
            </div>
          ) : (
            <p className="m-auto text-zinc-400">Opening {name}…</p>
          )}
        </>
      )}
    </div>,
    document.body,
  )
}
