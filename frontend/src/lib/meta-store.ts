import { readFailure } from '@/lib/image-queue'

/** imagor's JSON metadata of an image. */
export interface ImageMeta {
  format?: string
  content_type?: string
  width?: number
  height?: number
  orientation?: number
  pages?: number
  bands?: number
  exif?: Record<string, unknown>
}

export type MetaState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly meta: ImageMeta }
  | { readonly status: 'error'; readonly message: string }

const IDLE: MetaState = { status: 'idle' }
const LOADING: MetaState = { status: 'loading' }
/** Metadata responses kept; each is a few kilobytes of JSON. */
const MAX_ENTRIES = 200

/**
 * Fetches and caches the metadata of images by their meta URL. A request is never cancelled,
 * because the asset server cannot cancel it, so the result is cached whoever still wants it.
 */
export class MetaStore {
  private readonly fetchMeta: (url: string) => Promise<Response>
  private readonly states = new Map<string, MetaState>()
  private readonly listeners = new Set<() => void>()

  constructor(fetchMeta: (url: string) => Promise<Response> = (url) => fetch(url)) {
    this.fetchMeta = fetchMeta
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(url: string): MetaState {
    return this.states.get(url) ?? IDLE
  }

  load(url: string): void {
    const known = this.states.get(url)
    if (known && known.status !== 'error') return
    this.set(url, LOADING)
    void this.request(url).then((state) => this.set(url, state))
  }

  private async request(url: string): Promise<MetaState> {
    try {
      const res = await this.fetchMeta(url)
      if (!res.ok) return { status: 'error', message: (await readFailure(res)).message }
      return { status: 'loaded', meta: (await res.json()) as ImageMeta }
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      return { status: 'error', message: `The metadata could not be loaded: ${reason}` }
    }
  }

  private set(url: string, state: MetaState): void {
    this.states.delete(url)
    this.states.set(url, state)
    for (const old of this.states.keys()) {
      if (this.states.size <= MAX_ENTRIES) break
      this.states.delete(old)
    }
    for (const listener of [...this.listeners]) listener()
  }
}

export const metaStore = new MetaStore()
