import { useCallback, useEffect, useMemo, useState, type ReactNode, type RefObject } from 'react'
import { cancelOperation, onFileProgress, type FileRequest, type FileResult } from '@/api/files'
import { errorMessage, type Library } from '@/api/gallery'
import { FileDialogs, type FileDialog } from '@/components/file-dialogs'
import { FileProgressBar } from '@/components/file-progress'
import { UndoToast } from '@/components/undo-toast'
import { resolveClashes, type ClashChoice } from '@/lib/clash-resolution'
import { makeFileActions } from '@/lib/file-actions'
import {
  FileOpsContext,
  type FileOps,
  type FolderTarget,
  type PendingFocus,
} from '@/lib/file-ops-context'
import { modalOpen } from '@/lib/modal-state'
import { baseName } from '@/lib/paths'

export interface FileOpsProviderProps {
  libraries: readonly Library[]
  /** Receives the operations, for callers above the provider such as the OS drop handler. */
  opsRef?: RefObject<FileOps | null>
  children: ReactNode
}

interface Progress {
  op: string
  label: string
  done: number
  total: number
}

interface ToastState {
  id: number
  text: string
  undo: boolean
}

type Call = (req: FileRequest) => Promise<FileResult>

let nextId = 1

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('input, select, textarea')
}

/** Provides the gallery's file operations and draws their dialogs, progress bar and toasts. */
export function FileOpsProvider({ libraries, opsRef, children }: FileOpsProviderProps) {
  const [version, setVersion] = useState(0)
  const [clipboard, setClipboard] = useState<FileOps['clipboard']>(null)
  const [dialog, setDialog] = useState<FileDialog | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)
  const [toast, setToast] = useState<ToastState | null>(null)
  const [focus, setFocus] = useState<PendingFocus | null>(null)

  useEffect(
    () =>
      onFileProgress((p) =>
        setProgress((old) => (old?.op === p.op ? { ...old, done: p.done, total: p.total } : old)),
      ),
    [],
  )

  const say = useCallback((text: string, undo = false) => {
    setToast({ id: nextId++, text, undo })
  }, [])

  const folderName = useCallback(
    (target: FolderTarget) => {
      if (target.path !== '') return baseName(target.path)
      return libraries.find((l) => l.id === target.library)?.name ?? 'the library'
    },
    [libraries],
  )

  const ask = useCallback(
    (path: string, remaining: number, folder: string) =>
      new Promise<ClashChoice | null>((resolve) =>
        setDialog({ kind: 'clash', name: baseName(path), folder, remaining, resolve }),
      ),
    [],
  )

  const confirm = useCallback(
    (title: string, body: string, confirmLabel: string) =>
      new Promise<boolean>((resolve) =>
        setDialog({ kind: 'confirm', title, body, confirmLabel, resolve }),
      ),
    [],
  )

  // Runs one call with an operation id, showing the progress bar for more than one path.
  const runBulk = useCallback(async (label: string, req: FileRequest, call: Call) => {
    const op = `files-${nextId++}`
    if (req.paths.length > 1) setProgress({ op, label, done: 0, total: req.paths.length })
    try {
      return await call({ ...req, op })
    } finally {
      setProgress((old) => (old?.op === op ? null : old))
    }
  }, [])

  // Runs call, shows the clash dialog for each taken name, and runs call again for those paths.
  const withClashes = useCallback(
    async (label: string, req: FileRequest, call: Call, target: FolderTarget) => {
      const first = await runBulk(label, req, call)
      const clashing = first.failures.filter((f) => f.code === 'EXISTS')
      if (clashing.length === 0) return first
      const others = first.failures.filter((f) => f.code !== 'EXISTS')
      const folder = folderName(target)
      const clashes = await resolveClashes(clashing, (path, left) => ask(path, left, folder))
      const retry = Object.keys(clashes).filter((p) => clashes[p] !== 'skip')
      if (retry.length === 0) return { ...first, failures: others }
      const second = await runBulk(label, { ...req, paths: retry, clashes, continue: true }, call)
      return {
        paths: [...first.paths, ...second.paths],
        failures: [...others, ...second.failures],
        undo: second.undo,
      }
    },
    [runBulk, ask, folderName],
  )

  // Reloads the listings and reports the outcome in a toast and, for failures, a summary.
  const finish = useCallback(
    (title: string, result: FileResult, done: string, undoable: boolean) => {
      setVersion((v) => v + 1)
      if (result.failures.length > 0) {
        setDialog({
          kind: 'summary',
          title,
          succeeded: result.paths.length,
          failures: result.failures,
        })
      }
      if (result.paths.length > 0) say(done, undoable && result.undo !== '')
    },
    [say],
  )

  const fail = useCallback(
    (title: string) => (err: unknown) => say(`${title} failed: ${errorMessage(err)}`),
    [say],
  )

  const actions = useMemo(
    () =>
      makeFileActions({
        withClashes,
        runBulk,
        finish,
        confirm,
        say,
        fail,
        libraries: () => libraries,
        clipboard: () => clipboard,
        setClipboard,
        focus: (library, path, rename) => setFocus({ id: nextId++, library, path, rename }),
        openPicker: (library, paths, mode) => {
          const lib = libraries.find((l) => l.id === library)
          if (lib) setDialog({ kind: 'picker', library: lib, paths, mode })
        },
      }),
    [withClashes, runBulk, finish, confirm, say, fail, libraries, clipboard],
  )
  const bound = useMemo<FileOps>(
    () => ({ ...actions, version, clipboard, focus }),
    [actions, version, clipboard, focus],
  )

  useEffect(() => {
    if (opsRef) opsRef.current = bound
  }, [opsRef, bound])

  // Cmd/Ctrl+Z in the gallery undoes the last delete, rename or move. A modal (the editor
  // has its own undo) or a text field keeps the key.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey
      if (!mod || event.shiftKey || event.altKey || event.key.toLowerCase() !== 'z') return
      if (modalOpen() || isTyping(event.target) || event.defaultPrevented) return
      event.preventDefault()
      bound.undo()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [bound])

  const closeToast = useCallback(() => setToast(null), [])

  return (
    <FileOpsContext value={bound}>
      {children}
      {dialog && (
        <FileDialogs
          dialog={dialog}
          onClose={() => setDialog(null)}
          onPicked={(d, path) => {
            setDialog(null)
            const target = { library: d.library.id, path }
            if (d.mode === 'move') bound.move(d.library.id, d.paths, target)
            else bound.copyTo(d.library.id, d.paths, target)
          }}
        />
      )}
      {progress && (
        <FileProgressBar
          label={progress.label}
          done={progress.done}
          total={progress.total}
          onCancel={() => void cancelOperation(progress.op)}
        />
      )}
      {toast && !progress && (
        <UndoToast
          id={toast.id}
          text={toast.text}
          onUndo={toast.undo ? bound.undo : undefined}
          onDone={closeToast}
        />
      )}
    </FileOpsContext>
  )
}
