export interface RestoreBannerProps {
  /** The file changed after the edit was saved. */
  stale: boolean
  onRestore: () => void
  onDiscard: () => void
}

/** Offers the edit saved the last time this image was open. */
export function RestoreBanner({ stale, onRestore, onDiscard }: RestoreBannerProps) {
  return (
    <div
      role="status"
      data-testid="restore-banner"
      className="flex flex-wrap items-center gap-2 border-b border-zinc-700 bg-zinc-800 px-3 py-1.5 text-xs text-zinc-100"
    >
      <span className="min-w-0 flex-1">
        This image has an unfinished edit from last time.
        {stale &&
          ' The file changed since it was saved, so the crop and points may not fit; they are cut to the image.'}
      </span>
      <button
        type="button"
        onClick={onRestore}
        data-testid="restore-session"
        className="h-7 rounded-md bg-sky-700 px-2.5 font-medium text-white hover:bg-sky-600 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
      >
        Restore last edit
      </button>
      <button
        type="button"
        onClick={onDiscard}
        data-testid="discard-session"
        className="h-7 rounded-md border border-zinc-600 px-2.5 text-zinc-100 hover:bg-zinc-700 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
      >
        Discard it
      </button>
    </div>
  )
}
