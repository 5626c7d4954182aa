import { useEffect, useRef, useState } from 'react'
import { exportImage, type EditorState } from '@/api/editor'
import { errorMessage } from '@/api/gallery'
import type { ExportStatus } from '@/editor/export-status'
import { deepEqual } from '@/lib/editor-state'

/** The export of the edit: its status and the actions that start and dismiss it. */
export interface EditorExport {
  status: ExportStatus
  run: () => void
  dismiss: () => void
}

/**
 * Exports state of the image at path through the native save dialog. markSaved is called once
 * the file is written, and a cancelled dialog clears the status.
 */
export function useEditorExport(
  library: string,
  path: string,
  state: EditorState,
  markSaved: () => void,
): EditorExport {
  const [exportStatus, setExportStatus] = useState<ExportStatus>(null)
  // The state at the time the export ends, which edits made during the export have changed.
  const latest = useRef(state)
  useEffect(() => {
    latest.current = state
  }, [state])

  const runExport = () => {
    setExportStatus({ kind: 'busy' })
    const exported = state
    exportImage(library, path, exported).then(
      (target) => {
        if (!target) {
          setExportStatus(null)
          return
        }
        setExportStatus({ kind: 'saved', path: target })
        // An edit made while the export ran is not in the file, so it stays unsaved.
        if (deepEqual(exported, latest.current)) markSaved()
      },
      (err: unknown) => setExportStatus({ kind: 'error', message: errorMessage(err) }),
    )
  }

  return { status: exportStatus, run: runExport, dismiss: () => setExportStatus(null) }
}
