import { SORT_KEYS, type SortKey } from '@/api/gallery'
import { Breadcrumbs } from '@/components/breadcrumbs'
import { Icon } from '@/components/icon'
import { IconButton } from '@/components/icon-button'
import { formatCount } from '@/lib/format'
import { MAX_TILE_SIZE, MIN_TILE_SIZE } from '@/lib/grid-math'

const SORT_LABELS: Record<SortKey, string> = {
  name: 'Name',
  modified: 'Date modified',
  size: 'Size',
}

export interface TopBarProps {
  libraryName: string
  /** Library id; with it the breadcrumbs take drops of files and moved entries. */
  libraryId?: string
  path: string
  /** Entries after the filter, or null while the folder is loading. */
  total: number | null
  filter: string
  sort: SortKey
  desc: boolean
  tileSize: number
  showNames: boolean
  onNavigate: (path: string) => void
  onFilterChange: (filter: string) => void
  onSortChange: (sort: SortKey) => void
  onDescChange: (desc: boolean) => void
  onTileSizeChange: (size: number) => void
  onShowNamesChange: (show: boolean) => void
  onOpenFolder: () => void
}

function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value)
}

export function TopBar(props: TopBarProps) {
  const { filter, sort, desc, tileSize, showNames, total } = props
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-800 bg-zinc-900/80 px-3">
      <Breadcrumbs
        libraryName={props.libraryName}
        libraryId={props.libraryId}
        path={props.path}
        onNavigate={props.onNavigate}
      />

      <span className="shrink-0 text-xs text-zinc-400 tabular-nums" aria-live="polite">
        {total === null ? '' : formatCount(total)}
      </span>

      <label className="relative flex shrink-0 items-center">
        <Icon name="search" className="pointer-events-none absolute left-2 text-zinc-500" />
        <input
          type="search"
          value={filter}
          placeholder="Filter by name"
          aria-label="Filter by name"
          data-testid="filter-input"
          spellCheck={false}
          onChange={(event) => props.onFilterChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filter) {
              event.preventDefault()
              props.onFilterChange('')
            }
          }}
          className="h-8 w-44 rounded-md border border-zinc-700 bg-zinc-950/60 pr-2 pl-7 text-zinc-100 placeholder:text-zinc-500 focus:border-accent focus:outline-none"
        />
      </label>

      <div className="flex shrink-0 items-center gap-1">
        <select
          value={sort}
          aria-label="Sort by"
          data-testid="sort-select"
          onChange={(event) => {
            if (isSortKey(event.target.value)) props.onSortChange(event.target.value)
          }}
          className="h-8 rounded-md border border-zinc-700 bg-zinc-950/60 px-2 text-zinc-100 focus:border-accent focus:outline-none"
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
        <IconButton
          icon={desc ? 'sort-descending' : 'sort-ascending'}
          label={desc ? 'Descending order' : 'Ascending order'}
          pressed={desc}
          onClick={() => props.onDescChange(!desc)}
        />
      </div>

      <div className="flex shrink-0 items-center gap-1.5 text-zinc-500">
        <Icon name="grid-small" className="text-sm" />
        <input
          type="range"
          min={MIN_TILE_SIZE}
          max={MAX_TILE_SIZE}
          step={8}
          value={tileSize}
          aria-label="Thumbnail size"
          aria-valuetext={`${tileSize} pixels`}
          data-testid="thumb-size"
          onChange={(event) => props.onTileSizeChange(Number(event.target.value))}
          className="w-24 accent-accent"
        />
        <Icon name="grid-large" className="text-sm" />
      </div>

      <IconButton
        icon="text"
        label="Show file names"
        pressed={showNames}
        onClick={() => props.onShowNamesChange(!showNames)}
      />

      <button
        type="button"
        data-testid="open-folder"
        onClick={props.onOpenFolder}
        className="inline-flex h-8 shrink-0 items-center gap-1.5 rounded-md bg-accent px-3 font-medium text-zinc-950 hover:bg-accent-strong focus-visible:ring-2 focus-visible:ring-accent-strong focus-visible:ring-offset-2 focus-visible:ring-offset-zinc-900 focus-visible:outline-none"
      >
        <Icon name="folder-plus" />
        Open folder
      </button>
    </header>
  )
}
