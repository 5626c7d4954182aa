// Loads images through fetch() and hands out object URLs, because the Wails AssetServer cannot
// cancel a request once it is sent: an <img src> that scrolled out of view would keep the engine
// busy. The queue caps the requests in flight, sends the most recently requested images first and
// drops a queued request as soon as no one needs it.

/** A failed image response: the JSON body of an /imagor/ error, or a network failure. */
export interface ImageFailure {
  /** Stable code such as not-found, empty, truncated or engine-crashed; "network" when fetch threw. */
  reason: string
  /** Sentence to show on the tile. */
  message: string
  detail?: string
  /** HTTP status, or 0 when no response arrived. */
  status: number
}

export type ImageSnapshot =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'loaded'; readonly src: string; readonly bytes: number }
  | { readonly status: 'error'; readonly error: ImageFailure }

/** A claim on one image. The queue keeps the image while any lease on it is held. */
export interface ImageLease {
  release(): void
}

export interface ImageQueueOptions {
  fetch?: (url: string) => Promise<Response>
  /** Requests in flight at once. */
  maxConcurrent?: number
  /** Loaded images kept after their last lease is released, so scrolling back is instant. */
  maxUnused?: number
  /** Byte budget of those unused images. */
  maxUnusedBytes?: number
  /**
   * Wait before the one retry of an engine-crashed failure, while the engine restarts. Retries
   * of a busy (429 or 503) response wait this long times the attempt number.
   */
  retryDelayMs?: number
  createObjectURL?: (blob: Blob) => string
  revokeObjectURL?: (url: string) => void
}

/** Retries of a request that the engine turned away as busy. */
const MAX_BUSY_RETRIES = 4

const IDLE: ImageSnapshot = { status: 'idle' }
const LOADING: ImageSnapshot = { status: 'loading' }

type Phase = 'queued' | 'sending' | 'retry-wait' | 'done'

interface ImageRecord {
  url: string
  refs: number
  phase: Phase
  snapshot: ImageSnapshot
  priority: number
  batch: number
  seq: number
  attempts: number
  retryTimer: ReturnType<typeof setTimeout> | undefined
}

/** Returns 2 × the logical cores, at least 4. */
export function defaultConcurrency(): number {
  const cores = typeof navigator === 'undefined' ? 0 : navigator.hardwareConcurrency || 0
  return Math.max(4, 2 * cores)
}

function isFailureBody(
  body: unknown,
): body is { reason: string; message?: string; detail?: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { reason?: unknown }).reason === 'string'
  )
}

/** Reads the JSON error body `{reason, message, detail?}` of a failed image response. */
export async function readFailure(res: Response): Promise<ImageFailure> {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    // Not JSON, for example a proxy's HTML page: fall through to the generic message.
  }
  if (isFailureBody(body)) {
    const failure: ImageFailure = {
      reason: body.reason,
      message: body.message || `The image could not be loaded (HTTP ${res.status})`,
      status: res.status,
    }
    if (typeof body.detail === 'string' && body.detail !== '') failure.detail = body.detail
    return failure
  }
  return {
    reason: res.status === 404 ? 'not-found' : 'internal',
    message: `The image could not be loaded (HTTP ${res.status})`,
    status: res.status,
  }
}

export class ImageQueue {
  private readonly fetchImage: (url: string) => Promise<Response>
  private readonly maxConcurrent: number
  private readonly maxUnused: number
  private readonly maxUnusedBytes: number
  private readonly retryDelayMs: number
  private readonly createObjectURL: (blob: Blob) => string
  private readonly revokeObjectURL: (url: string) => void

  private readonly records = new Map<string, ImageRecord>()
  private readonly queued = new Set<ImageRecord>()
  /** Loaded records with no lease, oldest first (Map keeps insertion order). */
  private readonly unused = new Map<string, ImageRecord>()
  private unusedBytes = 0
  private readonly listeners = new Map<string, Set<() => void>>()
  private inFlight = 0
  /**
   * Requests allowed in flight now: maxConcurrent, lowered when the engine responds busy (429 or
   * 503) and raised again by one for every `limit` successful responses.
   */
  private limit: number
  private seq = 0
  private batch = 0
  private pumpScheduled = false

  constructor(options: ImageQueueOptions = {}) {
    this.fetchImage = options.fetch ?? ((url) => fetch(url))
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? defaultConcurrency())
    this.limit = this.maxConcurrent
    this.maxUnused = options.maxUnused ?? 400
    this.maxUnusedBytes = options.maxUnusedBytes ?? 256 * 1024 * 1024
    this.retryDelayMs = options.retryDelayMs ?? 500
    this.createObjectURL = options.createObjectURL ?? ((blob) => URL.createObjectURL(blob))
    this.revokeObjectURL = options.revokeObjectURL ?? ((url) => URL.revokeObjectURL(url))
  }

  /**
   * Claims the image at url and queues it unless it is loaded or on its way. A higher priority
   * is sent first; within one priority the latest batch of requests (one render's worth) goes
   * first, in the order it was requested.
   */
  acquire(url: string, priority = 0): ImageLease {
    let record = this.records.get(url)
    if (!record) {
      record = {
        url,
        refs: 0,
        phase: 'queued',
        snapshot: LOADING,
        priority,
        batch: this.batch,
        seq: ++this.seq,
        attempts: 0,
        retryTimer: undefined,
      }
      this.records.set(url, record)
      this.queued.add(record)
      this.notify(url)
    } else if (record.phase === 'queued') {
      record.priority = Math.max(record.priority, priority)
      record.batch = this.batch
      record.seq = ++this.seq
    }
    if (record.refs === 0 && this.unused.delete(url)) {
      this.unusedBytes -= bytesOf(record.snapshot)
    }
    record.refs++
    this.schedulePump()

    const claimed = record
    let released = false
    return {
      release: () => {
        if (released) return
        released = true
        this.release(claimed)
      },
    }
  }

  getSnapshot(url: string): ImageSnapshot {
    return this.records.get(url)?.snapshot ?? IDLE
  }

  /** Calls listener whenever the snapshot of url changes. Returns the unsubscribe function. */
  subscribe(url: string, listener: () => void): () => void {
    let set = this.listeners.get(url)
    if (!set) {
      set = new Set()
      this.listeners.set(url, set)
    }
    set.add(listener)
    return () => {
      const current = this.listeners.get(url)
      if (!current) return
      current.delete(listener)
      if (current.size === 0) this.listeners.delete(url)
    }
  }

  /** Counts for tests and diagnostics. */
  stats(): { inFlight: number; limit: number; queued: number; unused: number; records: number } {
    return {
      inFlight: this.inFlight,
      limit: Math.floor(this.limit),
      queued: this.queued.size,
      unused: this.unused.size,
      records: this.records.size,
    }
  }

  private release(record: ImageRecord): void {
    record.refs--
    if (record.refs > 0) return
    switch (record.phase) {
      case 'queued':
        // Dropped before it was sent: the tile scrolled away.
        this.queued.delete(record)
        this.forget(record)
        break
      case 'retry-wait':
        clearTimeout(record.retryTimer)
        this.forget(record)
        break
      case 'sending':
        // The request cannot be cancelled; its result is kept as unused when it arrives.
        break
      case 'done':
        this.keepUnused(record)
        break
    }
  }

  private keepUnused(record: ImageRecord): void {
    if (record.snapshot.status !== 'loaded') {
      // Failures are not cached, so a tile that comes back into view tries again.
      this.forget(record)
      return
    }
    this.unused.set(record.url, record)
    this.unusedBytes += bytesOf(record.snapshot)
    this.trimUnused()
  }

  private trimUnused(): void {
    for (const record of this.unused.values()) {
      if (this.unused.size <= this.maxUnused && this.unusedBytes <= this.maxUnusedBytes) return
      this.unused.delete(record.url)
      this.unusedBytes -= bytesOf(record.snapshot)
      this.forget(record)
    }
  }

  private forget(record: ImageRecord): void {
    if (record.snapshot.status === 'loaded') this.revokeObjectURL(record.snapshot.src)
    this.records.delete(record.url)
    this.notify(record.url)
  }

  private schedulePump(): void {
    if (this.pumpScheduled) return
    this.pumpScheduled = true
    // Waiting for a microtask lets every tile of one render register (and unmounted tiles drop
    // out) before the queue picks what to send.
    queueMicrotask(() => {
      this.pumpScheduled = false
      this.pump()
      this.batch++
    })
  }

  private pump(): void {
    while (this.inFlight < Math.floor(this.limit) && this.queued.size > 0) {
      const next = this.pickNext()
      this.queued.delete(next)
      void this.send(next)
    }
  }

  private pickNext(): ImageRecord {
    let best: ImageRecord | undefined
    for (const record of this.queued) {
      if (!best || outranks(record, best)) best = record
    }
    return best as ImageRecord
  }

  private async send(record: ImageRecord): Promise<void> {
    record.phase = 'sending'
    record.attempts++
    this.inFlight++
    let result: ImageSnapshot
    try {
      result = await this.load(record.url)
    } finally {
      this.inFlight--
    }
    this.adjustLimit(result)

    const delay = result.status === 'error' ? this.retryDelay(result.error, record.attempts) : -1
    if (delay >= 0 && record.refs > 0) {
      record.phase = 'retry-wait'
      record.retryTimer = setTimeout(() => {
        record.retryTimer = undefined
        record.phase = 'queued'
        record.batch = this.batch
        this.queued.add(record)
        this.schedulePump()
      }, delay)
    } else {
      record.phase = 'done'
      record.snapshot = result
      if (this.records.get(record.url) === record) this.notify(record.url)
      if (record.refs === 0) this.keepUnused(record)
    }
    this.pump()
  }

  /** Lowers the limit on a busy response, so the engine gets fewer requests it must reject. */
  private adjustLimit(result: ImageSnapshot): void {
    if (result.status === 'error' && isBusy(result.error)) {
      this.limit = Math.max(1, Math.min(this.limit, this.inFlight))
    } else if (result.status === 'loaded' && this.limit < this.maxConcurrent) {
      this.limit = Math.min(this.maxConcurrent, this.limit + 1 / Math.floor(this.limit))
    }
  }

  /** Returns how long to wait before sending a failed request again, or -1 to give up. */
  private retryDelay(failure: ImageFailure, attempts: number): number {
    // The engine restarts after a crash. One retry distinguishes a crash on this file from a
    // crash that another request caused.
    if (failure.reason === 'engine-crashed') return attempts < 2 ? this.retryDelayMs : -1
    // A busy engine (429 or 503) gets a few retries, each after a longer wait.
    if (isBusy(failure)) {
      return attempts <= MAX_BUSY_RETRIES ? this.retryDelayMs * attempts : -1
    }
    return -1
  }

  private async load(url: string): Promise<ImageSnapshot> {
    let res: Response
    try {
      res = await this.fetchImage(url)
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      return {
        status: 'error',
        error: {
          reason: 'network',
          message: `The image could not be loaded: ${reason}`,
          status: 0,
        },
      }
    }
    if (!res.ok) return { status: 'error', error: await readFailure(res) }
    try {
      const blob = await res.blob()
      return { status: 'loaded', src: this.createObjectURL(blob), bytes: blob.size }
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      return {
        status: 'error',
        error: {
          reason: 'network',
          message: `The image download failed: ${reason}`,
          status: res.status,
        },
      }
    }
  }

  private notify(url: string): void {
    const set = this.listeners.get(url)
    if (!set) return
    for (const listener of [...set]) listener()
  }
}

function isBusy(failure: ImageFailure): boolean {
  return failure.status === 429 || failure.status === 503
}

function bytesOf(snapshot: ImageSnapshot): number {
  return snapshot.status === 'loaded' ? snapshot.bytes : 0
}

function outranks(a: ImageRecord, b: ImageRecord): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority
  if (a.batch !== b.batch) return a.batch > b.batch
  return a.seq < b.seq
}

/** Thumbnail priority; the viewer's images use higher ones. */
export const PRIORITY_THUMBNAIL = 0
export const PRIORITY_PRELOAD = 1
export const PRIORITY_VIEWER = 2

/** The queue the app uses. Tests make their own with a fake fetch. */
export const imageQueue = new ImageQueue()
