// The only module that imports the generated Wails bindings, so tests can mock it as a whole.
// The bindings return plain JSON objects; these functions narrow them to the types below.
import * as Gallery from '../../wailsjs/go/app/Gallery'
import * as Media from '../../wailsjs/go/app/Media'
import type { app } from '../../wailsjs/go/models'
import { onEvent } from '@/api/runtime'

export type EntryKind = 'folder' | 'image' | 'video' | 'other'
export type LibraryKind = 'folder' | 's3'
export type SortKey = 'name' | 'modified' | 'size'

export const SORT_KEYS: readonly SortKey[] = ['name', 'modified', 'size']

export interface Library {
  id: string
  kind: LibraryKind
  name: string
  /** The folder's absolute path, or s3://bucket/prefix for a bucket. */
  path: string
}

/** A bucket to open as a library. Region "" means us-east-1 and endpoint "" means AWS S3. */
export interface S3Input {
  name: string
  bucket: string
  prefix: string
  region: string
  endpoint: string
  pathStyle: boolean
  accessKey: string
  secretKey: string
}

/** A folder of a library ("" is the root) and, optionally, a file in it to focus. */
export interface Location {
  library: string
  path: string
  select: string
  /** Open select in the editor, for a file given on the command line. */
  edit?: boolean
}

export interface Entry {
  name: string
  /** Slash-separated path relative to the library root. */
  path: string
  kind: EntryKind
  size: number
  /** Unix milliseconds. */
  modTime: number
  /** Same-origin /imagor/ URLs, empty for entries that are not images. */
  thumbnail: string
  thumbnailLarge: string
  preview: string
  original: string
  meta: string
  /** A camera RAW file: its pictures are the embedded JPEG preview. */
  raw?: boolean
  /** A video's length in milliseconds; 0 or absent when unknown. */
  duration?: number
}

export interface ListRequest {
  library: string
  path: string
  sort: SortKey
  desc: boolean
  filter: string
  offset: number
  limit: number
  /** A file path whose index the page reports in selectIndex. */
  select?: string
}

export interface ListPage {
  library: string
  path: string
  entries: Entry[]
  /** Entries that pass the filter in the whole folder. */
  total: number
  offset: number
  /** Index of the request's select path in the whole sorted, filtered folder; -1 if absent. */
  selectIndex: number
}

export interface StartState {
  libraries: Library[]
  open: Location | null
  platform: string
  /** Command-line paths that failed to open, as messages for the user. */
  errors: string[]
}

export interface EngineInfo {
  imagor: string
  vips: string
  pid: number
}

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

function toEntry(e: app.Entry): Entry {
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

/** A recently opened file; available is false when its library is not open. */
export interface RecentFile {
  library: string
  libraryName: string
  path: string
  name: string
  openedAt: number
  available: boolean
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

/** What happened to an entry of a watched folder. */
export type ChangeKind = 'added' | 'changed' | 'removed' | 'renamed'

/** One entry of a watched folder that changed on disk. */
export interface EntryChange {
  kind: ChangeKind
  /** Library-relative path; the new one for a rename. */
  path: string
  /** The path a renamed entry had. */
  oldPath?: string
  /** The entry now; for a removal, the entry as it was last seen. */
  entry?: Entry
}

/** A batch of changes in one watched folder, in path order. */
export interface FolderChanges {
  library: string
  folder: string
  changes: EntryChange[]
}

/**
 * Why a watched folder must be listed again: events were lost (overflow), too many changed at
 * once, a deleted folder is back or another took its name (replaced), or it was deleted.
 */
export type ResyncReason = 'overflow' | 'many-changes' | 'deleted' | 'replaced'

export interface FolderResync {
  library: string
  folder: string
  reason: ResyncReason
  /** For "deleted": the nearest folder above that exists, or null when the library's is gone. */
  parent: string | null
}

/** Events the Go file watcher sends; see app/watch.go. */
export const FOLDER_CHANGES_EVENT = 'folder-changes'
export const FOLDER_RESYNC_EVENT = 'folder-resync'

const CHANGE_KINDS: readonly string[] = ['added', 'changed', 'removed', 'renamed']
const RESYNC_REASONS: readonly string[] = ['overflow', 'many-changes', 'deleted', 'replaced']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function toChange(value: unknown): EntryChange | null {
  if (!isRecord(value) || typeof value.path !== 'string') return null
  if (typeof value.kind !== 'string' || !CHANGE_KINDS.includes(value.kind)) return null
  const change: EntryChange = { kind: value.kind as ChangeKind, path: value.path }
  if (typeof value.oldPath === 'string' && value.oldPath !== '') change.oldPath = value.oldPath
  if (isRecord(value.entry) && typeof value.entry.path === 'string') {
    change.entry = toEntry(value.entry as unknown as app.Entry)
  }
  return change
}

/** Narrows a folder-changes event payload; null when it is not one. */
export function asFolderChanges(payload: unknown): FolderChanges | null {
  if (!isRecord(payload) || typeof payload.library !== 'string') return null
  if (typeof payload.folder !== 'string' || !Array.isArray(payload.changes)) return null
  const changes: EntryChange[] = []
  for (const value of payload.changes) {
    const change = toChange(value)
    if (change) changes.push(change)
  }
  return { library: payload.library, folder: payload.folder, changes }
}

/** Narrows a folder-resync event payload; null when it is not one. */
export function asFolderResync(payload: unknown): FolderResync | null {
  if (!isRecord(payload) || typeof payload.library !== 'string') return null
  if (typeof payload.folder !== 'string' || typeof payload.reason !== 'string') return null
  if (!RESYNC_REASONS.includes(payload.reason)) return null
  const parent = typeof payload.parent === 'string' ? payload.parent : null
  return {
    library: payload.library,
    folder: payload.folder,
    reason: payload.reason as ResyncReason,
    parent,
  }
}

/** Calls handler with every batch of changes the file watcher sends. */
export function onFolderChanges(handler: (changes: FolderChanges) => void): () => void {
  return onEvent(FOLDER_CHANGES_EVENT, (payload) => {
    const changes = asFolderChanges(payload)
    if (changes) handler(changes)
    else console.warn(`Ignored a malformed ${FOLDER_CHANGES_EVENT} event`, payload)
  })
}

/** Calls handler with every resync the file watcher sends. */
export function onFolderResync(handler: (resync: FolderResync) => void): () => void {
  return onEvent(FOLDER_RESYNC_EVENT, (payload) => {
    const resync = asFolderResync(payload)
    if (resync) handler(resync)
    else console.warn(`Ignored a malformed ${FOLDER_RESYNC_EVENT} event`, payload)
  })
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

/** The app's video support in this run. */
export interface MediaStatus {
  /** Video thumbnails are made (ffmpeg is installed). */
  ffmpeg: boolean
  /** The advice shown when ffmpeg is false, else "". */
  ffmpegMessage: string
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
