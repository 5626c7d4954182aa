import { useState } from 'react'
import { Icon } from '@/components/icon'
import { useFFmpegMessage } from '@/hooks/use-ffmpeg-message'
import type { ListingSource } from '@/lib/listing-source'

export interface FFmpegNoticeProps {
  source: ListingSource
}

/** Entries of the first page that are looked at for videos. */
const SCAN_ENTRIES = 300

const DISMISS_CLASS =
  'flex h-5 w-5 items-center justify-center rounded text-zinc-400 hover:bg-zinc-800 ' +
  'focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none'

/** The notice is dismissed for the rest of the run, in every folder. */
let dismissed = false

/**
 * Says once, above the grid, that video tiles have no thumbnails because ffmpeg is missing, when
 * the folder's first page contains a video. Tiles themselves show only the video icon.
 */
export function FFmpegNotice({ source }: FFmpegNoticeProps) {
  const message = useFFmpegMessage()
  const [hidden, setHidden] = useState(dismissed)

  if (!message || hidden || source.status !== 'ready') return null
  let hasVideo = false
  for (let i = 0; i < Math.min(source.total, SCAN_ENTRIES) && !hasVideo; i++) {
    hasVideo = source.getEntry(i)?.kind === 'video'
  }
  if (!hasVideo) return null

  return (
    <div
      role="status"
      data-testid="ffmpeg-notice"
      className="flex items-center gap-2 border-b border-zinc-800 bg-zinc-900 px-3 py-1.5 text-xs text-zinc-300"
    >
      <Icon name="video" className="text-zinc-500" />
      <span className="min-w-0 flex-1">{message}</span>
      <button
        type="button"
        aria-label="Dismiss"
        title="Dismiss"
        onClick={() => {
          dismissed = true
          setHidden(true)
        }}
        className={DISMISS_CLASS}
      >
        <Icon name="close" className="text-xs" />
      </button>
    </div>
  )
}
