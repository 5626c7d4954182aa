import {
  memo,
  useEffect,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type MouseEvent,
} from 'react'
import type { Entry } from '@/api/gallery'
import { Icon, type IconName } from '@/components/icon'
import { MediaBadge } from '@/components/media-badge'
import { RenameField } from '@/components/rename-field'
import { useImage } from '@/hooks/use-image'
import { dropTargetProps } from '@/lib/file-ops-context'
import { entryLabel, extensionOf } from '@/lib/format'
import { LABEL_HEIGHT, thumbnailFor } from '@/lib/grid-math'

export interface TileProps {
  /** Undefined while the page of this index is on its way. */
  entry: Entry | undefined
  index: number
  cellSize: number
  showNames: boolean
  /** This tile is the grid's roving focus (tabIndex 0). */
  focused: boolean
  /** The grid has keyboard focus, so the focused tile takes DOM focus when it mounts. */
  takeFocus: boolean
  /** Part of the multi-selection. */
  selected?: boolean
  /** Shows the rename field in place of the name. */
  renaming?: boolean
  /** Library id; a folder tile with one is a drop target for moves and imports. */
  library?: string
  onSelect: (index: number, event?: MouseEvent) => void
  onOpen: (index: number) => void
  /** Called with the new name when the rename field commits, or null when it is cancelled. */
  onRename?: (path: string, newName: string | null) => void
  /** Called when the tile unmounts (scrolled away) while it has DOM focus. */
  onFocusLost: () => void
}

const KIND_ICONS: Record<Entry['kind'], IconName> = {
  folder: 'folder',
  image: 'image',
  video: 'video',
  other: 'file',
}

const CELL_CLASS =
  'relative shrink-0 rounded-md outline-none focus-visible:ring-2 focus-visible:ring-accent ' +
  'focus-visible:ring-offset-2 focus-visible:ring-offset-zinc-950'

/** One gridcell of the gallery: a thumbnail, a folder or file icon, or a loading placeholder. */
export const Tile = memo(function Tile({
  entry,
  index,
  cellSize,
  showNames,
  focused,
  takeFocus,
  onSelect,
  onOpen,
  onFocusLost,
  selected = false,
  renaming = false,
  library,
  onRename,
}: TileProps) {
  const ref = useRef<HTMLDivElement>(null)
  // Images have a thumbnail; videos have one when ffmpeg can grab a frame.
  const hasPicture = (entry?.kind === 'image' || entry?.kind === 'video') && !!entry.thumbnail
  const url = hasPicture ? thumbnailFor(entry, cellSize, window.devicePixelRatio || 1) : ''
  const image = useImage(url)

  useEffect(() => {
    const element = ref.current
    const active = document.activeElement
    // A rename field keeps the focus, in this tile or in another. A new folder's field opens
    // while the listing reloads, and a reload can make the focused tile take the focus again.
    const renaming =
      active instanceof HTMLInputElement && active.closest('[role="gridcell"]') !== null
    if (focused && takeFocus && element && !element.contains(active) && !renaming) {
      element.focus({ preventScroll: true })
    }
  }, [focused, takeFocus])

  useLayoutEffect(() => {
    const element = ref.current
    return () => {
      if (element && document.activeElement === element) onFocusLost()
    }
  }, [onFocusLost])

  const labelHeight = showNames ? LABEL_HEIGHT : 0
  const style = {
    width: cellSize,
    height: cellSize + labelHeight,
    '--label-height': `${labelHeight}px`,
  } as CSSProperties
  const common = {
    ref,
    role: 'gridcell',
    tabIndex: focused ? 0 : -1,
    style,
    onClick: (event: MouseEvent) => onSelect(index, event),
    onDoubleClick: () => onOpen(index),
  }

  if (!entry) {
    return (
      <div
        {...common}
        aria-label="Loading"
        data-testid="tile-placeholder"
        className={`${CELL_CLASS} shimmer`}
      />
    )
  }

  const picture = { width: cellSize, height: cellSize }
  let state: 'loading' | 'loaded' | 'error' = 'loaded'
  let content
  if (hasPicture && image.status === 'loaded') {
    content = (
      <img
        src={image.src}
        alt=""
        draggable={false}
        decoding="async"
        className="absolute top-0 left-0 rounded-md bg-zinc-900 object-contain"
        style={picture}
      />
    )
  } else if (hasPicture && image.status === 'error') {
    state = 'error'
    content = (
      <span
        className="absolute top-0 left-0 flex flex-col items-center justify-center gap-1.5 overflow-hidden rounded-md border border-red-900/50 bg-red-950/30 p-2 text-center text-[11px] leading-snug text-red-200"
        style={picture}
        title={
          image.error.detail ? `${image.error.message}\n${image.error.detail}` : image.error.message
        }
      >
        <Icon name="alert" className="text-xl text-red-400" />
        <span className="line-clamp-4">{image.error.message}</span>
      </span>
    )
  } else if (hasPicture) {
    state = 'loading'
  } else {
    const iconSize = Math.round(cellSize * (entry.kind === 'folder' ? 0.56 : 0.4))
    const iconTop = Math.round(
      (cellSize - iconSize) / 2 - (entry.kind === 'folder' ? 0 : cellSize * 0.06),
    )
    content = (
      <Icon
        name={KIND_ICONS[entry.kind]}
        size={iconSize}
        top={iconTop}
        className={`absolute left-1/2 -translate-x-1/2 ${
          entry.kind === 'folder' ? 'text-accent/70' : 'text-zinc-500'
        }`}
      />
    )
  }

  const extension =
    (entry.kind === 'video' && !hasPicture) || entry.kind === 'other' ? extensionOf(entry.name) : ''
  const classes = [
    CELL_CLASS,
    'group',
    state === 'loading' ? 'shimmer' : '',
    extension ? 'tile-extension' : '',
    // The roving focus stays marked while the keyboard focus is elsewhere, as a selection.
    selected
      ? 'bg-accent/20 ring-2 ring-accent/80'
      : focused
        ? 'bg-zinc-800/70 ring-1 ring-zinc-500'
        : 'hover:bg-zinc-800/40',
    'data-[drop-hover=true]:bg-accent/30 data-[drop-hover=true]:ring-2 data-[drop-hover=true]:ring-accent',
  ].join(' ')
  const drop =
    entry.kind === 'folder' && library ? dropTargetProps({ library, path: entry.path }) : {}

  return (
    <div
      {...common}
      aria-label={entryLabel(entry)}
      title={showNames ? undefined : entry.name}
      {...drop}
      aria-selected={selected}
      data-testid="tile"
      data-index={index}
      data-selected={selected || undefined}
      data-name={entry.name}
      data-kind={entry.kind}
      data-state={state}
      data-extension={extension || undefined}
      className={classes}
    >
      {content}
      <MediaBadge entry={entry} cellSize={cellSize} />
      {renaming && onRename && (
        <RenameField
          name={entry.name}
          isFolder={entry.kind === 'folder'}
          onCommit={(newName) => onRename(entry.path, newName)}
          onCancel={() => onRename(entry.path, null)}
        />
      )}
      {showNames && !renaming && (
        <span
          className={`absolute right-1 bottom-0 left-1 truncate text-center text-xs leading-6 ${
            focused ? 'text-zinc-50' : 'text-zinc-400'
          }`}
          title={entry.name}
        >
          {entry.name}
        </span>
      )}
    </div>
  )
})
