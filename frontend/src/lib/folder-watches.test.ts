// @vitest-environment node
import { describe, expect, it, vi } from 'vitest'
import { FolderWatches } from '@/lib/folder-watches'

describe('FolderWatches', () => {
  it('sends calls in order, merging those of one tick', async () => {
    const sent: string[] = []
    let finish: () => void = () => {}
    const send = (view: string, library: string, paths: string[]) => {
      sent.push(`${view}:${library}:${paths.join(',')}`)
      return new Promise<void>((resolve) => {
        finish = resolve
      })
    }
    const watches = new FolderWatches(send)
    void watches.set('grid', 'lib', ['a'])
    void watches.set('grid', '', [])
    const done = watches.set('grid', 'lib', ['b'])
    await Promise.resolve()
    await Promise.resolve()
    expect(sent).toEqual(['grid:lib:b'])

    // A change while a call is on its way goes out after it, never before.
    void watches.set('tree', 'lib', ['', 'b'])
    void watches.set('grid', '', [])
    expect(sent).toEqual(['grid:lib:b'])
    finish()
    await new Promise((resolve) => setTimeout(resolve, 0))
    finish()
    await new Promise((resolve) => setTimeout(resolve, 0))
    finish()
    await done
    expect(sent).toEqual(['grid:lib:b', 'grid::', 'tree:lib:,b'])
  })

  it('tries again after a failed call', async () => {
    const sent: string[] = []
    let fail = true
    const send = (view: string, library: string) => {
      sent.push(`${view}:${library}`)
      return fail ? Promise.reject(new Error('not now')) : Promise.resolve()
    }
    const watches = new FolderWatches(send)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await watches.set('grid', 'lib', [''])
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
    fail = false
    await watches.set('grid', 'lib', [''])
    expect(sent).toEqual(['grid:lib', 'grid:lib'])
  })
})
