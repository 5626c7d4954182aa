import {
  errorMessage,
  list,
  type Entry,
  type ListPage,
  type ListRequest,
  type SortKey,
} from '@/api/gallery'

export const PAGE_SIZE = 300

export interface ListingQuery {
  library: string
  path: string
  sort: SortKey
  desc: boolean
  filter: string
}

export type ListingStatus = 'loading' | 'ready' | 'error'

export type FetchPage = (req: ListRequest) => Promise<ListPage>

/**
 * One folder listing in one sort order and filter, fetched from Go in pages keyed by offset and
 * cached for as long as the source lives. A new folder, sort or filter gets a new source, which
 * drops the old cache. React reads it through subscribe and getVersion.
 */
export class ListingSource {
  readonly query: ListingQuery
  status: ListingStatus = 'loading'
  /** Entries after the filter; known once the first page arrived. */
  total = 0
  /** Why the first page failed, when status is "error". */
  error = ''

  private readonly fetchPage: FetchPage
  private readonly pageSize: number
  private readonly pages = new Map<number, Entry[]>()
  private readonly pending = new Map<number, Promise<void>>()
  private readonly failed = new Map<number, string>()
  private readonly listeners = new Set<() => void>()
  private version = 0

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

  getEntry(index: number): Entry | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize]
  }

  /** Returns the message of a failed page other than the first, or "". */
  pageError(): string {
    for (const message of this.failed.values()) return message
    return ''
  }

  /** Requests the pages covering entries first..last that are neither loaded nor on their way. */
  ensureRange(first: number, last: number): void {
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
    for (const page of pages) void this.loadPage(page)
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
    try {
      const { library, path: folder, sort, desc, filter } = this.query
      const result = await this.fetchPage({
        library,
        path: folder,
        sort,
        desc,
        filter,
        offset: 0,
        limit: this.pageSize,
        select: path,
      })
      if (!this.pages.has(0)) this.pages.set(0, result.entries)
      this.accept(result)
      this.changed()
      if (result.selectIndex >= 0) await this.fetchEntry(result.selectIndex)
      return result.selectIndex
    } catch (err) {
      this.reject(0, errorMessage(err))
      this.changed()
      return -1
    }
  }

  private loadPage(page: number): Promise<void> {
    if (this.pages.has(page)) return Promise.resolve()
    const inFlight = this.pending.get(page)
    if (inFlight) return inFlight
    const request = this.request(page * this.pageSize, this.pageSize)
      .then((result) => {
        this.pages.set(page, result.entries)
        this.accept(result)
      })
      .catch((err: unknown) => this.reject(page, errorMessage(err)))
      .finally(() => {
        this.pending.delete(page)
        this.changed()
      })
    this.pending.set(page, request)
    return request
  }

  private request(offset: number, limit: number): Promise<ListPage> {
    const { library, path, sort, desc, filter } = this.query
    return this.fetchPage({ library, path, sort, desc, filter, offset, limit })
  }

  private accept(result: ListPage): void {
    // The folder can change on disk between two pages; the latest total wins.
    this.total = result.total
    this.status = 'ready'
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
