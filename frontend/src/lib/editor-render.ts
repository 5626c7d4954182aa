// Schedules the preview renders of the editor. Every state change requests a render, but the
// requests are debounced and each carries an increasing id. A response or decoded frame older
// than the one already shown is dropped, so a slow response never replaces a newer picture.
// Only one frame decodes at a time: the Wails asset server cannot cancel a request, so frames
// that were outrun while waiting are skipped rather than sent.

/** Debounce of state changes before a render is requested. */
export const RENDER_DELAY_MS = 70
/** During a continuous change (a slider drag) a render goes out at least this often. */
export const RENDER_MAX_WAIT_MS = 140

export interface RenderSchedulerOptions<Req, Res, Loaded> {
  render: (request: Req) => Promise<Res>
  /** Loads and decodes the frame of a result; resolves when it can be shown without a flash. */
  load: (result: Res) => Promise<Loaded>
  /** Called with each result newer than every result before it, for the URL panel. */
  onResult?: (result: Res, request: Req, id: number) => void
  /** Called with each decoded frame newer than the frame shown. */
  onFrame: (frame: Frame<Req, Res, Loaded>) => void
  /**
   * Called when the newest request failed, or the frame of the newest result; result is set
   * when only the frame failed.
   */
  onError: (error: unknown, request: Req, id: number, result?: Res) => void
  delayMs?: number
  maxWaitMs?: number
}

interface Pending<Req, Res> {
  id: number
  request: Req
  result: Res
}

/** A decoded frame with the request and result it belongs to. */
export interface Frame<Req, Res, Loaded> extends Pending<Req, Res> {
  loaded: Loaded
}

export class RenderScheduler<Req, Res, Loaded = void> {
  private readonly options: RenderSchedulerOptions<Req, Res, Loaded>
  private readonly delayMs: number
  private readonly maxWaitMs: number
  private queued: Req | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private firstQueuedAt = 0
  private lastId = 0
  private resultId = 0
  private frameId = 0
  private loading = false
  private nextLoad: Pending<Req, Res> | null = null
  private disposed = false

  constructor(options: RenderSchedulerOptions<Req, Res, Loaded>) {
    this.options = options
    this.delayMs = options.delayMs ?? RENDER_DELAY_MS
    this.maxWaitMs = options.maxWaitMs ?? RENDER_MAX_WAIT_MS
  }

  /** Asks for a render of request after the debounce; a later call replaces it. */
  schedule(request: Req): void {
    if (this.disposed) return
    const now = Date.now()
    if (this.queued === null) this.firstQueuedAt = now
    this.queued = request
    clearTimeout(this.timer)
    const wait = Math.max(0, Math.min(this.delayMs, this.firstQueuedAt + this.maxWaitMs - now))
    this.timer = setTimeout(() => this.flush(), wait)
  }

  /** Sends the queued request now. */
  flush(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    const request = this.queued
    this.queued = null
    if (request === null || this.disposed) return
    const id = ++this.lastId
    this.options.render(request).then(
      (result) => this.receive(id, request, result),
      (err: unknown) => {
        if (!this.disposed && id === this.lastId) this.options.onError(err, request, id)
      },
    )
  }

  /** Stops all callbacks; responses still on their way are ignored. */
  dispose(): void {
    this.disposed = true
    clearTimeout(this.timer)
    this.queued = null
    this.nextLoad = null
  }

  private receive(id: number, request: Req, result: Res): void {
    if (this.disposed || id <= this.resultId) return
    this.resultId = id
    this.options.onResult?.(result, request, id)
    const pending = { id, request, result }
    if (this.loading) this.nextLoad = pending
    else this.startLoad(pending)
  }

  private startLoad(pending: Pending<Req, Res>): void {
    this.loading = true
    this.options
      .load(pending.result)
      .then(
        (loaded) => {
          if (this.disposed || pending.id <= this.frameId) return
          this.frameId = pending.id
          this.options.onFrame({ ...pending, loaded })
        },
        (err: unknown) => {
          // A failed frame matters only while nothing newer is on its way.
          if (!this.disposed && pending.id === this.resultId) {
            this.options.onError(err, pending.request, pending.id, pending.result)
          }
        },
      )
      .finally(() => {
        this.loading = false
        const next = this.nextLoad
        this.nextLoad = null
        if (next && !this.disposed && next.id > this.frameId) this.startLoad(next)
      })
  }
}
