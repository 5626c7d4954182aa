// @vitest-environment node
import { describe, expect, it } from 'vitest'
import type { Entry } from '@/api/gallery'
import { FolderTreeStore } from '@/lib/folder-tree-store'
import { imageEntry } from '@/test/fake-gallery'

function folder(path: string): Entry {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return { ...imageEntry(name), path, kind: 'folder', size: 0, thumbnail: '' }
}

function names(store: FolderTreeStore, path: string): string[] {
  const children = store.get(path)
  return children?.status === 'loaded' ? children.folders.map((f) => f.name) : []
}

/** A store over a fixed tree whose loads have all arrived. */
async function loadedStore(tree: Record<string, string[]>): Promise<FolderTreeStore> {
  const store = new FolderTreeStore('lib', (_library, path) =>
    Promise.resolve((tree[path] ?? []).map(folder)),
  )
  for (const path of Object.keys(tree)) store.load(path)
  await new Promise((resolve) => setTimeout(resolve, 0))
  return store
}

describe('FolderTreeStore changes', () => {
  it('adds, renames and removes subfolders in natural order', async () => {
    const store = await loadedStore({ '': ['2024', 'Album 2', 'Album 10'], 'Album 2': ['raw'] })
    store.applyChanges('', [
      { kind: 'added', path: 'Album 3', entry: folder('Album 3') },
      { kind: 'added', path: 'notes.txt', entry: imageEntry('notes.txt') },
      { kind: 'renamed', oldPath: 'Album 2', path: 'Zoo', entry: folder('Zoo') },
      { kind: 'removed', path: '2024', entry: folder('2024') },
    ])
    expect(names(store, '')).toEqual(['Album 3', 'Album 10', 'Zoo'])
    // The renamed folder's loaded subfolders are forgotten; they load under the new path.
    expect(store.get('Album 2')).toBeUndefined()
  })

  it('shows a folder once when its change arrives twice', async () => {
    const store = await loadedStore({ '': ['a'] })
    const added = { kind: 'added', path: 'b', entry: folder('b') } as const
    store.applyChanges('', [added])
    store.applyChanges('', [added])
    expect(names(store, '')).toEqual(['a', 'b'])
  })

  it('forgets a deleted folder and lists a replaced one again', async () => {
    const tree: Record<string, string[]> = { '': ['card'], card: ['DCIM'] }
    const store = await loadedStore(tree)
    store.applyResync({ library: 'lib', folder: 'card', reason: 'deleted', parent: '' })
    expect(store.get('card')).toBeUndefined()
    store.load('card')
    await new Promise((resolve) => setTimeout(resolve, 0))
    tree.card = ['DCIM', 'MISC']
    store.applyResync({ library: 'lib', folder: 'card', reason: 'replaced', parent: null })
    // The old subfolders stay shown until the new list arrives.
    expect(names(store, 'card')).toEqual(['DCIM'])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(names(store, 'card')).toEqual(['DCIM', 'MISC'])
  })
})
