import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { copyImage, profiles as fetchProfiles, type Profile } from '@/api/editor'
import { errorMessage } from '@/api/gallery'
import { Editor } from '@/editor/editor'
import { ShortcutsOverlay } from '@/editor/shortcuts-overlay'
import { TileMenu } from '@/editor/tile-menu'
import { Toast, type ToastMessage } from '@/editor/toast'
import { EditorLauncherContext, type EditorLauncher, type ImageRef } from '@/lib/editor-launcher'

export interface EditorHostProps {
  /** An image to open in the editor at once, as a file given on the command line requests. */
  startEdit: ImageRef | null
  children: ReactNode
}

interface MenuState {
  image: ImageRef
  x: number
  y: number
  profiles: Profile[]
}

let nextToastId = 1

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('input, select, textarea')
}

/**
 * Provides the editor's actions to the gallery and the viewer below it, and draws what they
 * open: the editor, the tile menu, the "Copied" toast and the shortcuts overlay on ?.
 */
export function EditorHost({ startEdit, children }: EditorHostProps) {
  const [editing, setEditing] = useState<ImageRef | null>(startEdit)
  const [started, setStarted] = useState(startEdit)
  const [menu, setMenu] = useState<MenuState | null>(null)
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const [shortcuts, setShortcuts] = useState(false)

  // A start request that arrives after the first render opens the editor too.
  if (startEdit !== started) {
    setStarted(startEdit)
    if (startEdit) setEditing(startEdit)
  }

  const notify = useCallback((text: string, tone: ToastMessage['tone'] = 'info') => {
    setToast({ id: nextToastId++, text, tone })
  }, [])

  const copyOf = useCallback(
    (image: ImageRef, profile: string, kind: 'path' | 'signed') => {
      copyImage(image.library, image.path, profile, kind).then(
        () => notify('Copied'),
        (err: unknown) => notify(`Copy failed: ${errorMessage(err)}`, 'error'),
      )
    },
    [notify],
  )

  const launcher = useMemo<EditorLauncher>(
    () => ({
      edit: (image) => {
        setMenu(null)
        setEditing(image)
      },
      copyPath: (image) => copyOf(image, '', 'path'),
      openMenu: (image, x, y) => {
        setMenu({ image, x, y, profiles: [] })
        // The profiles may have changed in the settings since the last menu.
        fetchProfiles().then(
          (list) => setMenu((old) => (old?.image === image ? { ...old, profiles: list } : old)),
          (err: unknown) =>
            console.warn(`Could not list the imagor profiles: ${errorMessage(err)}`),
        )
      },
    }),
    [copyOf],
  )

  // ? shows the shortcuts from the gallery and the viewer; the editor opens its own.
  useEffect(() => {
    if (editing) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey) return
      if (isTyping(event.target)) return
      event.preventDefault()
      setShortcuts(true)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [editing])

  const closeMenu = useCallback(() => setMenu(null), [])
  const closeEditor = useCallback(() => setEditing(null), [])
  const closeShortcuts = useCallback(() => setShortcuts(false), [])
  const clearToast = useCallback(() => setToast(null), [])

  return (
    <EditorLauncherContext value={launcher}>
      {children}
      {menu && (
        <TileMenu
          x={menu.x}
          y={menu.y}
          name={menu.image.name}
          profiles={menu.profiles}
          onEdit={() => launcher.edit(menu.image)}
          onCopyPath={() => copyOf(menu.image, '', 'path')}
          onCopySigned={(profile) => copyOf(menu.image, profile, 'signed')}
          onClose={closeMenu}
        />
      )}
      {editing && (
        <Editor
          key={`${editing.library}\u0000${editing.path}`}
          library={editing.library}
          path={editing.path}
          onClose={closeEditor}
        />
      )}
      {shortcuts && <ShortcutsOverlay onClose={closeShortcuts} />}
      {createPortal(<Toast toast={toast} onDone={clearToast} />, document.body)}
    </EditorLauncherContext>
  )
}
