import {
  copyEntries,
  copyEntryPath,
  createFolder,
  deleteEntries,
  duplicateEntries,
  importFiles,
  moveEntries,
  openEntry,
  renameEntry,
  revealEntry,
  trashEntries,
  undoLast,
  type FileRequest,
  type FileResult,
} from '@/api/files'
import type { Library } from '@/api/gallery'
import type { FileOps, FolderTarget } from '@/lib/file-ops-context'
import { baseName } from '@/lib/paths'

type Call = (req: FileRequest) => Promise<FileResult>

/** Callbacks of the provider that draws the dialogs and toasts of the actions. */
export interface FileActionDeps {
  withClashes: (
    label: string,
    req: FileRequest,
    call: Call,
    target: FolderTarget,
  ) => Promise<FileResult>
  runBulk: (label: string, req: FileRequest, call: Call) => Promise<FileResult>
  finish: (title: string, result: FileResult, done: string, undoable: boolean) => void
  confirm: (title: string, body: string, confirmLabel: string) => Promise<boolean>
  say: (text: string, undo?: boolean) => void
  fail: (title: string) => (err: unknown) => void
  libraries: () => readonly Library[]
  clipboard: () => FileOps['clipboard']
  setClipboard: (clipboard: FileOps['clipboard']) => void
  openPicker: (library: string, paths: string[], mode: 'move' | 'copy') => void
  /** Asks the grid to focus path when it shows the folder again, and to rename it if set. */
  focus: (library: string, path: string, rename: boolean) => void
}

/** How many "New folder (n)" names are tried before giving up. */
const NEW_FOLDER_TRIES = 100

export function items(n: number): string {
  return n === 1 ? '1 item' : `${n} items`
}

function joinPath(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`
}

/** Builds the file operations of FileOps over the bindings, reporting through deps. */
export function makeFileActions(
  deps: FileActionDeps,
): Omit<FileOps, 'version' | 'clipboard' | 'focus'> {
  const { withClashes, runBulk, finish, confirm, say, fail } = deps

  const copyTo = (library: string, paths: string[], target: FolderTarget) => {
    const req = { library, paths, to: target.path, toLibrary: target.library }
    withClashes('Copying', req, copyEntries, target)
      .then((r) => finish('Copy', r, `Copied ${items(r.paths.length)}`, false))
      .catch(fail('Copy'))
  }

  const deleteForGood = async (library: string, paths: string[], why: string) => {
    const what = paths.length === 1 ? `“${baseName(paths[0])}”` : items(paths.length)
    const first = await confirm(`Delete ${what} permanently?`, why, 'Delete permanently')
    if (!first) return
    const second = await confirm(
      'This cannot be undone',
      `${what} will be gone for good. Delete ${paths.length === 1 ? 'it' : 'them'}?`,
      'Yes, delete',
    )
    if (!second) return
    const r = await runBulk('Deleting', { library, paths }, deleteEntries)
    finish('Delete', r, `Deleted ${items(r.paths.length)} permanently`, false)
  }

  return {
    importFiles: (target, sources) => {
      const req = { library: target.library, paths: sources, to: target.path }
      withClashes('Importing', req, importFiles, target)
        .then((r) => finish('Import', r, `Imported ${items(r.paths.length)}`, false))
        .catch(fail('Import'))
    },
    move: (library, paths, target) => {
      const req = { library, paths, to: target.path, toLibrary: target.library }
      withClashes('Moving', req, moveEntries, target)
        .then((r) => finish('Move', r, `Moved ${items(r.paths.length)}`, true))
        .catch(fail('Move'))
    },
    copyTo,
    pickFolder: deps.openPicker,
    duplicate: (library, paths) => {
      runBulk('Duplicating', { library, paths }, duplicateEntries)
        .then((r) => finish('Duplicate', r, `Duplicated ${items(r.paths.length)}`, false))
        .catch(fail('Duplicate'))
    },
    remove: (library, paths, permanent) => {
      const s3 = deps.libraries().find((l) => l.id === library)?.kind === 's3'
      if (s3 || permanent) {
        const why = s3 ? 'S3 buckets have no trash.' : 'They do not go to the trash.'
        deleteForGood(library, paths, why).catch(fail('Delete'))
        return
      }
      runBulk('Moving to the trash', { library, paths }, trashEntries)
        .then((r) =>
          finish('Move to trash', r, `Moved ${items(r.paths.length)} to the trash`, true),
        )
        .catch(fail('Move to trash'))
    },
    rename: async (library, path, newName) => {
      try {
        const r = await renameEntry(library, path, newName)
        const renamed = r.paths[0] ?? null
        if (renamed) deps.focus(library, renamed, false)
        finish('Rename', r, `Renamed to “${newName}”`, true)
        return renamed
      } catch (err) {
        fail('Rename')(err)
        return null
      }
    },
    newFolder: async (library, parent) => {
      for (let n = 0; n < NEW_FOLDER_TRIES; n++) {
        const name = n === 0 ? 'New folder' : `New folder (${n})`
        try {
          const r = await createFolder(library, joinPath(parent, name))
          if (r.failures[0]?.code === 'EXISTS') continue
          const made = r.paths[0] ?? null
          if (made) deps.focus(library, made, true)
          finish('New folder', r, `Made “${name}”`, false)
          return made
        } catch (err) {
          fail('New folder')(err)
          return null
        }
      }
      say(`Every name from “New folder” to “New folder (${NEW_FOLDER_TRIES - 1})” is taken`)
      return null
    },
    undo: () => {
      undoLast()
        .then((r) => finish('Undo', r, `Undone: ${items(r.paths.length)} back`, false))
        .catch(fail('Undo'))
    },
    copy: (library, paths) => {
      deps.setClipboard({ library, paths })
      say(`Copied ${items(paths.length)}; paste with Ctrl+Shift+V in a folder`)
    },
    paste: (target) => {
      const clip = deps.clipboard()
      if (!clip) {
        say('Nothing to paste: copy files first (Ctrl+Shift+C)')
        return
      }
      copyTo(clip.library, clip.paths, target)
    },
    reveal: (library, path) => void revealEntry(library, path).catch(fail('Show in folder')),
    openDefault: (library, path) => void openEntry(library, path).catch(fail('Open')),
    copyPath: (library, path) => {
      copyEntryPath(library, path)
        .then((abs) => say(`Copied ${abs}`))
        .catch(fail('Copy path'))
    },
  }
}
