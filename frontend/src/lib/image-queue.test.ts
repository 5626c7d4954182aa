// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImageQueue, readFailure, type ImageQueueOptions } from '@/lib/image-queue'

interface FakeServer {
  fetch: (url: string) => Promise<Response>
  /** URLs in the order they were requested. */
  calls: string[]
  respond: (url: string, res: Response) => Promise<void>
  fail: (url: string, error: Error) => Promise<void>
}

function fakeServer(): FakeServer {
  const calls: string[] = []
  const waiting = new Map<string, { resolve: (r: Response) => void; reject: (e: Error) => void }>()
  return {
    calls,
    fetch: (url) => {
      calls.push(url)
      return new Promise<Response>((resolve, reject) => waiting.set(url, { resolve, reject }))
    },
    respond: async (url, res) => {
      const pending = waiting.get(url)
      if (!pending) throw new Error(`no request in flight for ${url}`)
      waiting.delete(url)
      pending.resolve(res)
      await settle()
    },
    fail: async (url, error) => {
      const pending = waiting.get(url)
      if (!pending) throw new Error(`no request in flight for ${url}`)
      waiting.delete(url)
      pending.reject(error)
      await settle()
    },
  }
}

/** Lets queued microtasks and promise callbacks run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

function image(bytes = 10): Response {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { 'content-type': 'image/webp' },
  })
}

function jsonError(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

function makeQueue(server: FakeServer, options: ImageQueueOptions = {}) {
  let next = 0
  const revoked: string[] = []
  const queue = new ImageQueue({
    fetch: server.fetch,
    maxConcurrent: 2,
    createObjectURL: () => `blob:test/${++next}`,
    revokeObjectURL: (url) => revoked.push(url),
    ...options,
  })
  return { queue, revoked }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('ImageQueue', () => {
  it('caps the requests in flight', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server, { maxConcurrent: 4 })
    for (let i = 0; i < 10; i++) queue.acquire(`/imagor/${i}`)
    await settle()
    expect(server.calls).toHaveLength(4)
    expect(queue.stats().inFlight).toBe(4)
    expect(queue.stats().queued).toBe(6)

    await server.respond('/imagor/0', image())
    expect(server.calls).toHaveLength(5)
    expect(queue.stats().inFlight).toBe(4)
  })

  it('drops a released request before it is sent', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server)
    queue.acquire('/a')
    queue.acquire('/b')
    const scrolledAway = queue.acquire('/c')
    queue.acquire('/d')
    await settle()
    expect(server.calls).toEqual(['/a', '/b'])

    scrolledAway.release()
    await server.respond('/a', image())
    await server.respond('/b', image())
    expect(server.calls).toEqual(['/a', '/b', '/d'])
    expect(queue.getSnapshot('/c').status).toBe('idle')
  })

  it('keeps a request that another lease still holds', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server, { maxConcurrent: 1 })
    queue.acquire('/busy')
    const first = queue.acquire('/shared')
    queue.acquire('/shared')
    await settle()
    first.release()
    await server.respond('/busy', image())
    expect(server.calls).toEqual(['/busy', '/shared'])
  })

  it('sends the latest batch first, in request order', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server)
    for (const url of ['/a', '/b', '/c', '/d']) queue.acquire(url)
    await settle()
    for (const url of ['/e', '/f']) queue.acquire(url)
    await settle()
    expect(server.calls).toEqual(['/a', '/b'])

    await server.respond('/a', image())
    await server.respond('/b', image())
    expect(server.calls).toEqual(['/a', '/b', '/e', '/f'])
  })

  it('sends a higher priority first', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server, { maxConcurrent: 1 })
    queue.acquire('/thumb-1')
    queue.acquire('/thumb-2')
    queue.acquire('/preview', 2)
    await settle()
    expect(server.calls).toEqual(['/preview'])
  })

  it('moves a re-requested image to the front', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server, { maxConcurrent: 1 })
    queue.acquire('/busy')
    queue.acquire('/old')
    queue.acquire('/other')
    await settle()
    queue.acquire('/old')
    await settle()
    await server.respond('/busy', image())
    expect(server.calls).toEqual(['/busy', '/old'])
  })

  it('shows the message of a JSON error', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server)
    queue.acquire('/empty.jpg')
    queue.acquire('/good.jpg')
    await settle()
    await server.respond(
      '/empty.jpg',
      jsonError(422, { reason: 'empty', message: 'Empty file: it has zero bytes' }),
    )

    const snapshot = queue.getSnapshot('/empty.jpg')
    expect(snapshot.status).toBe('error')
    if (snapshot.status !== 'error') return
    expect(snapshot.error.reason).toBe('empty')
    expect(snapshot.error.message).toBe('Empty file: it has zero bytes')
    expect(snapshot.error.status).toBe(422)
    expect(queue.getSnapshot('/good.jpg').status).toBe('loading')

    await server.respond('/good.jpg', image())
    expect(queue.getSnapshot('/good.jpg').status).toBe('loaded')
  })

  it('reports a network failure', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server)
    queue.acquire('/x')
    await settle()
    await server.fail('/x', new TypeError('Failed to fetch'))
    const snapshot = queue.getSnapshot('/x')
    expect(snapshot.status).toBe('error')
    if (snapshot.status !== 'error') return
    expect(snapshot.error.reason).toBe('network')
    expect(snapshot.error.message).toContain('Failed to fetch')
  })

  it('retries an engine crash once', async () => {
    vi.useFakeTimers()
    const server = fakeServer()
    const { queue } = makeQueue(server, { retryDelayMs: 500 })
    const crashed = { reason: 'engine-crashed', message: 'The image engine crashed' }
    queue.acquire('/crash.jpg')
    await settle()
    await server.respond('/crash.jpg', jsonError(502, crashed))
    expect(queue.getSnapshot('/crash.jpg').status).toBe('loading')
    expect(server.calls).toHaveLength(1)

    await vi.advanceTimersByTimeAsync(499)
    expect(server.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(server.calls).toHaveLength(2)

    await server.respond('/crash.jpg', jsonError(502, crashed))
    const snapshot = queue.getSnapshot('/crash.jpg')
    expect(snapshot.status).toBe('error')
    if (snapshot.status !== 'error') return
    expect(snapshot.error.message).toBe('The image engine crashed')
    expect(server.calls).toHaveLength(2)
  })

  it('loads after a crash when the retry succeeds', async () => {
    vi.useFakeTimers()
    const server = fakeServer()
    const { queue } = makeQueue(server, { retryDelayMs: 500 })
    queue.acquire('/crash.jpg')
    await settle()
    await server.respond('/crash.jpg', jsonError(502, { reason: 'engine-crashed', message: 'x' }))
    await vi.advanceTimersByTimeAsync(500)
    await server.respond('/crash.jpg', image())
    expect(queue.getSnapshot('/crash.jpg').status).toBe('loaded')
  })

  it('retries a busy engine with growing waits', async () => {
    vi.useFakeTimers()
    const server = fakeServer()
    const { queue } = makeQueue(server, { retryDelayMs: 500 })
    const busy = () => jsonError(429, { reason: 'internal', message: 'too many requests' })
    queue.acquire('/busy.jpg')
    await settle()
    await server.respond('/busy.jpg', busy())
    await vi.advanceTimersByTimeAsync(500)
    expect(server.calls).toHaveLength(2)

    await server.respond('/busy.jpg', busy())
    await vi.advanceTimersByTimeAsync(999)
    expect(server.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(server.calls).toHaveLength(3)

    await server.respond('/busy.jpg', image())
    expect(queue.getSnapshot('/busy.jpg').status).toBe('loaded')
  })

  it('gives up on a busy engine after four retries', async () => {
    vi.useFakeTimers()
    const server = fakeServer()
    const { queue } = makeQueue(server, { retryDelayMs: 10 })
    queue.acquire('/busy.jpg')
    for (let attempt = 1; attempt <= 5; attempt++) {
      await settle()
      expect(queue.getSnapshot('/busy.jpg').status).toBe('loading')
      await server.respond('/busy.jpg', jsonError(503, { reason: 'internal', message: 'busy' }))
      await vi.advanceTimersByTimeAsync(10 * attempt)
    }
    expect(server.calls).toHaveLength(5)
    expect(queue.getSnapshot('/busy.jpg').status).toBe('error')
  })

  it('sends fewer at once after a busy answer', async () => {
    vi.useFakeTimers()
    const server = fakeServer()
    const { queue } = makeQueue(server, { maxConcurrent: 4, retryDelayMs: 100 })
    for (let i = 0; i < 8; i++) queue.acquire(`/${i}`)
    await settle()
    expect(server.calls).toHaveLength(4)

    // The engine handles two at once and turns the others away.
    await server.respond('/2', jsonError(429, { reason: 'internal', message: 'too many requests' }))
    await server.respond('/3', jsonError(429, { reason: 'internal', message: 'too many requests' }))
    expect(queue.stats().limit).toBe(2)
    expect(queue.stats().inFlight).toBe(2)

    await server.respond('/0', image())
    expect(queue.stats().inFlight).toBe(2)
    await server.respond('/1', image())
    await server.respond('/4', image())
    expect(queue.stats().limit).toBe(3)
  })

  it('keeps released images until the cache is full', async () => {
    const server = fakeServer()
    const { queue, revoked } = makeQueue(server, { maxUnused: 2 })
    const leases = ['/1', '/2', '/3'].map((url) => queue.acquire(url))
    await settle()
    await server.respond('/1', image())
    await server.respond('/2', image())
    await settle()
    await server.respond('/3', image())
    const first = queue.getSnapshot('/1')
    expect(first.status).toBe('loaded')

    leases[0].release()
    leases[1].release()
    expect(revoked).toEqual([])
    leases[2].release()
    expect(revoked).toEqual(first.status === 'loaded' ? [first.src] : [])
    expect(queue.stats().unused).toBe(2)

    // Scrolling back to a cached image needs no request.
    queue.acquire('/2')
    await settle()
    expect(queue.getSnapshot('/2').status).toBe('loaded')
    expect(server.calls).toEqual(['/1', '/2', '/3'])
  })

  it('revokes past the byte budget', async () => {
    const server = fakeServer()
    const { queue, revoked } = makeQueue(server, { maxUnusedBytes: 150 })
    const a = queue.acquire('/a')
    const b = queue.acquire('/b')
    await settle()
    await server.respond('/a', image(100))
    await server.respond('/b', image(100))
    a.release()
    expect(revoked).toHaveLength(0)
    b.release()
    expect(revoked).toHaveLength(1)
    expect(queue.getSnapshot('/a').status).toBe('idle')
    expect(queue.getSnapshot('/b').status).toBe('loaded')
  })

  it('keeps the result of a request released in flight', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server)
    const lease = queue.acquire('/slow')
    await settle()
    lease.release()
    await server.respond('/slow', image())
    expect(queue.getSnapshot('/slow').status).toBe('loaded')
    expect(queue.stats().unused).toBe(1)
  })

  it('notifies subscribers of each change', async () => {
    const server = fakeServer()
    const { queue } = makeQueue(server)
    const seen: string[] = []
    queue.subscribe('/n', () => seen.push(queue.getSnapshot('/n').status))
    queue.acquire('/n')
    await settle()
    await server.respond('/n', image())
    expect(seen).toEqual(['loading', 'loaded'])
  })
})

describe('readFailure', () => {
  it('reads reason, message and detail', async () => {
    const failure = await readFailure(
      jsonError(415, { reason: 'not-image', message: 'Not an image', detail: 'VipsForeignLoad' }),
    )
    expect(failure).toEqual({
      reason: 'not-image',
      message: 'Not an image',
      detail: 'VipsForeignLoad',
      status: 415,
    })
  })

  it('falls back for a body that is not JSON', async () => {
    const failure = await readFailure(new Response('<html>oops</html>', { status: 500 }))
    expect(failure.reason).toBe('internal')
    expect(failure.message).toBe('The image could not be loaded (HTTP 500)')
  })

  it('maps a bare 404 to not-found', async () => {
    const failure = await readFailure(new Response('', { status: 404 }))
    expect(failure.reason).toBe('not-found')
  })
})
