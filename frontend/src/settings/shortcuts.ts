import { shortcutGroups as appShortcutGroups } from '@/lib/editor-shortcuts'

/** One row of the keyboard table: the keys, any of which does the action. */
export interface ShortcutRow {
  keys: readonly string[]
  action: string
}

export interface ShortcutTable {
  title: string
  shortcuts: readonly ShortcutRow[]
}

/** Splits a key list of the shared registry, such as "Enter or Space", into its keys. */
export function splitKeys(keys: string): string[] {
  return keys
    .split(/, | or /)
    .map((key) => key.trim())
    .filter((key) => key !== '')
}

/**
 * Returns every shortcut of the app for the settings page. The gallery, viewer and editor rows
 * come from the registry in lib/editor-shortcuts.ts, which the ? overlay shows too. The rows
 * added here are the ones that registry does not list: the settings page, the folder tree, the
 * name filter, the viewer's mouse gestures and the dialogs (app.tsx, folder-tree.tsx,
 * top-bar.tsx, viewer.tsx and confirm-dialog.tsx).
 */
export function shortcutTables(mac: boolean): ShortcutTable[] {
  const mod = mac ? 'Cmd' : 'Ctrl'
  const shared = new Map(
    appShortcutGroups(mod).map((group) => [
      group.title,
      group.shortcuts.map((s) => ({ keys: splitKeys(s.keys), action: s.action })),
    ]),
  )
  const tables: ShortcutTable[] = [
    {
      title: 'Anywhere in the main window',
      shortcuts: [
        { keys: [`${mod}+,`], action: 'Open Settings' },
        { keys: ['Escape'], action: 'Leave Settings for the gallery' },
      ],
    },
  ]
  const take = (title: string) => {
    const rows = shared.get(title)
    if (rows) tables.push({ title, shortcuts: rows })
    shared.delete(title)
  }

  take('Gallery')
  tables.push(
    {
      title: 'Name filter',
      shortcuts: [{ keys: ['Escape'], action: 'Clear the filter' }],
    },
    {
      title: 'Folder tree',
      shortcuts: [
        { keys: ['Up', 'Down'], action: 'Previous and next folder' },
        { keys: ['Home', 'End'], action: 'First and last folder' },
        { keys: ['Right'], action: 'Expand the folder, or go to its first subfolder' },
        { keys: ['Left'], action: 'Collapse the folder, or go to its parent' },
        { keys: ['Enter', 'Space'], action: 'Show the folder in the grid' },
      ],
    },
  )
  take('Viewer')
  tables.push({
    title: 'Viewer, with the mouse',
    shortcuts: [
      { keys: ['Mouse wheel'], action: 'Zoom around the pointer' },
      { keys: ['Double-click'], action: 'Switch between fit and actual pixels' },
      { keys: ['Drag'], action: 'Pan the image' },
    ],
  })
  take('Editor')
  // Groups the registry gains later are listed too, after the known ones.
  for (const title of [...shared.keys()]) take(title)
  tables.push({
    title: 'Dialogs',
    shortcuts: [{ keys: ['Escape'], action: 'Cancel' }],
  })
  return tables
}
