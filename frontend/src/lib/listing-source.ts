import {
  errorMessage,
  list,
  type Entry,
  type EntryChange,
  type FolderResync,
  type ListPage,
  type ListRequest,
  type SortKey,
} from '@/api/gallery'
import { applyChange, indexOfPath, type LoadedEntries } from '@/lib/listing-changes'

export const PAGE_SIZE = 300

/** The maximum number of pages one refresh requests at once. */
const MAX_REFRESH_PAGES = 10
/** Wait after a change that could not be placed exactly before the window is listed again. */
const REFRESH_DELAY_MS = 100
/**
 * Above this many changes times entries, a batch gets one refresh instead of being applied one
 * change at a time, because each change costs a pass over the entries.
 */
const MAX_APPLY_WORK = 2_000_000
/** Failure key of a refresh, beside the page numbers. */
const REFRESH_FAILURE = -1

export interface ListingQuery {
  library: string
  path: string
  sort: SortKey
  desc: boolean
  filter: string
}

/** "gone" is a folder the file watcher saw deleted, or whose disk was removed. */
export type ListingStatus = 'loading' | 'ready' | 'error' | 'gone'

export type FetchPage = (req: ListRequest) => Promise<ListPage>

/**
 * One folder listing in one sort order and filter, fetched from Go in pages by offset and kept
 * as a sparse array of the entries seen. Changes that the file watcher reports are applied in
 * place (applyChanges), so the grid keeps its scroll position and selection. A change that
 * cannot be placed for sure, because it falls between pages not yet loaded, makes the source
 * list the pages in view again (refresh). Applying a change twice, from a file operation's result and
 * from the watcher's event, leaves one entry: changes are keyed by path. A new folder, sort or
 * filter gets a new source. React reads it through subscribe and getVersion.
 */
export class ListingSource {
  readonly query: ListingQuery
  status: ListingStatus = 'loading'
  /** Entries after the filter; known once the first page arrived. */
  total = 0
  /** Why the first page failed, when status is "error". */
  error = ''
  /** For status "gone": the nearest folder above that exists, or null when none does. */
  goneParent: string | null = null

  private readonly fetchPage: FetchPage
  private readonly pageSize: number
  private entries: (Entry | undefined)[] = []
  private readonly pending = new Map<number, Promise<void>>()
  private readonly failed = new Map<number, string>()
  private readonly listeners = new Set<() => void>()
  private version = 0
  /** Counts the changes applied; a page asked for before the latest one is asked for again. */
  private generation = 0
  /** The entries the grid asked for last, which a refresh lists again. */
  private window = { first: 0, last: -1 }
  private refreshing: Promise<void> | null = null
  private refreshAgain = false
  private refreshTimer: ReturnType<typeof setTimeout> | undefined

  constructor(query: ListingQuery, fetchPage: FetchPage = list, pageSize = PAGE_SIZE) {
    this.query = query
    this.fetchPage = fetchPage
    this.pageSize = pageSize
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getVersion = (): number => this.version

  /** Fetches the first page unless it is loaded or on its way. */
  start(): Promise<void> {
    return this.loadPage(0)
  }

  /** Cancels a refresh that waits to start, for a source no longer shown. */
  dispose(): void {
    clearTimeout(this.refreshTimer)
    this.refreshTimer = undefined
  }

  getEntry(index: number): Entry | undefined {
    return this.entries[index]
  }

  /** Returns the index of the loaded entry at the library-relative path, or -1. */
  indexOf(path: string): number {
    return indexOfPath(this.entries, path)
  }

  /** Returns the message of a failed page other than the first, or "". */
  pageError(): string {
    for (const message of this.failed.values()) return message
    return ''
  }

  /** Requests the pages covering entries first..last that are neither loaded nor on their way. */
  ensureRange(first: number, last: number): void {
    this.window = { first: Math.max(0, first), last }
    if (this.status !== 'ready' || this.total === 0) return
    const from = Math.floor(Math.max(0, first) / this.pageSize)
    const to = Math.floor(Math.min(this.total - 1, last) / this.pageSize)
    for (let page = from; page <= to; page++) {
      if (!this.failed.has(page)) void this.loadPage(page)
    }
  }

  /** Requests the failed pages again. */
  retryFailed(): void {
    const pages = [...this.failed.keys()]
    this.failed.clear()
    this.changed()
    for (const page of pages) {
      if (page === REFRESH_FAILURE) void this.refresh()
      else void this.loadPage(page)
    }
  }

  /** Returns the entry at index, fetching its page if needed; undefined past the end or on error. */
  async fetchEntry(index: number): Promise<Entry | undefined> {
    if (index < 0) return undefined
    await this.loadPage(Math.floor(index / this.pageSize))
    if (index >= this.total) return undefined
    return this.getEntry(index)
  }

  /**
   * Returns the index of the entry with this library-relative path, or -1. Go finds it in the
   * whole sorted folder, so only the page that contains it is fetched.
   */
  async findIndex(path: string): Promise<number> {
    const generation = this.generation
    try {
      const result = await this.request(0, this.pageSize, path)
      if (generation !== this.generation) return this.findIndex(path)
      this.accept(result)
      this.store(0, result.entries)
      this.changed()
      if (result.selectIndex >= 0) await this.fetchEntry(result.selectIndex)
      return result.selectIndex
    } catch (err) {
      this.reject(0, errorMessage(err))
      this.changed()
      return -1
    }
  }

  /**
   * Applies changes the file watcher (or a file operation) reports for this folder: each entry
   * is removed, inserted where the sort order puts it, updated or moved. A change that cannot be
   * placed for sure schedules a refresh of the pages in view.
   */
  applyChanges(changes: readonly EntryChange[]): void {
    if (changes.length === 0) return
    // A page on its way was read before these changes, or after some of them: ask again.
    this.generation++
    if (this.status !== 'ready') {
      this.changed()
      return
    }
    if (changes.length * Math.max(1, this.total) > MAX_APPLY_WORK) {
      void this.refresh()
      return
    }
    const loaded: LoadedEntries = { entries: this.entries, total: this.total }
    let sure = true
    for (const change of changes) {
      if (!applyChange(loaded, change, this.query)) sure = false
    }
    this.total = loaded.total
    if (!sure) this.scheduleRefresh()
    this.changed()
  }

  /** Handles a resync for this folder: a deleted folder shows as gone, else it is listed again. */
  applyResync(resync: FolderResync): void {
    if (resync.reason !== 'deleted') {
      void this.refresh()
      return
    }
    clearTimeout(this.refreshTimer)
    this.generation++
    this.status = 'gone'
    this.goneParent = resync.parent
    this.entries = []
    this.total = 0
    this.failed.clear()
    this.changed()
  }

  /**
   * Lists the entries in view again in one request, and keeps the old ones on screen until the
   * new ones arrive. Entries out of view are fetched again when they scroll in. A source that
   * is not ready (an error, a deleted folder) starts over.
   */
  refresh(): Promise<void> {
    clearTimeout(this.refreshTimer)
    this.refreshTimer = undefined
    if (this.refreshing) {
      this.refreshAgain = true
      return this.refreshing
    }
    this.refreshing = this.runRefresh().finally(() => {
      this.refreshing = null
      if (this.refreshAgain) {
        this.refreshAgain = false
        void this.refresh()
      }
    })
    return this.refreshing
  }

  private async runRefresh(): Promise<void> {
    if (this.status !== 'ready') {
      const wasGone = this.status === 'gone'
      const parent = this.goneParent
      this.generation++
      this.status = 'loading'
      this.error = ''
      this.goneParent = null
      this.entries = []
      this.total = 0
      this.failed.clear()
      this.changed()
      await this.loadPage(0)
      // A deleted folder that still does not list (its first page failed and set the error)
      // stays deleted, not an error.
      if (wasGone && this.error !== '') {
        this.status = 'gone'
        this.goneParent = parent
        this.changed()
      }
      return
    }
    for (;;) {
      const generation = ++this.generation
      const { offset, limit } = this.refreshRange()
      let result: ListPage
      try {
        result = await this.request(offset, limit)
      } catch (err) {
        if (generation !== this.generation) continue
        this.failed.set(REFRESH_FAILURE, errorMessage(err))
        this.changed()
        return
      }
      if (generation !== this.generation) continue // changes arrived meanwhile
      this.entries = []
      this.failed.clear()
      this.accept(result, true)
      this.store(result.offset, result.entries)
      this.changed()
      return
    }
  }

  /** Returns the page-aligned range that covers the entries the grid showed last. */
  private refreshRange(): { offset: number; limit: number } {
    const last = Math.max(this.window.last, this.window.first)
    const firstPage = Math.floor(this.window.first / this.pageSize)
    const lastPage = Math.min(
      Math.floor(last / this.pageSize),
      firstPage + MAX_REFRESH_PAGES - 1,
      Math.max(0, Math.ceil(this.total / this.pageSize) - 1),
    )
    const from = Math.min(firstPage, lastPage)
    return { offset: from * this.pageSize, limit: (lastPage - from + 1) * this.pageSize }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== undefined) return
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined
      void this.refresh()
    }, REFRESH_DELAY_MS)
  }

  private pageLoaded(page: number): boolean {
    if (this.status !== 'ready') return false
    const end = Math.min(this.total, (page + 1) * this.pageSize)
    for (let i = page * this.pageSize; i < end; i++) {
      if (this.entries[i] === undefined) return false
    }
    return true
  }

  private loadPage(page: number): Promise<void> {
    if (this.pageLoaded(page)) return Promise.resolve()
    const inFlight = this.pending.get(page)
    if (inFlight) return inFlight
    const generation = this.generation
    const request = this.request(page * this.pageSize, this.pageSize).then(
      (result) => {
        this.pending.delete(page)
        // The folder changed while the page was on its way: it may be a state before the change.
        if (generation !== this.generation) return this.loadPage(page)
        this.accept(result)
        this.store(result.offset, result.entries)
        this.changed()
      },
      (err: unknown) => {
        this.pending.delete(page)
        this.reject(page, errorMessage(err))
        this.changed()
      },
    )
    this.pending.set(page, request)
    return request
  }

  private request(offset: number, limit: number, select?: string): Promise<ListPage> {
    const { library, path, sort, desc, filter } = this.query
    const req: ListRequest = { library, path, sort, desc, filter, offset, limit }
    if (select !== undefined) req.select = select
    return this.fetchPage(req)
  }

  /** Takes the total of result; replacing is true when result replaces every loaded entry. */
  private accept(result: ListPage, replacing = false): void {
    // A total that differs from ours means a change whose event has not arrived yet, or that
    // came before this source listened: the pages loaded before may be shifted. The latest
    // total wins, and the pages in view are listed again.
    if (this.status === 'ready' && !replacing && result.total !== this.total) this.scheduleRefresh()
    this.total = result.total
    this.entries.length = result.total
    this.status = 'ready'
    this.goneParent = null
  }

  private store(offset: number, entries: readonly Entry[]): void {
    for (let i = 0; i < entries.length && offset + i < this.total; i++) {
      this.entries[offset + i] = entries[i]
    }
  }

  private reject(page: number, message: string): void {
    if (this.status === 'loading') {
      this.status = 'error'
      this.error = message
    } else {
      this.failed.set(page, message)
    }
  }

  private changed(): void {
    this.version++
    for (const listener of [...this.listeners]) listener()
  }
}
