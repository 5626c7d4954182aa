import { useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { Library } from '@/api/gallery'
import { ContextMenu, type MenuItem } from '@/components/context-menu'
import { FileOpsContext } from '@/lib/file-ops-context'
import { folderMenu } from '@/lib/file-menu-items'

export interface FolderBackgroundProps {
  library: Library
  /** The folder shown. */
  path: string
  children: ReactNode
}

const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

/**
 * Wraps a folder view that has no grid (an empty folder) so it still takes the folder's own
 * actions: the context menu with New folder and Paste, and their shortcuts.
 */
export function FolderBackground({ library, path, children }: FolderBackgroundProps) {
  const ops = useContext(FileOpsContext)
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null)
  const ref = useRef<HTMLDivElement>(null)

  // Opening an empty folder leaves the focus on the body, as the grid it replaces had it; the
  // keys work here at once.
  useEffect(() => {
    const active = document.activeElement
    if (active === null || active === document.body) ref.current?.focus({ preventScroll: true })
  }, [])

  if (!ops) return children

  return (
    <div
      ref={ref}
      tabIndex={0}
      data-testid="folder-background"
      aria-label={`Empty folder ${path === '' ? library.name : path}`}
      className="h-full outline-none"
      onContextMenu={(event) => {
        event.preventDefault()
        const items = folderMenu(library, path, ops, MAC, () => {})
        setMenu({ x: event.clientX, y: event.clientY, items })
      }}
      onKeyDown={(event) => {
        const mod = event.ctrlKey || event.metaKey
        const key = event.key.toLowerCase()
        if (!mod || !event.shiftKey) return
        if (key === 'v') ops.paste({ library: library.id, path })
        else if (key === 'n') void ops.newFolder(library.id, path)
        else return
        event.preventDefault()
      }}
    >
      {children}
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label="Folder actions"
          items={menu.items.filter((item) => item.label !== 'Select all')}
          onClose={() => setMenu(null)}
        />
      )}
    </div>
  )
}
