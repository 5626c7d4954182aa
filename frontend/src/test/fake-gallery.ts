import type { Entry, ListPage, ListRequest } from '@/api/gallery'

/** Builds the entry of a synthetic folder: folders first, then images named IMG_<n>.jpg. */
export function syntheticEntry(index: number, folders = 0): Entry {
  if (index < folders) {
    const name = `Folder ${index + 1}`
    return {
      name,
      path: name,
      kind: 'folder',
      size: 0,
      modTime: 0,
      thumbnail: '',
      thumbnailLarge: '',
      preview: '',
      original: '',
      meta: '',
    }
  }
  const name = `IMG_${index + 1}.jpg`
  return {
    name,
    path: name,
    kind: 'image',
    size: 1000 + index,
    modTime: 1_700_000_000_000 + index,
    thumbnail: `/imagor/thumb/${name}`,
    thumbnailLarge: `/imagor/large/${name}`,
    preview: `/imagor/preview/${name}`,
    original: `/imagor/original/${name}`,
    meta: `/imagor/meta/${name}`,
  }
}

/** Returns a List implementation over total synthetic entries, recording each request. */
export function syntheticList(total: number, folders = 0) {
  const requests: ListRequest[] = []
  const list = (req: ListRequest): Promise<ListPage> => {
    requests.push(req)
    const end = req.limit > 0 ? Math.min(total, req.offset + req.limit) : total
    const entries: Entry[] = []
    for (let i = req.offset; i < end; i++) entries.push(syntheticEntry(i, folders))
    let selectIndex = -1
    if (req.select) {
      for (let i = 0; i < total && selectIndex < 0; i++) {
        if (syntheticEntry(i, folders).path === req.select) selectIndex = i
      }
    }
    return Promise.resolve({
      library: req.library,
      path: req.path,
      entries,
      total,
      offset: req.offset,
      selectIndex,
    })
  }
  return { list, requests }
}

/** Builds an image entry named name, with a thumbnail URL that carries version. */
export function imageEntry(name: string, version = '1', size = 100): Entry {
  return {
    ...syntheticEntry(0),
    name,
    path: name,
    size,
    thumbnail: `/imagor/thumb/${name}?v=${version}`,
  }
}

/**
 * Returns a List implementation over a folder that tests change between requests: entries is
 * kept in name order (plain code-unit order, so tests use names where that is natural order).
 */
export function folderOnDisk(names: string[]) {
  const entries = names.map((name) => imageEntry(name))
  const requests: ListRequest[] = []
  const sortEntries = () => entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  sortEntries()
  const list = (req: ListRequest): Promise<ListPage> => {
    requests.push(req)
    const end = req.limit > 0 ? Math.min(entries.length, req.offset + req.limit) : entries.length
    return Promise.resolve({
      library: req.library,
      path: req.path,
      entries: entries.slice(req.offset, end),
      total: entries.length,
      offset: req.offset,
      selectIndex: req.select ? entries.findIndex((e) => e.path === req.select) : -1,
    })
  }
  const add = (entry: Entry) => {
    entries.push(entry)
    sortEntries()
  }
  const remove = (name: string) => {
    const at = entries.findIndex((e) => e.name === name)
    if (at >= 0) entries.splice(at, 1)
  }
  return { list, requests, entries, add, remove }
}
