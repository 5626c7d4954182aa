import {
  errorMessage,
  folders as fetchFolders,
  type Entry,
  type EntryChange,
  type FolderResync,
} from '@/api/gallery'
import { compareNames } from '@/lib/listing-order'

export type FolderChildren =
  | { status: 'loading' }
  | { status: 'loaded'; folders: Entry[] }
  | { status: 'error'; message: string }

/** The subfolders of one library, fetched folder by folder as the tree expands. */
export class FolderTreeStore {
  private readonly library: string
  private readonly fetch: (library: string, path: string) => Promise<Entry[]>
  private readonly children = new Map<string, FolderChildren>()
  private readonly listeners = new Set<() => void>()
  private version = 0

  constructor(library: string, fetch = fetchFolders) {
    this.library = library
    this.fetch = fetch
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getVersion = (): number => this.version

  get(path: string): FolderChildren | undefined {
    return this.children.get(path)
  }

  /** Returns the folders whose subfolders are loaded. */
  loadedPaths(): string[] {
    return [...this.children].filter(([, c]) => c.status === 'loaded').map(([path]) => path)
  }

  /**
   * Applies the changes the file watcher reports for the folder path to its loaded subfolders,
   * keyed by path so a change applied twice leaves one folder. A name whose order is not sure
   * lists the folder again.
   */
  applyChanges(path: string, changes: readonly EntryChange[]): void {
    const known = this.children.get(path)
    if (known?.status !== 'loaded') return
    let folders = known.folders
    let sure = true
    for (const change of changes) {
      const replaced = [change.path, change.oldPath]
      folders = folders.filter((f) => !replaced.includes(f.path))
      // A folder removed or renamed away takes its loaded subfolders with it.
      if (change.kind === 'removed' || change.kind === 'renamed') {
        this.children.delete(change.oldPath ?? change.path)
      }
      const entry = change.entry
      if (change.kind === 'removed' || entry?.kind !== 'folder') continue
      let at = folders.length
      for (let i = 0; i < folders.length; i++) {
        const c = compareNames(entry.name, folders[i].name)
        if (!c.exact) sure = false
        if (c.sign < 0) {
          at = i
          break
        }
      }
      folders = [...folders.slice(0, at), entry, ...folders.slice(at)]
    }
    this.children.set(path, { status: 'loaded', folders })
    this.notify()
    if (!sure) this.reload(path)
  }

  /** Handles a resync of the folder path: a deleted folder is forgotten, else listed again. */
  applyResync(resync: FolderResync): void {
    if (resync.reason === 'deleted') {
      this.children.delete(resync.folder)
      this.notify()
    } else {
      this.reload(resync.folder)
    }
  }

  /** Lists the subfolders of path again, showing the old ones until the new arrive. */
  reload(path: string): void {
    if (this.children.get(path)?.status !== 'loaded') {
      this.children.delete(path)
      this.load(path)
      return
    }
    this.fetch(this.library, path)
      .then((folders) => this.children.set(path, { status: 'loaded', folders }))
      .catch((err: unknown) =>
        this.children.set(path, { status: 'error', message: errorMessage(err) }),
      )
      .finally(() => this.notify())
  }

  /** Fetches the subfolders of path unless they are loaded or on their way. */
  load(path: string): void {
    const known = this.children.get(path)
    if (known && known.status !== 'error') return
    this.children.set(path, { status: 'loading' })
    this.fetch(this.library, path)
      .then((folders) => this.children.set(path, { status: 'loaded', folders }))
      .catch((err: unknown) =>
        this.children.set(path, { status: 'error', message: errorMessage(err) }),
      )
      .finally(() => this.notify())
  }

  private notify(): void {
    this.version++
    for (const listener of [...this.listeners]) listener()
  }
}
