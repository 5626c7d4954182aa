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
