import { describe, expect, it, vi } from 'vitest'
import type { FileFailure } from '@/api/files'
import { resolveClashes, type ClashChoice } from '@/lib/clash-resolution'

function exists(path: string): FileFailure {
  return { path, code: 'EXISTS', message: `"${path}" already exists` }
}

describe('resolveClashes', () => {
  it('asks about each clash and ignores other failures', async () => {
    const answers: ClashChoice[] = [
      { clash: 'replace', all: false },
      { clash: 'keep-both', all: false },
    ]
    const ask = vi.fn<(path: string, remaining: number) => Promise<ClashChoice | null>>(() =>
      Promise.resolve(answers.shift() ?? null),
    )
    const failures = [
      exists('a.jpg'),
      { path: 'x', code: 'NO_SPACE', message: 'full' },
      exists('b.jpg'),
    ]
    expect(await resolveClashes(failures, ask)).toEqual({
      'a.jpg': 'replace',
      'b.jpg': 'keep-both',
    })
    expect(ask.mock.calls).toEqual([
      ['a.jpg', 1],
      ['b.jpg', 0],
    ])
  })

  it('applies a choice for all to the remaining clashes without asking', async () => {
    const ask = vi.fn(() => Promise.resolve<ClashChoice>({ clash: 'skip', all: true }))
    const result = await resolveClashes([exists('a'), exists('b'), exists('c')], ask)
    expect(result).toEqual({ a: 'skip', b: 'skip', c: 'skip' })
    expect(ask).toHaveBeenCalledTimes(1)
  })

  it('skips this and every later clash when the dialog is cancelled', async () => {
    const ask = vi
      .fn<(path: string, remaining: number) => Promise<ClashChoice | null>>()
      .mockResolvedValueOnce({ clash: 'replace', all: false })
      .mockResolvedValueOnce(null)
    const result = await resolveClashes([exists('a'), exists('b'), exists('c')], ask)
    expect(result).toEqual({ a: 'replace', b: 'skip', c: 'skip' })
    expect(ask).toHaveBeenCalledTimes(2)
  })
})
