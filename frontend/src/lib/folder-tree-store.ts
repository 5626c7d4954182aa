import { errorMessage, folders as fetchFolders, type Entry } from '@/api/gallery'

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
      .finally(() => {
        this.version++
        for (const listener of [...this.listeners]) listener()
      })
  }
}
