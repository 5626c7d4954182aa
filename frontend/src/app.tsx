import { useCallback, useContext, useEffect, useRef, useState, type CSSProperties } from 'react'
import {
  asLocation,
  chooseFolder,
  errorMessage,
  libraries as fetchLibraries,
  folders,
  openDropped,
  removeLibrary,
  start,
  type Library,
  type Location,
  type SortKey,
} from '@/api/gallery'
import { onEvent, onFileDrop } from '@/api/runtime'
import {
  LIBRARIES_CHANGED_EVENT,
  keyStatus as fetchKeyStatus,
  type KeyStatus,
} from '@/api/settings'
import { FileOpsProvider } from '@/components/file-ops-provider'
import { FolderPane } from '@/components/folder-pane'
import { Notices, type Notice } from '@/components/notices'
import { Sidebar } from '@/components/sidebar'
import { StartScreen } from '@/components/start-screen'
import { EditorHost } from '@/editor/editor-host'
import { useAppliedTheme } from '@/hooks/use-applied-theme'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { useStoredState } from '@/hooks/use-stored-state'
import type { ImageRef } from '@/lib/editor-launcher'
import { folderTargetOf, type FileOps } from '@/lib/file-ops-context'
import { clampTileSize } from '@/lib/grid-math'
import { modalOpen } from '@/lib/modal-state'
import { folderKey, parentPath } from '@/lib/paths'
import { PreferenceContext } from '@/lib/preference-context'
import {
  DEFAULT_TILE_SIZE,
  PREF_DESC,
  PREF_LAST_FOLDER,
  PREF_SHOW_NAMES,
  PREF_SORT,
  PREF_TILE_SIZE,
  isBoolean,
  isFolderLocation,
  isSortKey,
  isTileSize,
  type FolderLocation,
} from '@/lib/view-preferences'
import { RemoveLibraryDialog } from '@/settings/remove-library-dialog'
import { SettingsButton } from '@/settings/settings-button'
import { SettingsPage } from '@/settings/settings-page'

const FILTER_DELAY_MS = 150

// Events the Go menu emits: File → Open Folder, and File → Open Recent with a Location.
const MENU_EVENT = 'menu'
const OPEN_LOCATION_EVENT = 'open-location'

// The Wails runtime calls OnFileDrop handlers only for drops on an element with this property.
// Custom properties are inherited, so the whole window is a drop target.
const DROP_TARGET = { '--wails-drop-target': 'drop' } as CSSProperties

let nextNoticeId = 1

/** Returns whether event is Ctrl + comma, or Cmd + comma on macOS: the settings shortcut. */
function isSettingsShortcut(event: KeyboardEvent): boolean {
  return event.key === ',' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey
}

/**
 * Returns the folder shown last if its library is still open and the folder still lists, so a
 * start without arguments opens where the user left off.
 */
async function lastFolderIn(
  stored: unknown,
  libraries: readonly Library[],
): Promise<Location | null> {
  if (!isFolderLocation(stored) || stored === null) return null
  if (!libraries.some((l) => l.id === stored.library)) return null
  try {
    if (stored.path !== '') await folders(stored.library, stored.path)
  } catch {
    return null
  }
  return { library: stored.library, path: stored.path, select: '' }
}

/** Renders the whole window: sidebar, folder pane or start screen, notices and dialogs. */
export function App() {
  const preferences = useContext(PreferenceContext)
  const [ready, setReady] = useState(false)
  const [view, setView] = useState<'gallery' | 'settings'>('gallery')
  const [platform, setPlatform] = useState('')
  const [keyStatus, setKeyStatus] = useState<KeyStatus | null>(null)
  const [libraries, setLibraries] = useState<Library[]>([])
  const [place, setPlace] = useState<Location | null>(null)
  const [notices, setNotices] = useState<Notice[]>([])
  const [removing, setRemoving] = useState<Library | null>(null)
  const [startEdit, setStartEdit] = useState<ImageRef | null>(null)
  const [filterText, setFilterText] = useState('')
  const debouncedFilter = useDebouncedValue(filterText.trim(), FILTER_DELAY_MS)
  // Clearing the filter applies at once; typing waits until the name settles.
  const filter = filterText.trim() === '' ? '' : debouncedFilter
  const [sort, setSort] = useStoredState<SortKey>(PREF_SORT, 'name', isSortKey)
  const [desc, setDesc] = useStoredState(PREF_DESC, false, isBoolean)
  const [tileSize, setTileSize] = useStoredState(PREF_TILE_SIZE, DEFAULT_TILE_SIZE, isTileSize)
  const [showNames, setShowNames] = useStoredState(PREF_SHOW_NAMES, true, isBoolean)
  const [, setLastFolder] = useStoredState<FolderLocation | null>(
    PREF_LAST_FOLDER,
    null,
    isFolderLocation,
  )
  useAppliedTheme()

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

  // The preferences load before the first render of the gallery, so it never shows the
  // defaults first. Without them the gallery starts with the defaults.
  useEffect(() => {
    let cancelled = false
    const loaded = preferences
      .load()
      .catch((err: unknown) =>
        notify(`The saved view settings could not be read: ${errorMessage(err)}`),
      )
    Promise.all([start(), loaded])
      .then(async ([state]) => {
        if (cancelled) return
        const first = state.libraries[0]
        const open =
          state.open ??
          (await lastFolderIn(preferences.get(PREF_LAST_FOLDER), state.libraries)) ??
          (first ? { library: first.id, path: '', select: '' } : null)
        if (cancelled) return
        setLibraries(state.libraries)
        setPlatform(state.platform)
        setPlace(open)
        if (open?.edit && open.select) {
          const name = open.select.split('/').pop() ?? open.select
          setStartEdit({ library: open.library, path: open.select, name })
        }
        setNotices((old) => [
          ...old,
          ...state.errors.map((message) => ({ id: nextNoticeId++, message })),
        ])
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
  }, [notify, preferences])

  useEffect(() => {
    fetchKeyStatus()
      .then(setKeyStatus)
      .catch((err: unknown) => console.warn('Could not read the secrets key status', err))
  }, [])

  useEffect(() => preferences.onSaveError(notify), [preferences, notify])

  // Debounced writes still pending when the window goes away are sent at once.
  useEffect(() => {
    const flush = () => void preferences.flush()
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [preferences])

  useEffect(() => {
    if (ready) setLastFolder(place ? { library: place.library, path: place.path } : null)
  }, [ready, place, setLastFolder])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isSettingsShortcut(event) || modalOpen()) return
      event.preventDefault()
      setView('settings')
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  // Opens what was added on the Go side, after refreshing the library list that it changed.
  const openAdded = useCallback(
    async (location: Location | null) => {
      setLibraries(await fetchLibraries())
      if (location) navigate(location)
    },
    [navigate],
  )

  // A drop onto a folder of an open library (a folder tile, a tree node, a breadcrumb or the
  // folder's background) imports the files into it; a drop anywhere else opens what was
  // dropped as a library.
  const fileOps = useRef<FileOps | null>(null)
  useEffect(
    () =>
      onFileDrop((paths, x, y) => {
        const target = folderTargetOf(document.elementFromPoint(x, y))
        if (target && fileOps.current) {
          fileOps.current.importFiles(target, paths)
          return
        }
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
    // Libraries added, removed or moved through the GraphQL API.
    const offLibraries = onEvent(LIBRARIES_CHANGED_EVENT, () => {
      fetchLibraries()
        .then(setLibraries)
        .catch((err: unknown) => notify(errorMessage(err)))
    })
    return () => {
      offMenu()
      offLocation()
      offLibraries()
    }
  }, [openFolder, navigate, notify])

  // Closes a library whose removal the user confirmed, and leaves it if it is shown.
  const removeConfirmed = useCallback(async (library: Library) => {
    await removeLibrary(library.id)
    const remaining = await fetchLibraries()
    setLibraries(remaining)
    setPlace((old) => {
      if (old?.library !== library.id) return old
      const first = remaining[0]
      return first ? { library: first.id, path: '', select: '' } : null
    })
  }, [])

  const confirmRemove = (library: Library) => {
    setRemoving(null)
    removeConfirmed(library).catch((err: unknown) => notify(errorMessage(err)))
  }

  // Refreshes the list after the settings page added a library, and shows it if none was shown.
  const settingsAdded = useCallback(async (added: Library) => {
    setLibraries(await fetchLibraries())
    setPlace((old) => old ?? { library: added.id, path: '', select: '' })
  }, [])

  const openSettings = useCallback(() => setView('settings'), [])
  const closeSettings = useCallback(() => setView('gallery'), [])

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

  const settingsWarning = Boolean(keyStatus?.warning)
  let content
  if (!ready) {
    content = null
  } else if (view === 'settings') {
    content = (
      <SettingsPage
        libraries={libraries}
        keyStatus={keyStatus}
        mac={platform === 'darwin'}
        onRemoveLibrary={removeConfirmed}
        onLibraryAdded={settingsAdded}
        onClose={closeSettings}
      />
    )
  } else if (libraries.length === 0) {
    content = (
      <main className="relative flex min-h-0 min-w-0 flex-1 flex-col">
        <Notices notices={notices} onDismiss={dismiss} />
        <div className="min-h-0 flex-1">
          <StartScreen onOpenFolder={openFolder} onOpenRecent={navigate} />
        </div>
        <SettingsButton
          warning={settingsWarning}
          onClick={openSettings}
          className="absolute top-2 right-2"
        />
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
          onOpenSettings={openSettings}
          settingsWarning={settingsWarning}
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
    <EditorHost startEdit={startEdit}>
      <div className="flex h-full overflow-hidden bg-zinc-950 text-zinc-200" style={DROP_TARGET}>
        <FileOpsProvider libraries={libraries} opsRef={fileOps}>
          {content}
        </FileOpsProvider>
        {removing && (
          <RemoveLibraryDialog
            library={removing}
            onConfirm={() => confirmRemove(removing)}
            onCancel={() => setRemoving(null)}
          />
        )}
      </div>
    </EditorHost>
  )
}
