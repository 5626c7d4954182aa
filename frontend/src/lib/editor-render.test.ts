import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RENDER_DELAY_MS, RENDER_MAX_WAIT_MS, RenderScheduler } from '@/lib/editor-render'

interface Deferred<T> {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (err: unknown) => void
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (err: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Builds a scheduler over number requests, whose renders and loads the test settles. */
function setUp() {
  const renders: { request: number; answer: Deferred<string> }[] = []
  const loads: { result: string; done: Deferred<void> }[] = []
  const results: string[] = []
  const frames: string[] = []
  const errors: string[] = []
  const scheduler = new RenderScheduler<number, string>({
    render: (request) => {
      const answer = deferred<string>()
      renders.push({ request, answer })
      return answer.promise
    },
    load: (result) => {
      const done = deferred<void>()
      loads.push({ result, done })
      return done.promise
    },
    onResult: (result) => results.push(result),
    onFrame: (frame) => frames.push(frame.result),
    onError: (err) => errors.push(String(err)),
  })
  return { scheduler, renders, loads, results, frames, errors }
}

const settle = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('RenderScheduler', () => {
  it('debounces quick changes into one render', async () => {
    const { scheduler, renders } = setUp()
    scheduler.schedule(1)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS / 2)
    scheduler.schedule(2)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS - 1)
    expect(renders).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(renders.map((r) => r.request)).toEqual([2])
  })

  it('renders at least every max wait during a continuous change', async () => {
    const { scheduler, renders } = setUp()
    for (let t = 0; t < RENDER_MAX_WAIT_MS * 3; t += 10) {
      scheduler.schedule(t)
      await vi.advanceTimersByTimeAsync(10)
    }
    expect(renders.length).toBeGreaterThanOrEqual(2)
    expect(renders.length).toBeLessThanOrEqual(4)
  })

  it('never lets an old response replace a newer frame', async () => {
    const { scheduler, renders, loads, results, frames } = setUp()
    scheduler.schedule(1)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
    scheduler.schedule(2)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
    expect(renders).toHaveLength(2)

    // The second response arrives first and is shown.
    renders[1].answer.resolve('frame-2')
    await settle()
    loads[0].done.resolve()
    await settle()
    expect(frames).toEqual(['frame-2'])

    // The first response arrives late and is dropped before it is loaded.
    renders[0].answer.resolve('frame-1')
    await settle()
    expect(results).toEqual(['frame-2'])
    expect(loads).toHaveLength(1)
    expect(frames).toEqual(['frame-2'])
  })

  it('decodes one frame at a time, in order', async () => {
    const { scheduler, renders, loads, frames } = setUp()
    scheduler.schedule(1)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
    renders[0].answer.resolve('frame-1')
    await settle()
    scheduler.schedule(2)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
    renders[1].answer.resolve('frame-2')
    await settle()

    // One frame decodes at a time: frame 2 waits for frame 1, which is still shown first as it
    // is newer than nothing, then frame 2 replaces it.
    expect(loads.map((l) => l.result)).toEqual(['frame-1'])
    loads[0].done.resolve()
    await settle()
    expect(loads.map((l) => l.result)).toEqual(['frame-1', 'frame-2'])
    loads[1].done.resolve()
    await settle()
    expect(frames).toEqual(['frame-1', 'frame-2'])
  })

  it('skips frames outrun while another decodes', async () => {
    const { scheduler, renders, loads, frames } = setUp()
    for (const n of [1, 2, 3]) {
      scheduler.schedule(n)
      await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
      renders[n - 1].answer.resolve(`frame-${n}`)
      await settle()
    }
    expect(loads.map((l) => l.result)).toEqual(['frame-1'])
    loads[0].done.resolve()
    await settle()
    // Frame 2 was replaced by frame 3 while frame 1 decoded.
    expect(loads.map((l) => l.result)).toEqual(['frame-1', 'frame-3'])
    loads[1].done.resolve()
    await settle()
    expect(frames).toEqual(['frame-1', 'frame-3'])
  })

  it('reports only the newest failure', async () => {
    const { scheduler, renders, errors } = setUp()
    scheduler.schedule(1)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
    scheduler.schedule(2)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
    renders[0].answer.reject('old failure')
    renders[1].answer.reject('new failure')
    await settle()
    expect(errors).toEqual(['new failure'])
  })

  it('stops after dispose', async () => {
    const { scheduler, renders, results } = setUp()
    scheduler.schedule(1)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
    scheduler.dispose()
    renders[0].answer.resolve('late')
    scheduler.schedule(2)
    await vi.advanceTimersByTimeAsync(RENDER_DELAY_MS)
    expect(results).toEqual([])
    expect(renders).toHaveLength(1)
  })
})
