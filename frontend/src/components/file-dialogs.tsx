import type { FileFailure } from '@/api/files'
import type { Library } from '@/api/gallery'
import { ClashDialog } from '@/components/clash-dialog'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { FailureSummary } from '@/components/failure-summary'
import { FolderPicker } from '@/components/folder-picker'
import type { ClashChoice } from '@/lib/clash-resolution'
import { items } from '@/lib/file-actions'

/** The one dialog of the file operations that is open. */
export type FileDialog =
  | {
      kind: 'clash'
      name: string
      folder: string
      remaining: number
      resolve: (choice: ClashChoice | null) => void
    }
  | {
      kind: 'confirm'
      title: string
      body: string
      confirmLabel: string
      resolve: (ok: boolean) => void
    }
  | { kind: 'summary'; title: string; succeeded: number; failures: FileFailure[] }
  | PickerDialog

export interface PickerDialog {
  kind: 'picker'
  library: Library
  paths: string[]
  mode: 'move' | 'copy'
}

export interface FileDialogsProps {
  dialog: FileDialog
  onClose: () => void
  onPicked: (dialog: PickerDialog, path: string) => void
}

/** Draws the open dialog of the file operations and reports the user's choice. */
export function FileDialogs({ dialog, onClose, onPicked }: FileDialogsProps) {
  switch (dialog.kind) {
    case 'clash':
      return (
        <ClashDialog
          name={dialog.name}
          folder={dialog.folder}
          remaining={dialog.remaining}
          onChoose={(choice) => {
            onClose()
            dialog.resolve(choice)
          }}
          onCancel={() => {
            onClose()
            dialog.resolve(null)
          }}
        />
      )
    case 'confirm':
      return (
        <ConfirmDialog
          title={dialog.title}
          confirmLabel={dialog.confirmLabel}
          onConfirm={() => {
            onClose()
            dialog.resolve(true)
          }}
          onCancel={() => {
            onClose()
            dialog.resolve(false)
          }}
        >
          {dialog.body}
        </ConfirmDialog>
      )
    case 'summary':
      return (
        <FailureSummary
          title={dialog.title}
          succeeded={dialog.succeeded}
          failures={dialog.failures}
          onClose={onClose}
        />
      )
    case 'picker': {
      const verb = dialog.mode === 'move' ? 'Move' : 'Copy'
      return (
        <FolderPicker
          library={dialog.library}
          title={`${verb} ${items(dialog.paths.length)} to`}
          confirmLabel={`${verb} here`}
          disabled={new Set(dialog.paths)}
          onPick={(path) => onPicked(dialog, path)}
          onCancel={onClose}
        />
      )
    }
  }
}
