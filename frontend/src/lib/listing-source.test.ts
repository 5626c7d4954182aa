// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ListPage, ListRequest } from '@/api/gallery'
import { ListingSource } from '@/lib/listing-source'
import { syntheticList } from '@/test/fake-gallery'

const QUERY = { library: 'lib', path: 'photos', sort: 'name', desc: true, filter: 'IMG' } as const

/** Fails the way a Wails binding call does: rejected with the Go error's message, a string. */
function rejectWith(message: string): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(message)
}

describe('ListingSource', () => {
  it('loads the first page on start', async () => {
    const { list, requests } = syntheticList(1000)
    const source = new ListingSource(QUERY, list, 100)
    expect(source.status).toBe('loading')
    await source.start()
    expect(source.status).toBe('ready')
    expect(source.total).toBe(1000)
    expect(source.getEntry(99)?.name).toBe('IMG_100.jpg')
    expect(source.getEntry(100)).toBeUndefined()
    expect(requests).toEqual([{ ...QUERY, offset: 0, limit: 100 }])
  })

  it('requests each missing page once', async () => {
    const { list, requests } = syntheticList(1000)
    const source = new ListingSource(QUERY, list, 100)
    await source.start()
    source.ensureRange(150, 420)
    source.ensureRange(200, 300)
    expect(requests.map((req) => req.offset)).toEqual([0, 100, 200, 300, 400])
    await source.fetchEntry(420)
    expect(source.getEntry(420)?.name).toBe('IMG_421.jpg')
  })

  it('finds an entry several pages in', async () => {
    const { list, requests } = syntheticList(5000)
    const source = new ListingSource(QUERY, list, 100)
    expect(await source.findIndex('IMG_2345.jpg')).toBe(2344)
    expect(source.getEntry(2344)?.path).toBe('IMG_2345.jpg')
    // The first page, which reports the index, then only the page that contains the entry.
    expect(requests.map((req) => [req.offset, req.limit, req.select])).toEqual([
      [0, 100, 'IMG_2345.jpg'],
      [2300, 100, undefined],
    ])
  })

  it('returns -1 for a missing entry', async () => {
    const source = new ListingSource(QUERY, syntheticList(250).list, 100)
    expect(await source.findIndex('nope.jpg')).toBe(-1)
  })

  it('reports a failed first page', async () => {
    const source = new ListingSource(QUERY, () => rejectWith('list "photos": permission denied'))
    await source.start()
    expect(source.status).toBe('error')
    expect(source.error).toBe('list "photos": permission denied')
  })

  it('retries a failed later page', async () => {
    const { list } = syntheticList(1000)
    let failing = true
    const flaky = (req: ListRequest): Promise<ListPage> =>
      req.offset === 300 && failing ? rejectWith('the folder changed') : list(req)
    const source = new ListingSource(QUERY, flaky, 100)
    await source.start()
    await source.fetchEntry(350)
    expect(source.status).toBe('ready')
    expect(source.pageError()).toBe('the folder changed')

    failing = false
    source.retryFailed()
    expect(source.pageError()).toBe('')
    await source.fetchEntry(350)
    expect(source.getEntry(350)?.name).toBe('IMG_351.jpg')
  })

  it('notifies subscribers when a page arrives', async () => {
    const source = new ListingSource(QUERY, syntheticList(10).list, 100)
    let calls = 0
    source.subscribe(() => calls++)
    const before = source.getVersion()
    await source.start()
    expect(calls).toBe(1)
    expect(source.getVersion()).toBe(before + 1)
  })
})
