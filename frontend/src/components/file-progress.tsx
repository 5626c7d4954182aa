export interface FileProgressBarProps {
  /** What runs, such as "Moving to the trash". */
  label: string
  done: number
  total: number
  onCancel: () => void
}

/** Shows how far a bulk file operation is, with a button that stops it. */
export function FileProgressBar({ label, done, total, onCancel }: FileProgressBarProps) {
  return (
    <div
      role="status"
      data-testid="file-progress"
      className="fixed bottom-4 left-1/2 z-[65] flex w-96 -translate-x-1/2 items-center gap-3 rounded-md border border-zinc-700 bg-zinc-800 px-3 py-2 text-sm text-zinc-100 shadow-2xl"
    >
      <div className="min-w-0 flex-1">
        <div className="flex justify-between gap-2">
          <span className="truncate">{label}</span>
          <span className="shrink-0 text-zinc-400 tabular-nums">
            {done} of {total}
          </span>
        </div>
        <progress
          aria-label={label}
          max={Math.max(total, 1)}
          value={done}
          className="mt-1.5 h-1.5 w-full overflow-hidden rounded accent-accent"
        />
      </div>
      <button
        type="button"
        onClick={onCancel}
        className="h-7 shrink-0 rounded-md border border-zinc-600 px-2 hover:bg-zinc-700 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
      >
        Cancel
      </button>
    </div>
  )
}
