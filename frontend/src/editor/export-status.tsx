/** The state of the latest export: running, saved to a path, failed, or none to show. */
export type ExportStatus =
  { kind: 'busy' } | { kind: 'saved'; path: string } | { kind: 'error'; message: string } | null

export interface ExportStatusBarProps {
  /** A finished export, saved or failed. */
  status: { kind: 'saved'; path: string } | { kind: 'error'; message: string }
  onDismiss: () => void
}

/** Shows where an export was saved, or why it failed, until the user dismisses it. */
export function ExportStatusBar({ status, onDismiss }: ExportStatusBarProps) {
  return (
    <div
      role={status.kind === 'error' ? 'alert' : 'status'}
      data-testid="export-status"
      className={`flex items-center gap-2 border-b px-3 py-1.5 text-xs ${
        status.kind === 'error'
          ? 'border-red-900/60 bg-red-950/60 text-red-100'
          : 'border-emerald-900/60 bg-emerald-950/50 text-emerald-100'
      }`}
    >
      <span className="min-w-0 flex-1 break-all select-text">
        {status.kind === 'error'
          ? `Export failed: ${status.message}`
          : `Exported to ${status.path}`}
      </span>
      <button
        type="button"
        onClick={onDismiss}
        className="h-6 rounded px-1.5 hover:bg-white/10 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
      >
        Dismiss
      </button>
    </div>
  )
}
