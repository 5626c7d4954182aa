import { describe, expect, it } from 'vitest'
import { shortcutTables, splitKeys } from '@/settings/shortcuts'

describe('splitKeys', () => {
  it.each([
    ['Enter or Space', ['Enter', 'Space']],
    ['Left, Right', ['Left', 'Right']],
    ['Ctrl++, Ctrl+-', ['Ctrl++', 'Ctrl+-']],
    ['Ctrl+Shift+Z or Ctrl+Y', ['Ctrl+Shift+Z', 'Ctrl+Y']],
    ['\\ (hold)', ['\\ (hold)']],
  ])('%s', (keys, expected) => {
    expect(splitKeys(keys)).toEqual(expected)
  })
})

describe('shortcutTables', () => {
  it('lists every part of the app', () => {
    const titles = shortcutTables(false).map((table) => table.title)
    expect(titles).toEqual([
      'Anywhere in the main window',
      'Gallery',
      'Name filter',
      'Folder tree',
      'Viewer',
      'Viewer, with the mouse',
      'Editor',
      'Dialogs',
    ])
  })

  it('names Cmd on macOS', () => {
    const [anywhere] = shortcutTables(true)
    expect(anywhere.shortcuts[0]).toEqual({ keys: ['Cmd+,'], action: 'Open Settings' })
    const editor = shortcutTables(true).find((table) => table.title === 'Editor')
    expect(editor?.shortcuts.find((s) => s.action === 'Undo')?.keys).toEqual(['Cmd+Z'])
  })

  it('leaves no table empty', () => {
    for (const table of shortcutTables(false)) {
      expect(table.shortcuts.length, table.title).toBeGreaterThan(0)
    }
  })
})
