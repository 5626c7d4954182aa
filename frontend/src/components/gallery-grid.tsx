import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useCallback,
  useContext,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react'
import type { Entry, Library } from '@/api/gallery'
import { Tile } from '@/components/tile'
import { useElementSize } from '@/hooks/use-element-size'
import { useFollowEntry } from '@/hooks/use-follow-entry'
import { useGridFiles } from '@/hooks/use-grid-files'
import { EditorLauncherContext, type ImageRef } from '@/lib/editor-launcher'
import { GRID_GAP, GRID_PADDING, clampTileSize, computeLayout, moveFocus } from '@/lib/grid-math'
import type { ListingSource } from '@/lib/listing-source'
import { recalledScroll, rememberScroll } from '@/lib/scroll-memory'
import { EMPTY_SELECTION, type Selection } from '@/lib/selection'

/**
 * Rows rendered above and below the viewport. With one, a 1920 × 1080 window of 96 px tiles with
 * names had 428 elements in the whole document (headless Chromium 156, 100,000-entry folder).
 */
const OVERSCAN_ROWS = 1
/** Wait for the scroll position to settle before requesting pages, so a fast drag of the
 * scrollbar does not request every page it passes. */
const PAGE_REQUEST_DELAY_MS = 60
/** Tile size change per notch of Ctrl + mouse wheel. */
const WHEEL_ZOOM_STEP = 16

export interface GalleryGridHandle {
  /**
   * Moves the roving focus to index, scrolls it into view and gives it keyboard focus. "auto"
   * scrolls as little as possible; "center" puts the row in the middle of the view.
   */
  focusItem: (index: number, align?: 'auto' | 'center') => void
}

export interface GalleryGridProps {
  source: ListingSource
  /** Key under which the scroll offset is remembered, one per folder. */
  scrollKey: string
  tileSize: number
  showNames: boolean
  /** Accessible name of the grid. */
  label: string
  /** Library-relative path of a file to focus once its page is loaded, or "". */
  initialSelect: string
  onOpen: (entry: Entry, index: number) => void
  onParent: () => void
  onTileSizeChange: (size: number) => void
  /** The library shown; with it (and a FileOpsProvider) the grid offers file operations. */
  library?: Library
  ref?: Ref<GalleryGridHandle>
}

/**
 * Renders the virtual thumbnail grid. Only the rows in view (plus a few) are in the DOM, and the
 * pages they show are fetched by offset as they come into view.
 */
export function GalleryGrid({
  source,
  scrollKey,
  tileSize,
  showNames,
  label,
  initialSelect,
  onOpen,
  onParent,
  onTileSizeChange,
  library,
  ref,
}: GalleryGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const launcher = useContext(EditorLauncherContext)
  const { width, height } = useElementSize(scrollRef)
  const total = source.total
  const layout = computeLayout({ width, tileSize, total, showNames })
  const { columns, cellSize, rowHeight } = layout
  const rowCount = width > 0 ? layout.rowCount : 0

  const [focusIndex, setFocusIndex] = useState(0)
  const [takeFocus, setTakeFocus] = useState(false)
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION)
  const activeIndex = Math.min(focusIndex, Math.max(0, total - 1))
  // Files added or removed above the focused tile keep the focus on its entry.
  useFollowEntry(source, focusIndex, setFocusIndex)

  // The virtualizer starts once the width is known, so its first scroll (to the offset
  // remembered for this folder) happens when the content already has its full height.
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler in this build
  const virtualizer = useVirtualizer({
    enabled: width > 0,
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // Rows are never measured; a key per row height makes a new tile size re-estimate them.
    getItemKey: (row) => `${rowHeight}:${row}`,
    overscan: OVERSCAN_ROWS,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
    initialOffset: () => recalledScroll(scrollKey),
  })

  // After a new tile size or name toggle, scroll so the first tile in view stays in view. The
  // DOM is scrolled directly: the virtualizer follows from the scroll event.
  const lastLayout = useRef({ columns: 0, rowHeight: 0, firstIndex: 0 })
  useLayoutEffect(() => {
    const before = lastLayout.current
    if (width === 0 || (before.columns === columns && before.rowHeight === rowHeight)) return
    lastLayout.current = { ...before, columns, rowHeight }
    const grid = scrollRef.current
    if (before.columns === 0 || !grid) return
    grid.scrollTop = GRID_PADDING + Math.floor(before.firstIndex / columns) * rowHeight
  }, [width, columns, rowHeight])

  const rows = virtualizer.getVirtualItems()
  const firstRow = rows.length > 0 ? rows[0].index : 0
  const lastRow = rows.length > 0 ? rows[rows.length - 1].index : -1
  const firstIndex = firstRow * columns
  const lastIndex = (lastRow + 1) * columns - 1

  useEffect(() => {
    lastLayout.current.firstIndex = firstIndex
    if (lastRow < 0) return
    // One screen ahead and behind, so pages usually arrive before their rows scroll in.
    const margin = (lastRow - firstRow + 1) * columns
    const timer = setTimeout(
      () => source.ensureRange(firstIndex - margin, lastIndex + margin),
      PAGE_REQUEST_DELAY_MS,
    )
    return () => clearTimeout(timer)
  }, [source, firstIndex, lastIndex, firstRow, lastRow, columns, total])

  const latest = useRef({ columns, height, rowHeight, tileSize, onTileSizeChange, virtualizer })
  useLayoutEffect(() => {
    latest.current = { columns, height, rowHeight, tileSize, onTileSizeChange, virtualizer }
  })

  const focusItem = useCallback((index: number, align: 'auto' | 'center' = 'auto') => {
    const { columns: cols, virtualizer: v } = latest.current
    setFocusIndex(index)
    setTakeFocus(true)
    v.scrollToIndex(Math.floor(index / cols), { align })
    const grid = scrollRef.current
    if (grid && !grid.contains(document.activeElement)) grid.focus({ preventScroll: true })
  }, [])

  useImperativeHandle(ref, () => ({ focusItem }), [focusItem])

  // Opening a folder from the grid unmounts the old grid, and the focus in it falls back to the
  // body. The new grid takes it over so the keyboard keeps working. Focus elsewhere, such as in
  // the filter input, stays where it is.
  useEffect(() => {
    const active = document.activeElement
    if (active === null || active === document.body)
      scrollRef.current?.focus({ preventScroll: true })
  }, [])

  // Ctrl + wheel resizes the tiles. React's wheel listeners are passive, and the webview would
  // zoom the whole page unless the default is prevented, so this listener is added by hand.
  useEffect(() => {
    const grid = scrollRef.current
    if (!grid) return
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey) return
      event.preventDefault()
      const { tileSize: size, onTileSizeChange: change } = latest.current
      const next = clampTileSize(size - Math.sign(event.deltaY) * WHEEL_ZOOM_STEP)
      if (next !== size) change(next)
    }
    grid.addEventListener('wheel', onWheel, { passive: false })
    return () => grid.removeEventListener('wheel', onWheel)
  }, [])

  const openIndex = useCallback(
    (index: number) => {
      const entry = source.getEntry(index)
      if (entry) onOpen(entry, index)
    },
    [source, onOpen],
  )

  const files = useGridFiles({
    source,
    library,
    selection,
    onSelectionChange: setSelection,
    activeIndex,
    focusIndex: setFocusIndex,
    openIndex,
  })
  const selectFile = files.select

  // A rename or a new folder requests focus on its entry in place of the location's file.
  const startSelect = files.startSelect || initialSelect
  useEffect(() => {
    if (!startSelect) return
    let cancelled = false
    void source.findIndex(startSelect).then((index) => {
      if (!cancelled && index >= 0) focusItem(index, 'center')
    })
    return () => {
      cancelled = true
    }
  }, [source, startSelect, focusItem])

  const selectIndex = useCallback(
    (index: number, event?: MouseEvent) => {
      setFocusIndex(index)
      setTakeFocus(true)
      selectFile(index, event)
    },
    [selectFile],
  )

  const onFocusLost = useCallback(() => {
    scrollRef.current?.focus({ preventScroll: true })
  }, [])

  const imageAt = (index: number): ImageRef | null => {
    const entry = source.getEntry(index)
    if (entry?.kind !== 'image') return null
    return { library: source.query.library, path: entry.path, name: entry.name }
  }

  // E edits the focused image and Ctrl or Cmd + C copies its imagor path.
  const onEditorKey = (event: KeyboardEvent<HTMLDivElement>): boolean => {
    const image = launcher ? imageAt(activeIndex) : null
    if (!launcher || !image || event.altKey || event.shiftKey) return false
    const key = event.key.toLowerCase()
    const modified = event.ctrlKey || event.metaKey
    if (modified && key === 'c') launcher.copyPath(image)
    else if (!modified && key === 'e') launcher.edit(image)
    else return false
    event.preventDefault()
    return true
  }

  // Right click, or the menu key and Shift + F10 on a focused tile, opens the tile menu.
  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    if (files.enabled) {
      files.onContextMenu(event)
      return
    }
    const tile = (event.target as Element).closest<HTMLElement>('[data-testid="tile"]')
    const index = Number(tile?.dataset.index)
    const image = tile && launcher ? imageAt(index) : null
    if (!tile || !launcher || !image) return
    event.preventDefault()
    selectIndex(index)
    let { clientX: x, clientY: y } = event
    if (x === 0 && y === 0) {
      const rect = tile.getBoundingClientRect()
      x = rect.left + rect.width / 2
      y = rect.top + rect.height / 2
    }
    launcher.openMenu(image, x, y)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (files.onKey(event) || onEditorKey(event)) return
    if (event.key === 'Enter' || (event.key === ' ' && !event.repeat)) {
      event.preventDefault()
      openIndex(activeIndex)
      return
    }
    if (event.key === 'Backspace' || (event.altKey && event.key === 'ArrowUp')) {
      event.preventDefault()
      onParent()
      return
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const pageRows = Math.max(1, Math.floor(height / rowHeight))
    const next = moveFocus(activeIndex, event.key, { columns, total, pageRows })
    if (next === null) return
    event.preventDefault()
    if (event.shiftKey) files.extendTo(next)
    focusItem(next)
  }

  const focusedRow = Math.floor(activeIndex / columns)
  const focusedRendered = focusedRow >= firstRow && focusedRow <= lastRow

  return (
    <>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={layout.rowCount}
        aria-colcount={columns}
        data-testid="gallery-grid"
        tabIndex={focusedRendered ? -1 : 0}
        className="h-full overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-accent/50 focus-visible:ring-inset"
        onKeyDown={onKeyDown}
        onContextMenu={onContextMenu}
        onPointerDown={files.onPointerDown}
        onClickCapture={files.onClickCapture}
        onFocus={() => setTakeFocus(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) setTakeFocus(false)
        }}
        onScroll={(event) => rememberScroll(scrollKey, event.currentTarget.scrollTop)}
      >
        <div
          role="presentation"
          className="relative"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((row) => {
            const cells = []
            for (let column = 0; column < columns; column++) {
              const index = row.index * columns + column
              if (index >= total) break
              const entry = source.getEntry(index)
              cells.push(
                <Tile
                  key={index}
                  entry={entry}
                  index={index}
                  cellSize={cellSize}
                  showNames={showNames}
                  focused={index === activeIndex}
                  takeFocus={takeFocus}
                  onSelect={selectIndex}
                  onOpen={openIndex}
                  onFocusLost={onFocusLost}
                  selected={entry !== undefined && selection.paths.has(entry.path)}
                  renaming={entry !== undefined && files.renaming === entry.path}
                  library={files.enabled ? library?.id : undefined}
                  onRename={files.commitRename}
                />,
              )
            }
            return (
              <div
                key={row.key}
                role="row"
                aria-rowindex={row.index + 1}
                className="absolute top-0 flex"
                style={{
                  left: GRID_PADDING,
                  gap: GRID_GAP,
                  transform: `translateY(${row.start}px)`,
                }}
              >
                {cells}
              </div>
            )
          })}
        </div>
      </div>
      {files.overlay}
    </>
  )
}
