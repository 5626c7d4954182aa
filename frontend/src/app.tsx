import { useCallback, useEffect, useState, type CSSProperties } from 'react'
import {
  SORT_KEYS,
  asLocation,
  chooseFolder,
  errorMessage,
  libraries as fetchLibraries,
  openDropped,
  removeLibrary,
  start,
  type Library,
  type Location,
  type SortKey,
} from '@/api/gallery'
import { onEvent, onFileDrop } from '@/api/runtime'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { FolderPane } from '@/components/folder-pane'
import { Notices, type Notice } from '@/components/notices'
import { Sidebar } from '@/components/sidebar'
import { StartScreen } from '@/components/start-screen'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { useStoredState } from '@/hooks/use-stored-state'
import { MAX_TILE_SIZE, MIN_TILE_SIZE, clampTileSize } from '@/lib/grid-math'
import { folderKey, parentPath } from '@/lib/paths'

const FILTER_DELAY_MS = 150

// Events the Go menu emits: File → Open Folder, and File → Open Recent with a Location.
const MENU_EVENT = 'menu'
const OPEN_LOCATION_EVENT = 'open-location'

// The Wails runtime calls OnFileDrop handlers only for drops on an element with this property.
// Custom properties are inherited, so the whole window is a drop target.
const DROP_TARGET = { '--wails-drop-target': 'drop' } as CSSProperties

const isSortKey = (value: unknown): value is SortKey =>
  typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value)
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
const isTileSize = (value: unknown): value is number =>
  typeof value === 'number' && value >= MIN_TILE_SIZE && value <= MAX_TILE_SIZE

let nextNoticeId = 1

/** Renders the whole window: sidebar, folder pane or start screen, notices and dialogs. */
export function App() {
  const [ready, setReady] = useState(false)
  const [libraries, setLibraries] = useState<Library[]>([])
  const [place, setPlace] = useState<Location | null>(null)
  const [notices, setNotices] = useState<Notice[]>([])
  const [removing, setRemoving] = useState<Library | null>(null)
  const [filterText, setFilterText] = useState('')
  const debouncedFilter = useDebouncedValue(filterText.trim(), FILTER_DELAY_MS)
  // Clearing the filter applies at once; typing waits until the name settles.
  const filter = filterText.trim() === '' ? '' : debouncedFilter
  const [sort, setSort] = useStoredState<SortKey>('gallery.sort', 'name', isSortKey)
  const [desc, setDesc] = useStoredState('gallery.desc', false, isBoolean)
  const [tileSize, setTileSize] = useStoredState('gallery.tileSize', 176, isTileSize)
  const [showNames, setShowNames] = useStoredState('gallery.showNames', true, isBoolean)

  const notify = useCallback((message: string) => {
    setNotices((old) => [...old, { id: nextNoticeId++, message }])
  }, [])

  const dismiss = useCallback((id: number) => {
    setNotices((old) => old.filter((notice) => notice.id !== id))
  }, [])

  const navigate = useCallback((location: Location) => {
    setPlace(location)
    setFilterText('')
  }, [])

  useEffect(() => {
    let cancelled = false
    start()
      .then((state) => {
        if (cancelled) return
        setLibraries(state.libraries)
        const first = state.libraries[0]
        setPlace(state.open ?? (first ? { library: first.id, path: '', select: '' } : null))
        setNotices(state.errors.map((message) => ({ id: nextNoticeId++, message })))
      })
      .catch((err: unknown) => {
        if (!cancelled) notify(errorMessage(err))
      })
      .finally(() => {
        if (!cancelled) setReady(true)
      })
    return () => {
      cancelled = true
    }
  }, [notify])

  // Opens what was added on the Go side, after refreshing the library list that it changed.
  const openAdded = useCallback(
    async (location: Location | null) => {
      setLibraries(await fetchLibraries())
      if (location) navigate(location)
    },
    [navigate],
  )

  useEffect(
    () =>
      onFileDrop((paths) => {
        openDropped(paths)
          .then(openAdded)
          .catch((err: unknown) => notify(errorMessage(err)))
      }),
    [openAdded, notify],
  )

  // A drop outside the Wails drop target must not make the webview navigate to the file.
  useEffect(() => {
    const stop = (event: DragEvent) => event.preventDefault()
    window.addEventListener('dragover', stop)
    window.addEventListener('drop', stop)
    return () => {
      window.removeEventListener('dragover', stop)
      window.removeEventListener('drop', stop)
    }
  }, [])

  const openFolder = useCallback(() => {
    chooseFolder()
      .then((library) => {
        if (library) return openAdded({ library: library.id, path: '', select: '' })
      })
      .catch((err: unknown) => notify(errorMessage(err)))
  }, [openAdded, notify])

  useEffect(() => {
    const offMenu = onEvent(MENU_EVENT, (command) => {
      if (command === 'open-folder') openFolder()
    })
    const offLocation = onEvent(OPEN_LOCATION_EVENT, (payload) => {
      const location = asLocation(payload)
      if (location) navigate(location)
      else console.warn(`Ignored an ${OPEN_LOCATION_EVENT} event without a library`, payload)
    })
    return () => {
      offMenu()
      offLocation()
    }
  }, [openFolder, navigate])

  const confirmRemove = (library: Library) => {
    setRemoving(null)
    removeLibrary(library.id)
      .then(fetchLibraries)
      .then((remaining) => {
        setLibraries(remaining)
        if (place?.library === library.id) {
          const first = remaining[0]
          setPlace(first ? { library: first.id, path: '', select: '' } : null)
        }
      })
      .catch((err: unknown) => notify(errorMessage(err)))
  }

  const library = place ? libraries.find((l) => l.id === place.library) : undefined

  const goTo = useCallback(
    (path: string, select = '') => {
      if (place) navigate({ library: place.library, path, select })
    },
    [place, navigate],
  )

  const goUp = useCallback(() => {
    if (!place) return
    const parent = parentPath(place.path)
    // Select the folder just left, as file managers do.
    if (parent !== null) navigate({ library: place.library, path: parent, select: place.path })
  }, [place, navigate])

  const changeTileSize = useCallback(
    (size: number) => setTileSize(clampTileSize(size)),
    [setTileSize],
  )

  let content
  if (!ready) {
    content = null
  } else if (libraries.length === 0) {
    content = (
      <main className="flex min-h-0 min-w-0 flex-1 flex-col">
        <Notices notices={notices} onDismiss={dismiss} />
        <div className="min-h-0 flex-1">
          <StartScreen onOpenFolder={openFolder} />
        </div>
      </main>
    )
  } else {
    content = (
      <>
        <Sidebar
          libraries={libraries}
          selected={library ?? null}
          currentPath={place?.path ?? ''}
          onSelectLibrary={(lib) => navigate({ library: lib.id, path: '', select: '' })}
          onRemoveLibrary={setRemoving}
          onNavigate={goTo}
        />
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <Notices notices={notices} onDismiss={dismiss} />
          {library && place ? (
            <FolderPane
              key={folderKey(place.library, place.path)}
              library={library}
              path={place.path}
              select={place.select}
              filterText={filterText}
              filter={filter}
              sort={sort}
              desc={desc}
              tileSize={tileSize}
              showNames={showNames}
              onNavigate={goTo}
              onParent={goUp}
              onFilterChange={setFilterText}
              onSortChange={setSort}
              onDescChange={setDesc}
              onTileSizeChange={changeTileSize}
              onShowNamesChange={setShowNames}
              onOpenFolder={openFolder}
            />
          ) : (
            <p className="m-auto text-zinc-500">Choose a library in the sidebar.</p>
          )}
        </div>
      </>
    )
  }

  return (
    <div className="flex h-full overflow-hidden bg-zinc-950 text-zinc-200" style={DROP_TARGET}>
      {content}
      {removing && (
        <ConfirmDialog
          title={`Remove “${removing.name}”?`}
          confirmLabel="Remove"
          onConfirm={() => confirmRemove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            It leaves the sidebar. The folder and its files stay on disk, and you can open it again
            at any time.
          </p>
          <p className="mt-2 truncate text-xs text-zinc-400" title={removing.path}>
            {removing.path}
          </p>
        </ConfirmDialog>
      )}
    </div>
  )
}
