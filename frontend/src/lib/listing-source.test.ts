// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { ListPage, ListRequest } from '@/api/gallery'
import { ListingSource } from '@/lib/listing-source'
import { folderOnDisk, imageEntry, syntheticList } from '@/test/fake-gallery'

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

const BY_NAME = { library: 'lib', path: '', sort: 'name', desc: false, filter: '' } as const

function names(source: ListingSource): (string | undefined)[] {
  const out: (string | undefined)[] = []
  for (let i = 0; i < source.total; i++) out.push(source.getEntry(i)?.name)
  return out
}

/** Waits for the refresh a source schedules after a change it could not place. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 150))
}

describe('ListingSource change batches', () => {
  it('lists the view again for a change between unloaded pages', async () => {
    const all = Array.from({ length: 1000 }, (_, i) => `IMG_${String(i).padStart(4, '0')}.jpg`)
    const disk = folderOnDisk(all)
    const source = new ListingSource(BY_NAME, disk.list, 100)
    await source.start()
    source.ensureRange(0, 99)

    disk.add(imageEntry('IMG_0300a.jpg'))
    disk.remove('IMG_0700.jpg')
    source.applyChanges([
      { kind: 'added', path: 'IMG_0300a.jpg', entry: imageEntry('IMG_0300a.jpg') },
      { kind: 'removed', path: 'IMG_0700.jpg', entry: imageEntry('IMG_0700.jpg') },
    ])
    await settle()
    expect(disk.requests.at(-1)).toMatchObject({ offset: 0, limit: 100 })
    expect(source.total).toBe(1000)
    expect(source.getEntry(0)?.name).toBe('IMG_0000.jpg')
    expect(await source.fetchEntry(301)).toMatchObject({ name: 'IMG_0300a.jpg' })
  })

  it('asks again for a page that was on its way during a change', async () => {
    const disk = folderOnDisk(['a.jpg'])
    let release: () => void = () => {}
    const slow = (req: ListRequest) =>
      new Promise<ListPage>((resolve) => {
        release = () => void disk.list(req).then(resolve)
      })
    const source = new ListingSource(BY_NAME, slow, 100)
    const started = source.start()
    disk.add(imageEntry('b.jpg'))
    source.applyChanges([{ kind: 'added', path: 'b.jpg', entry: imageEntry('b.jpg') }])
    // The first response reflects the disk before b.jpg was added, so it is discarded.
    disk.remove('b.jpg')
    release()
    await Promise.resolve()
    disk.add(imageEntry('b.jpg'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    release()
    await started
    expect(names(source)).toEqual(['a.jpg', 'b.jpg'])
  })

  it('shows a deleted folder as gone and lists it when it is back', async () => {
    const disk = folderOnDisk(['a.jpg'])
    const source = new ListingSource({ ...BY_NAME, path: 'card' }, disk.list, 100)
    await source.start()
    source.applyResync({ library: 'lib', folder: 'card', reason: 'deleted', parent: '' })
    expect(source.status).toBe('gone')
    expect(source.goneParent).toBe('')
    expect(source.total).toBe(0)
    source.applyChanges([{ kind: 'added', path: 'card/b.jpg', entry: imageEntry('b.jpg') }])
    expect(source.status).toBe('gone')

    // Try again while the folder is still missing keeps the deleted state.
    const missing = new ListingSource(
      { ...BY_NAME, path: 'card' },
      () => rejectWith('no such file'),
      100,
    )
    missing.applyResync({ library: 'lib', folder: 'card', reason: 'deleted', parent: '' })
    await missing.refresh()
    expect(missing.status).toBe('gone')
    expect(missing.goneParent).toBe('')

    disk.add(imageEntry('b.jpg'))
    source.applyResync({ library: 'lib', folder: 'card', reason: 'replaced', parent: null })
    await source.refresh()
    expect(source.status).toBe('ready')
    expect(names(source)).toEqual(['a.jpg', 'b.jpg'])
  })

  it('lists the view again on a resync, keeping the old entries until then', async () => {
    const disk = folderOnDisk(['a.jpg', 'b.jpg'])
    const source = new ListingSource(BY_NAME, disk.list, 100)
    await source.start()
    disk.add(imageEntry('c.jpg'))
    source.applyResync({ library: 'lib', folder: '', reason: 'overflow', parent: null })
    expect(names(source)).toEqual(['a.jpg', 'b.jpg'])
    await source.refresh()
    expect(names(source)).toEqual(['a.jpg', 'b.jpg', 'c.jpg'])
    expect(source.status).toBe('ready')
  })
})
