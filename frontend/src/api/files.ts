// File operations of the gallery, over the generated bindings of app.Files. Per-path failures
// come back inside the result, beside the paths that worked; a rejected promise means the whole
// request was invalid.
import * as Files from '../../wailsjs/go/app/Files'
import type { app } from '../../wailsjs/go/models'
import { onEvent } from '@/api/runtime'

/** Policy for a taken destination name. "" fails that path with code EXISTS. */
export type Clash = '' | 'replace' | 'keep-both' | 'skip'

export interface FileFailure {
  path: string
  /** NOT_FOUND, EXISTS, OUTSIDE_LIBRARY, PERMISSION, NO_SPACE, CANCELLED, INVALID_ARGUMENT, ... */
  code: string
  message: string
}

export interface FileResult {
  paths: string[]
  failures: FileFailure[]
  /** Label of the operation Undo would revert now, such as "Move of 3 items", or "". */
  undo: string
}

export interface UndoResult extends FileResult {
  kind: string
  library: string
}

export interface FileRequest {
  /** Id that progress events carry and cancelOperation stops. */
  op?: string
  library: string
  /** Library paths, or OS paths for importFiles. */
  paths: string[]
  /** Destination folder of move, copy and import. */
  to?: string
  /** Destination library of move and copy, when it is not library. */
  toLibrary?: string
  clash?: Clash
  /** A clash policy per path of paths. */
  clashes?: Record<string, Clash>
  /** Finishes the previous call of the same kind, so one undo reverts both. */
  continue?: boolean
}

export interface FileProgress {
  op: string
  done: number
  total: number
  path: string
}

/** The Wails event of a bulk operation's progress (app.EventFileProgress). */
export const FILE_PROGRESS_EVENT = 'files:progress'

function toResult(r: app.FileResult): FileResult {
  return { paths: r.paths ?? [], failures: r.failures ?? [], undo: r.undo ?? '' }
}

function toRequest(req: FileRequest): app.FileRequest {
  return {
    op: req.op ?? '',
    library: req.library,
    paths: req.paths,
    to: req.to ?? '',
    toLibrary: req.toLibrary ?? '',
    clash: req.clash ?? '',
    clashes: req.clashes ?? {},
    continue: req.continue ?? false,
  }
}

export async function createFolder(library: string, path: string): Promise<FileResult> {
  return toResult(await Files.CreateFolder(library, path))
}

export async function renameEntry(
  library: string,
  path: string,
  newName: string,
): Promise<FileResult> {
  return toResult(await Files.Rename(library, path, newName))
}

export async function moveEntries(req: FileRequest): Promise<FileResult> {
  return toResult(await Files.Move(toRequest(req)))
}

export async function copyEntries(req: FileRequest): Promise<FileResult> {
  return toResult(await Files.Copy(toRequest(req)))
}

export async function duplicateEntries(req: FileRequest): Promise<FileResult> {
  return toResult(await Files.Duplicate(toRequest(req)))
}

/** Copies OS paths (a drop from the file manager) into the folder req.to. */
export async function importFiles(req: FileRequest): Promise<FileResult> {
  return toResult(await Files.Import(toRequest(req)))
}

export async function trashEntries(req: FileRequest): Promise<FileResult> {
  return toResult(await Files.Trash(toRequest(req)))
}

/** Deletes for good; ask twice before calling it. */
export async function deleteEntries(req: FileRequest): Promise<FileResult> {
  return toResult(await Files.Delete(toRequest(req)))
}

export async function undoLast(): Promise<UndoResult> {
  const r = await Files.Undo()
  return { ...toResult(r), kind: r.kind ?? '', library: r.library ?? '' }
}

export async function cancelOperation(op: string): Promise<void> {
  await Files.Cancel(op)
}

export async function revealEntry(library: string, path: string): Promise<void> {
  await Files.Reveal(library, path)
}

export async function openEntry(library: string, path: string): Promise<void> {
  await Files.OpenDefault(library, path)
}

/** Puts the entry's absolute path on the clipboard through the Wails runtime; resolves to it. */
export async function copyEntryPath(library: string, path: string): Promise<string> {
  return Files.CopyPath(library, path)
}

/** Calls handler with each progress event of a bulk operation. */
export function onFileProgress(handler: (progress: FileProgress) => void): () => void {
  return onEvent(FILE_PROGRESS_EVENT, (payload) => {
    if (typeof payload !== 'object' || payload === null) return
    const p = payload as Partial<FileProgress>
    handler({ op: p.op ?? '', done: p.done ?? 0, total: p.total ?? 0, path: p.path ?? '' })
  })
}
