// The only module that imports the generated Wails bindings, so tests can mock it as a whole.
// The bindings return plain JSON objects; these functions narrow them to the types in
// @/api/gallery-types, which this module exports again.
import * as Gallery from '../../wailsjs/go/app/Gallery'
import * as Media from '../../wailsjs/go/app/Media'
import type { app } from '../../wailsjs/go/models'
import type {
  EngineInfo,
  Entry,
  EntryKind,
  Library,
  ListPage,
  ListRequest,
  Location,
  MediaStatus,
  RecentFile,
  S3Input,
  SortKey,
  StartState,
} from '@/api/gallery-types'

export type {
  ChangeKind,
  EngineInfo,
  Entry,
  EntryChange,
  EntryKind,
  FolderChanges,
  FolderResync,
  Library,
  LibraryKind,
  ListPage,
  ListRequest,
  Location,
  MediaStatus,
  RecentFile,
  ResyncReason,
  S3Input,
  SortKey,
  StartState,
} from '@/api/gallery-types'

export const SORT_KEYS: readonly SortKey[] = ['name', 'modified', 'size']

const ENTRY_KINDS: readonly string[] = ['folder', 'image', 'video', 'other']

function toKind(kind: string): EntryKind {
  return ENTRY_KINDS.includes(kind) ? (kind as EntryKind) : 'other'
}

function toLibrary(lib: app.Library): Library {
  const kind = lib.kind === 's3' ? 's3' : 'folder'
  return { id: lib.id, kind, name: lib.name, path: lib.path }
}

function toLocation(loc: app.Location | null | undefined): Location | null {
  if (!loc) return null
  const location: Location = {
    library: loc.library,
    path: loc.path ?? '',
    select: loc.select ?? '',
  }
  if (loc.edit) location.edit = true
  return location
}

/** Narrows an entry of a binding's result or of a watcher event. */
export function toEntry(e: app.Entry): Entry {
  return {
    name: e.name,
    path: e.path,
    kind: toKind(e.kind),
    size: e.size ?? 0,
    modTime: e.modTime ?? 0,
    thumbnail: e.thumbnail ?? '',
    thumbnailLarge: e.thumbnailLarge ?? '',
    preview: e.preview ?? '',
    original: e.original ?? '',
    meta: e.meta ?? '',
    raw: Boolean(e.raw),
    duration: e.duration ?? 0,
  }
}

/**
 * Returns the message of a rejected binding call. Go errors reject with a string that is meant
 * for the user as is.
 */
export function errorMessage(err: unknown): string {
  if (typeof err === 'string') return err
  if (err instanceof Error) return err.message
  return String(err)
}

declare global {
  interface Window {
    go?: { app?: { Gallery?: unknown } }
  }
}

export async function start(): Promise<StartState> {
  if (window.go?.app?.Gallery === undefined) {
    throw new Error(
      'The Go bindings are missing: open this page from the app (wails dev or the dev-tagged binary)',
    )
  }
  const state = await Gallery.Start()
  return {
    libraries: (state.libraries ?? []).map(toLibrary),
    open: toLocation(state.open),
    platform: state.platform ?? '',
    errors: state.errors ?? [],
  }
}

export async function libraries(): Promise<Library[]> {
  return ((await Gallery.Libraries()) ?? []).map(toLibrary)
}

export async function addLibrary(path: string): Promise<Library> {
  return toLibrary(await Gallery.AddLibrary(path))
}

export async function removeLibrary(id: string): Promise<void> {
  await Gallery.RemoveLibrary(id)
}

/** Shows the native folder dialog; resolves to null when the user cancels it. */
export async function chooseFolder(): Promise<Library | null> {
  const lib = (await Gallery.ChooseFolder()) as app.Library | null
  return lib ? toLibrary(lib) : null
}

/**
 * Checks that the bucket is reachable and readable with the given keys. Rejects with a message
 * that names what is wrong: the bucket, the keys, the region or the endpoint.
 */
export async function testS3(input: S3Input): Promise<void> {
  await Gallery.TestS3(input)
}

/** Tests the connection and, when it works, opens the bucket as a library. */
export async function addS3Library(input: S3Input): Promise<Library> {
  return toLibrary(await Gallery.AddS3Library(input))
}

export async function openDropped(paths: string[]): Promise<Location | null> {
  return toLocation(await Gallery.OpenDropped(paths))
}

/** Records that the user opened the file at path in the viewer, for File → Open Recent. */
export async function opened(library: string, path: string): Promise<void> {
  await Gallery.Opened(library, path)
}

/** Narrows an event payload that should be a Location, as the Go menu sends it. */
export function asLocation(payload: unknown): Location | null {
  if (typeof payload !== 'object' || payload === null) return null
  const loc = payload as Partial<Record<keyof Location, unknown>>
  if (typeof loc.library !== 'string') return null
  return {
    library: loc.library,
    path: typeof loc.path === 'string' ? loc.path : '',
    select: typeof loc.select === 'string' ? loc.select : '',
  }
}

export async function list(req: ListRequest): Promise<ListPage> {
  const page = await Gallery.List({ ...req, select: req.select ?? '' })
  return {
    library: page.library,
    path: page.path,
    entries: (page.entries ?? []).map(toEntry),
    total: page.total,
    offset: page.offset,
    selectIndex: page.selectIndex,
  }
}

export async function folders(library: string, path: string): Promise<Entry[]> {
  return ((await Gallery.Folders(library, path)) ?? []).map(toEntry)
}

export async function engineInfo(): Promise<EngineInfo> {
  const info = await Gallery.EngineInfo()
  return { imagor: info.imagor, vips: info.vips, pid: info.pid }
}

export async function recent(): Promise<RecentFile[]> {
  return ((await Gallery.Recent()) ?? []).map((r) => ({
    library: r.library ?? '',
    libraryName: r.libraryName ?? '',
    path: r.path ?? '',
    name: r.name ?? '',
    openedAt: r.openedAt ?? 0,
    available: Boolean(r.available),
  }))
}

export async function renameLibrary(id: string, name: string): Promise<Library> {
  return toLibrary(await Gallery.RenameLibrary(id, name))
}

export async function moveLibrary(id: string, index: number): Promise<void> {
  await Gallery.MoveLibrary(id, index)
}

/**
 * Makes paths the folders of library that one part of the window (view) shows and the Go side
 * watches, replacing what the view showed before. An empty library or no paths closes them.
 */
export async function watchFolders(view: string, library: string, paths: string[]): Promise<void> {
  // Outside the app (plain vite dev, unit tests) there is nothing to watch with.
  if (window.go?.app?.Gallery === undefined) return
  await Gallery.WatchFolders(view, library, paths)
}

/** Reads the folders again on the Go side, so the next listing of them reads the disk. */
export async function rescan(library: string, paths: string[]): Promise<void> {
  if (window.go?.app?.Gallery === undefined) return
  await Gallery.Rescan(library, paths)
}

let mediaStatusPromise: Promise<MediaStatus> | null = null

/** Returns the media status; it is fetched once per run, as it does not change while running. */
export function mediaStatus(): Promise<MediaStatus> {
  // The binding throws synchronously when the bindings are missing; a rejection is handled.
  mediaStatusPromise ??= Promise.resolve()
    .then(() => Media.Status())
    .then((s) => ({
      ffmpeg: Boolean(s.ffmpeg),
      ffmpegMessage: s.ffmpegMessage ?? '',
    }))
    .catch((err: unknown) => {
      mediaStatusPromise = null // ask again next time
      throw err
    })
  return mediaStatusPromise
}

/** Returns the loopback URL that a <video> element plays the video at path from. */
export async function videoURL(library: string, path: string): Promise<string> {
  return Media.VideoURL(library, path)
}
