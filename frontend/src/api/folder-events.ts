// The file watcher's events: a batch of changes in a watched folder, or a resync after which
// the folder must be listed again.
import type { app } from '../../wailsjs/go/models'
import { toEntry } from '@/api/gallery'
import type {
  ChangeKind,
  EntryChange,
  FolderChanges,
  FolderResync,
  ResyncReason,
} from '@/api/gallery-types'
import { onEvent } from '@/api/runtime'

/** Events the Go file watcher sends; see app/watch.go. */
export const FOLDER_CHANGES_EVENT = 'folder-changes'
export const FOLDER_RESYNC_EVENT = 'folder-resync'

const CHANGE_KINDS: readonly string[] = ['added', 'changed', 'removed', 'renamed']
const RESYNC_REASONS: readonly string[] = ['overflow', 'many-changes', 'deleted', 'replaced']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function toChange(value: unknown): EntryChange | null {
  if (!isRecord(value) || typeof value.path !== 'string') return null
  if (typeof value.kind !== 'string' || !CHANGE_KINDS.includes(value.kind)) return null
  const change: EntryChange = { kind: value.kind as ChangeKind, path: value.path }
  if (typeof value.oldPath === 'string' && value.oldPath !== '') change.oldPath = value.oldPath
  if (isRecord(value.entry) && typeof value.entry.path === 'string') {
    change.entry = toEntry(value.entry as unknown as app.Entry)
  }
  return change
}

/** Narrows a folder-changes event payload; null when it is not one. */
export function asFolderChanges(payload: unknown): FolderChanges | null {
  if (!isRecord(payload) || typeof payload.library !== 'string') return null
  if (typeof payload.folder !== 'string' || !Array.isArray(payload.changes)) return null
  const changes: EntryChange[] = []
  for (const value of payload.changes) {
    const change = toChange(value)
    if (change) changes.push(change)
  }
  return { library: payload.library, folder: payload.folder, changes }
}

/** Narrows a folder-resync event payload; null when it is not one. */
export function asFolderResync(payload: unknown): FolderResync | null {
  if (!isRecord(payload) || typeof payload.library !== 'string') return null
  if (typeof payload.folder !== 'string' || typeof payload.reason !== 'string') return null
  if (!RESYNC_REASONS.includes(payload.reason)) return null
  const parent = typeof payload.parent === 'string' ? payload.parent : null
  return {
    library: payload.library,
    folder: payload.folder,
    reason: payload.reason as ResyncReason,
    parent,
  }
}

/** Calls handler with every batch of changes the file watcher sends. */
export function onFolderChanges(handler: (changes: FolderChanges) => void): () => void {
  return onEvent(FOLDER_CHANGES_EVENT, (payload) => {
    const changes = asFolderChanges(payload)
    if (changes) handler(changes)
    else console.warn(`Ignored a malformed ${FOLDER_CHANGES_EVENT} event`, payload)
  })
}

/** Calls handler with every resync the file watcher sends. */
export function onFolderResync(handler: (resync: FolderResync) => void): () => void {
  return onEvent(FOLDER_RESYNC_EVENT, (payload) => {
    const resync = asFolderResync(payload)
    if (resync) handler(resync)
    else console.warn(`Ignored a malformed ${FOLDER_RESYNC_EVENT} event`, payload)
  })
}
