import { useCallback, useContext, useRef, useState } from 'react'
import type { Entry, Library, SortKey } from '@/api/gallery'
import { FFmpegNotice } from '@/components/ffmpeg-notice'
import { FolderBackground } from '@/components/folder-background'
import { FolderStatus } from '@/components/folder-status'
import { GalleryGrid, type GalleryGridHandle } from '@/components/gallery-grid'
import { TopBar } from '@/components/top-bar'
import { Viewer } from '@/components/viewer'
import { useListing } from '@/hooks/use-listing'
import { FileOpsContext, dropTargetProps } from '@/lib/file-ops-context'
import { baseName, folderKey } from '@/lib/paths'

export interface FolderPaneProps {
  library: Library
  path: string
  /** File to focus once its page is loaded, or "". */
  select: string
  filterText: string
  filter: string
  sort: SortKey
  desc: boolean
  tileSize: number
  showNames: boolean
  onNavigate: (path: string, select?: string) => void
  onParent: () => void
  onFilterChange: (filter: string) => void
  onSortChange: (sort: SortKey) => void
  onDescChange: (desc: boolean) => void
  onTileSizeChange: (size: number) => void
  onShowNamesChange: (show: boolean) => void
  onOpenFolder: () => void
}

/** Shows one folder: the top bar, the grid (or its loading, empty or error state) and the viewer. */
export function FolderPane(props: FolderPaneProps) {
  const { library, path, select, filter, sort, desc, tileSize, showNames, onNavigate } = props
  const [reloadToken, setReloadToken] = useState(0)
  const [viewerIndex, setViewerIndex] = useState<number | null>(null)
  const gridRef = useRef<GalleryGridHandle>(null)
  // A file operation that changed files reloads the listing.
  const fileVersion = useContext(FileOpsContext)?.version ?? 0
  const reload = reloadToken + fileVersion
  const source = useListing({ library: library.id, path, sort, desc, filter }, reload)

  const onOpen = useCallback(
    (entry: Entry, index: number) => {
      if (entry.kind === 'folder') onNavigate(entry.path)
      else if (entry.kind === 'image' || entry.kind === 'video') setViewerIndex(index)
    },
    [onNavigate],
  )

  const onCloseViewer = useCallback((index: number) => {
    setViewerIndex(null)
    gridRef.current?.focusItem(index)
  }, [])

  const scrollKey = `${folderKey(library.id, path)}\u0000${sort}\u0000${desc}\u0000${filter}`

  let body
  if (source.status === 'loading') {
    body = <FolderStatus kind="loading" />
  } else if (source.status === 'error') {
    body = (
      <FolderStatus
        kind="error"
        message={source.error}
        onRetry={() => setReloadToken((n) => n + 1)}
      />
    )
  } else if (source.status === 'gone') {
    const parent = source.goneParent
    body = (
      <FolderStatus
        kind="gone"
        backLabel={
          parent === null ? undefined : `Open ${parent === '' ? library.name : baseName(parent)}`
        }
        onBack={parent === null ? undefined : () => onNavigate(parent)}
        onRetry={() => void source.refresh()}
      />
    )
  } else if (source.total === 0) {
    body = (
      <FolderBackground library={library} path={path}>
        <FolderStatus kind="empty" message={filter} />
      </FolderBackground>
    )
  } else {
    body = (
      <GalleryGrid
        key={`${scrollKey}\u0000${reload}`}
        ref={gridRef}
        source={source}
        scrollKey={scrollKey}
        tileSize={tileSize}
        showNames={showNames}
        label={`Files in ${path === '' ? library.name : path}`}
        initialSelect={select}
        onOpen={onOpen}
        onParent={props.onParent}
        onTileSizeChange={props.onTileSizeChange}
        library={library}
      />
    )
  }

  const pageError = source.pageError()
  return (
    <main className="flex min-h-0 min-w-0 flex-1 flex-col">
      <TopBar
        libraryName={library.name}
        libraryId={library.id}
        path={path}
        total={source.status === 'ready' ? source.total : null}
        filter={props.filterText}
        sort={sort}
        desc={desc}
        tileSize={tileSize}
        showNames={showNames}
        onNavigate={onNavigate}
        onFilterChange={props.onFilterChange}
        onSortChange={props.onSortChange}
        onDescChange={props.onDescChange}
        onTileSizeChange={props.onTileSizeChange}
        onShowNamesChange={props.onShowNamesChange}
        onOpenFolder={props.onOpenFolder}
      />
      <FFmpegNotice source={source} />
      <section
        aria-label="Gallery"
        className="relative min-h-0 flex-1"
        {...dropTargetProps({ library: library.id, path })}
      >
        {body}
        {pageError && (
          <div
            role="alert"
            className="absolute inset-x-3 bottom-3 flex items-center gap-3 rounded-md border border-red-900/60 bg-red-950/90 px-3 py-2 text-red-100 shadow-lg"
          >
            <span className="min-w-0 flex-1 truncate" title={pageError}>
              Some entries could not be listed: {pageError}
            </span>
            <button
              type="button"
              onClick={() => source.retryFailed()}
              className="h-7 shrink-0 rounded-md border border-red-800 px-2 hover:bg-red-900/60 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
            >
              Try again
            </button>
          </div>
        )}
      </section>
      {viewerIndex !== null && source.status === 'ready' && (
        <Viewer source={source} startIndex={viewerIndex} onClose={onCloseViewer} />
      )}
    </main>
  )
}
