// The types of the gallery bindings' results and of the file watcher's events, as the
// frontend sees them once @/api/gallery has narrowed the plain JSON objects of the bindings.
export type EntryKind = 'folder' | 'image' | 'video' | 'other'
export type LibraryKind = 'folder' | 's3'
export type SortKey = 'name' | 'modified' | 'size'

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

/** A recently opened file; available is false when its library is not open. */
export interface RecentFile {
  library: string
  libraryName: string
  path: string
  name: string
  openedAt: number
  available: boolean
}

/** The kind of change to an entry of a watched folder. */
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

/** The app's video support in this run. */
export interface MediaStatus {
  /** Video thumbnails are made (ffmpeg is installed). */
  ffmpeg: boolean
  /** The advice shown when ffmpeg is false, else "". */
  ffmpegMessage: string
}
