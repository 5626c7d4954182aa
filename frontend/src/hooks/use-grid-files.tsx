import {
  useCallback,
  useContext,
  useEffect,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react'
import { createPortal } from 'react-dom'
import type { Library } from '@/api/gallery'
import { ContextMenu, type MenuItem } from '@/components/context-menu'
import { usePointerDrag } from '@/hooks/use-pointer-drag'
import { EditorLauncherContext } from '@/lib/editor-launcher'
import { FileOpsContext, type FolderTarget } from '@/lib/file-ops-context'
import { entryMenu, folderMenu } from '@/lib/file-menu-items'
import { PAGE_SIZE, type ListingSource } from '@/lib/listing-source'
import { containsPath, parentPath } from '@/lib/paths'
import {
  EMPTY_SELECTION,
  actionPaths,
  clickSelection,
  selectAll,
  type Selection,
} from '@/lib/selection'

export interface GridFilesOptions {
  source: ListingSource
  /** The library shown; without it (as in the grid's own tests) file operations are off. */
  library: Library | undefined
  selection: Selection
  onSelectionChange: (selection: Selection) => void
  activeIndex: number
  focusIndex: (index: number) => void
  openIndex: (index: number) => void
}

const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform)

/** The id of the last PendingFocus a grid took, so a grid mounted later does not take it again. */
let takenFocus = 0

/**
 * The entry whose name field is open, kept until it closes: the listing may reload more than
 * once after a new folder is made, and each reload mounts a new grid that must show the field.
 */
let openRename: { library: string; path: string } | null = null

function renameIn(library: string | undefined, folder: string): string | null {
  if (!openRename || openRename.library !== library) return null
  return parentPath(openRename.path) === folder ? openRename.path : null
}

function tileIndex(element: Element | null): number {
  const tile = element?.closest<HTMLElement>('[data-testid="tile"]')
  return tile ? Number(tile.dataset.index) : -1
}

/**
 * Adds the file operations to the gallery grid: multi-selection by click and keyboard, the
 * context menu, inline rename, drag and drop onto folders, and their shortcuts.
 */
export function useGridFiles(options: GridFilesOptions) {
  const { source, library, selection, onSelectionChange, activeIndex } = options
  const ops = useContext(FileOpsContext)
  const launcher = useContext(EditorLauncherContext)
  const [menu, setMenu] = useState<{ x: number; y: number; items: MenuItem[] } | null>(null)
  const folder = source.query.path
  // A rename or a new folder reloads the listing, which mounts a new grid: it takes over the
  // entry to focus, and the rename field of a new folder.
  const [pending] = useState(() => {
    const focus = ops?.focus
    if (!focus || focus.id <= takenFocus || focus.library !== library?.id) return null
    return parentPath(focus.path) === folder ? focus : null
  })
  useEffect(() => {
    if (pending) takenFocus = Math.max(takenFocus, pending.id)
  }, [pending])
  const [renaming, setRenaming] = useState<string | null>(() =>
    pending?.rename ? pending.path : renameIn(library?.id, folder),
  )
  // A new folder made while this grid stays mounted opens its name field here.
  const focus = ops?.focus
  const [seenFocus, setSeenFocus] = useState(focus?.id ?? 0)
  if (focus && focus.id !== seenFocus) {
    setSeenFocus(focus.id)
    if (focus.rename && focus.library === library?.id && parentPath(focus.path) === folder) {
      setRenaming(focus.path)
    }
  }
  useEffect(() => {
    if (renaming && library) openRename = { library: library.id, path: renaming }
  }, [renaming, library])
  const pathAt = useCallback((i: number) => source.getEntry(i)?.path, [source])

  const pathsFor = (index: number): string[] => {
    const entry = source.getEntry(index)
    return entry ? actionPaths(selection, entry.path) : []
  }

  const select = useCallback(
    (index: number, event?: MouseEvent) => {
      const toggle = Boolean(event && (MAC ? event.metaKey : event.ctrlKey || event.metaKey))
      const range = Boolean(event?.shiftKey)
      onSelectionChange(clickSelection(selection, index, pathAt, { toggle, range }))
    },
    [selection, pathAt, onSelectionChange],
  )

  // Selecting all first fetches the pages not loaded yet, so every entry has its path.
  // Shift with an arrow key extends the selection from its anchor, or from the focused entry.
  const extendTo = (index: number) => {
    const base = selection.anchor === null ? { ...selection, anchor: activeIndex } : selection
    onSelectionChange(clickSelection(base, index, pathAt, { toggle: false, range: true }))
  }

  const selectEverything = useCallback(() => {
    const firsts: Promise<unknown>[] = []
    for (let i = 0; i < source.total; i += PAGE_SIZE) firsts.push(source.fetchEntry(i))
    void Promise.all(firsts).then(() => onSelectionChange(selectAll(source.total, pathAt)))
  }, [source, pathAt, onSelectionChange])

  const accepts = (paths: string[], target: FolderTarget) => {
    if (!library || target.library !== library.id) return target.library !== ''
    if (target.path === folder) return false
    return !paths.some((p) => containsPath(p, target.path))
  }

  const { drag, onPointerDown, onClickCapture } = usePointerDrag({
    pathsAt: (element) => {
      if (!ops || !library || renaming) return null
      const index = tileIndex(element)
      return index < 0 ? null : pathsFor(index)
    },
    accepts,
    onDrop: (paths, target) => {
      if (ops && library) ops.move(library.id, paths, target)
    },
  })

  // Returns true when the key was a file shortcut and is handled.
  const onKey = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (!ops || !library) return false
    const mod = event.ctrlKey || event.metaKey
    const key = event.key.toLowerCase()
    const paths = pathsFor(activeIndex)
    const entry = source.getEntry(activeIndex)
    let handled = true
    if (event.key === 'Escape' && selection.paths.size > 0) onSelectionChange(EMPTY_SELECTION)
    else if (mod && !event.shiftKey && key === 'a') selectEverything()
    else if (event.key === 'F2' && entry) setRenaming(entry.path)
    else if (event.key === 'Delete' && paths.length > 0)
      ops.remove(library.id, paths, event.shiftKey)
    else if (MAC && event.metaKey && event.key === 'Backspace' && paths.length > 0)
      ops.remove(library.id, paths, false)
    else if (mod && event.shiftKey && key === 'c' && paths.length > 0) ops.copy(library.id, paths)
    else if (mod && event.shiftKey && key === 'v') ops.paste({ library: library.id, path: folder })
    else if (mod && event.shiftKey && key === 'n') void ops.newFolder(library.id, folder)
    else handled = false
    if (handled) event.preventDefault()
    return handled
  }

  const onContextMenu = (event: MouseEvent<HTMLElement>) => {
    if (!ops || !library) return
    event.preventDefault()
    let { clientX: x, clientY: y } = event
    const index = tileIndex(event.target as Element)
    const entry = index >= 0 ? source.getEntry(index) : undefined
    if (!entry) {
      setMenu({ x, y, items: folderMenu(library, folder, ops, MAC, selectEverything) })
      return
    }
    if (!selection.paths.has(entry.path)) select(index)
    options.focusIndex(index)
    if (x === 0 && y === 0) {
      const rect = (event.target as Element).getBoundingClientRect()
      x = rect.left + rect.width / 2
      y = rect.top + rect.height / 2
    }
    const items = entryMenu({
      library,
      entry,
      paths: actionPaths(selection, entry.path),
      ops,
      launcher,
      mac: MAC,
      x,
      y,
      onOpen: () => options.openIndex(index),
      onRename: () => setRenaming(entry.path),
    })
    setMenu({ x, y, items })
  }

  const commitRename = (path: string, newName: string | null) => {
    openRename = null
    setRenaming(null)
    if (!ops || !library || newName === null) return
    void ops.rename(library.id, path, newName)
  }

  const overlay: ReactNode = (
    <>
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          label="File actions"
          items={menu.items}
          onClose={() => setMenu(null)}
        />
      )}
      {drag &&
        createPortal(
          <div
            data-testid="drag-ghost"
            className="pointer-events-none fixed z-[70] rounded-md border border-zinc-600 bg-zinc-800/95 px-2 py-1 text-xs text-zinc-100 shadow-lg"
            style={{ left: drag.x + 14, top: drag.y + 14 }}
          >
            {drag.target ? 'Move ' : ''}
            {drag.paths.length === 1
              ? drag.paths[0].split('/').pop()
              : `${drag.paths.length} items`}
          </div>,
          document.body,
        )}
    </>
  )

  return {
    enabled: Boolean(ops && library),
    /** The entry to focus at mount in place of the grid's initialSelect, or "". */
    startSelect: pending?.path ?? '',
    select,
    extendTo,
    onKey,
    onContextMenu,
    onPointerDown,
    onClickCapture,
    renaming,
    commitRename,
    overlay,
  }
}
