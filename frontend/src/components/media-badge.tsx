import type { Entry } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { formatDuration } from '@/lib/format'

/** The note beside a RAW file's picture in the viewer. */
export const RAW_PREVIEW_NOTE = 'Embedded camera preview; the RAW data is not decoded'

export interface MediaBadgeProps {
  entry: Entry
  cellSize: number
}

const BADGE_CLASS =
  'pointer-events-none absolute flex items-center gap-1 rounded bg-zinc-950/75 px-1.5 ' +
  'text-[10px] leading-4 font-semibold tracking-wide text-zinc-100 ring-1 ring-zinc-100/20'

/**
 * Marks a tile's picture as a video (a play badge with its length when known) or as a RAW file's
 * embedded preview (a RAW badge). Renders nothing for other entries.
 */
export function MediaBadge({ entry, cellSize }: MediaBadgeProps) {
  if (entry.kind === 'video') {
    return (
      <span
        data-testid="tile-badge"
        data-badge="video"
        aria-hidden="true"
        className={`${BADGE_CLASS} py-0.5`}
        style={{ left: 6, top: cellSize - 26 }}
      >
        <Icon name="play" className="text-[10px]" />
        {entry.duration ? formatDuration(entry.duration) : 'Video'}
      </span>
    )
  }
  if (entry.raw) {
    return (
      <span
        data-testid="tile-badge"
        data-badge="raw"
        aria-hidden="true"
        title="Embedded camera preview"
        className={BADGE_CLASS}
        style={{ left: 6, top: 6 }}
      >
        RAW
      </span>
    )
  }
  return null
}
