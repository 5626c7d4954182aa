import type { Entry, Library } from '@/api/gallery'
import type { MenuItem } from '@/components/context-menu'
import type { EditorLauncher } from '@/lib/editor-launcher'
import type { FileOps } from '@/lib/file-ops-context'

/** Returns the shortcut text for a modifier combination: Ctrl on Linux and Windows, ⌘ on macOS. */
export function modKey(mac: boolean): string {
  return mac ? '⌘' : 'Ctrl+'
}

export interface EntryMenuContext {
  library: Library
  /** The entry right-clicked. */
  entry: Entry
  /** Paths the actions apply to: the selection when it contains entry, else entry alone. */
  paths: string[]
  ops: FileOps
  launcher: EditorLauncher | null
  mac: boolean
  /** Position of the menu, for the editor's own menu of signed URLs. */
  x: number
  y: number
  onOpen: () => void
  onRename: () => void
}

/** Returns the context menu of an entry of the grid. */
export function entryMenu(c: EntryMenuContext): MenuItem[] {
  const { library, entry, paths, ops } = c
  const mod = modKey(c.mac)
  const one = paths.length === 1
  const local = library.kind === 'folder'
  const image =
    entry.kind === 'image' ? { library: library.id, path: entry.path, name: entry.name } : null

  const out: MenuItem[] = [{ label: 'Open', shortcut: 'Enter', disabled: !one, onSelect: c.onOpen }]
  if (image && c.launcher) {
    const launcher = c.launcher
    out.push(
      { label: 'Edit', shortcut: 'E', disabled: !one, onSelect: () => launcher.edit(image) },
      { label: 'Copy imagor path', shortcut: `${mod}C`, onSelect: () => launcher.copyPath(image) },
      { label: 'Copy signed URL…', onSelect: () => launcher.openMenu(image, c.x, c.y) },
    )
  }

  out.push(
    { label: 'Rename…', shortcut: 'F2', disabled: !one, separated: true, onSelect: c.onRename },
    { label: 'Duplicate', onSelect: () => ops.duplicate(library.id, paths) },
    { label: 'Copy', shortcut: `${mod}Shift+C`, onSelect: () => ops.copy(library.id, paths) },
  )
  if (entry.kind === 'folder' && one) {
    out.push({
      label: 'Paste into folder',
      shortcut: `${mod}Shift+V`,
      disabled: !ops.clipboard,
      onSelect: () => ops.paste({ library: library.id, path: entry.path }),
    })
  }
  out.push(
    { label: 'Move to…', onSelect: () => ops.pickFolder(library.id, paths, 'move') },
    { label: 'Copy to…', onSelect: () => ops.pickFolder(library.id, paths, 'copy') },
  )
  if (local && one) {
    out.push(
      {
        label: 'Show in file manager',
        separated: true,
        onSelect: () => ops.reveal(library.id, entry.path),
      },
      {
        label: 'Open with default app',
        disabled: entry.kind === 'folder',
        onSelect: () => ops.openDefault(library.id, entry.path),
      },
      { label: 'Copy file path', onSelect: () => ops.copyPath(library.id, entry.path) },
    )
  }

  if (local) {
    out.push({
      label: 'Move to trash',
      shortcut: 'Delete',
      danger: true,
      separated: true,
      onSelect: () => ops.remove(library.id, paths, false),
    })
  }
  out.push({
    label: 'Delete permanently…',
    shortcut: local ? 'Shift+Delete' : 'Delete',
    danger: true,
    separated: !local,
    onSelect: () => ops.remove(library.id, paths, true),
  })
  return out
}

/** Returns the context menu of a folder's background. */
export function folderMenu(
  library: Library,
  folder: string,
  ops: FileOps,
  mac: boolean,
  selectAll: () => void,
): MenuItem[] {
  const mod = modKey(mac)
  return [
    {
      label: 'New folder',
      shortcut: `${mod}Shift+N`,
      disabled: library.kind === 's3',
      onSelect: () => void ops.newFolder(library.id, folder),
    },
    {
      label: 'Paste',
      shortcut: `${mod}Shift+V`,
      disabled: !ops.clipboard,
      onSelect: () => ops.paste({ library: library.id, path: folder }),
    },
    { label: 'Select all', shortcut: `${mod}A`, separated: true, onSelect: selectAll },
  ]
}
