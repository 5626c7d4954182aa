// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { ListingSource } from '@/lib/listing-source'
import { folderOnDisk, imageEntry } from '@/test/fake-gallery'

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

describe('ListingSource change placement', () => {
  it('inserts, updates, moves and removes in place', async () => {
    const disk = folderOnDisk(['b.jpg', 'd.jpg', 'f.jpg'])
    const source = new ListingSource(BY_NAME, disk.list, 100)
    await source.start()

    source.applyChanges([
      { kind: 'added', path: 'a.jpg', entry: imageEntry('a.jpg') },
      { kind: 'added', path: 'e.jpg', entry: imageEntry('e.jpg') },
      { kind: 'changed', path: 'd.jpg', entry: imageEntry('d.jpg', '2') },
      { kind: 'renamed', oldPath: 'f.jpg', path: 'c.jpg', entry: imageEntry('c.jpg') },
      { kind: 'removed', path: 'b.jpg', entry: imageEntry('b.jpg') },
    ])
    expect(names(source)).toEqual(['a.jpg', 'c.jpg', 'd.jpg', 'e.jpg'])
    expect(source.total).toBe(4)
    expect(source.getEntry(2)?.thumbnail).toBe('/imagor/thumb/d.jpg?v=2')
    await settle()
    // Every change had loaded neighbours: nothing was listed again.
    expect(disk.requests).toHaveLength(1)
  })

  it('shows an entry once when its change arrives twice', async () => {
    const disk = folderOnDisk(['a.jpg', 'c.jpg'])
    const source = new ListingSource(BY_NAME, disk.list, 100)
    await source.start()
    // A rename done in the app: its own result first, then the watcher's event for it.
    const rename = {
      kind: 'renamed',
      oldPath: 'a.jpg',
      path: 'b.jpg',
      entry: imageEntry('b.jpg'),
    } as const
    source.applyChanges([rename])
    source.applyChanges([rename])
    source.applyChanges([{ kind: 'added', path: 'd.jpg', entry: imageEntry('d.jpg') }])
    source.applyChanges([{ kind: 'added', path: 'd.jpg', entry: imageEntry('d.jpg') }])
    source.applyChanges([{ kind: 'removed', path: 'c.jpg', entry: imageEntry('c.jpg') }])
    source.applyChanges([{ kind: 'removed', path: 'c.jpg', entry: imageEntry('c.jpg') }])
    expect(names(source)).toEqual(['b.jpg', 'd.jpg'])
    expect(source.total).toBe(2)
  })

  it('keeps folders first and follows the sort order', async () => {
    const disk = folderOnDisk([])
    const source = new ListingSource({ ...BY_NAME, sort: 'size', desc: true }, disk.list, 100)
    await source.start()
    const folder = { ...imageEntry('Album'), kind: 'folder', size: 0 } as const
    source.applyChanges([
      { kind: 'added', path: 'small.jpg', entry: imageEntry('small.jpg', '1', 10) },
      { kind: 'added', path: 'big.jpg', entry: imageEntry('big.jpg', '1', 900) },
      { kind: 'added', path: 'Album', entry: folder },
      { kind: 'added', path: 'mid.jpg', entry: imageEntry('mid.jpg', '1', 500) },
    ])
    expect(names(source)).toEqual(['Album', 'big.jpg', 'mid.jpg', 'small.jpg'])
  })

  it('leaves out entries the filter hides', async () => {
    const disk = folderOnDisk(['IMG_1.jpg'])
    const source = new ListingSource({ ...BY_NAME, filter: 'img' }, disk.list, 100)
    await source.start()
    source.applyChanges([
      { kind: 'added', path: 'notes.txt', entry: imageEntry('notes.txt') },
      { kind: 'added', path: 'img_2.jpg', entry: imageEntry('img_2.jpg') },
    ])
    expect(names(source)).toEqual(['IMG_1.jpg', 'img_2.jpg'])
  })

  it('shifts the pages after a change in a loaded page', async () => {
    const all = Array.from({ length: 1000 }, (_, i) => `IMG_${String(i).padStart(4, '0')}.jpg`)
    const disk = folderOnDisk(all)
    const source = new ListingSource(BY_NAME, disk.list, 100)
    await source.start()
    source.ensureRange(500, 599)
    await source.fetchEntry(550)

    disk.add(imageEntry('IMG_0050a.jpg'))
    source.applyChanges([
      { kind: 'added', path: 'IMG_0050a.jpg', entry: imageEntry('IMG_0050a.jpg') },
    ])
    expect(source.total).toBe(1001)
    expect(source.getEntry(51)?.name).toBe('IMG_0050a.jpg')
    expect(source.getEntry(501)?.name).toBe('IMG_0500.jpg')
    await settle()
    expect(disk.requests).toHaveLength(2)
  })
})
