import type { Library } from '@/api/gallery'
import { ConfirmDialog } from '@/components/confirm-dialog'

export interface RemoveLibraryDialogProps {
  library: Library
  onConfirm: () => void
  onCancel: () => void
}

/** Asks before a library leaves the app, and states that its files stay as they are. */
export function RemoveLibraryDialog({ library, onConfirm, onCancel }: RemoveLibraryDialogProps) {
  const where = library.kind === 's3' ? 'The bucket and its files' : 'The folder and its files'
  return (
    <ConfirmDialog
      title={`Remove “${library.name}”?`}
      confirmLabel="Remove"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        It leaves the sidebar, but its files are not touched. {where} stay as they are, and you can
        add it again at any time.
      </p>
      <p className="mt-2 truncate text-xs text-zinc-400" title={library.path}>
        {library.path}
      </p>
    </ConfirmDialog>
  )
}
