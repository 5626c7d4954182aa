import { useEffect, useState } from 'react'
import { errorMessage, videoURL, type Entry } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { useFFmpegMessage } from '@/hooks/use-ffmpeg-message'

export interface VideoPlayerProps {
  library: string
  entry: Entry
  /** Object URL of the clip's frame, shown until it plays, or "". */
  poster: string
}

type Source = { path: string; url: string; error: string }

/**
 * Plays a video of the listing with the webview's own player. The file comes from the app's
 * loopback media server, which WebKitGTK's GStreamer can read, unlike the app's own scheme.
 */
export function VideoPlayer({ library, entry, poster }: VideoPlayerProps) {
  const [source, setSource] = useState<Source | null>(null)
  /** A playback failure, for the path it happened on. */
  const [playError, setPlayError] = useState<{ path: string; message: string } | null>(null)
  const ffmpegNote = useFFmpegMessage()
  const path = entry.path

  useEffect(() => {
    let cancelled = false
    videoURL(library, path).then(
      (url) => !cancelled && setSource({ path, url, error: '' }),
      (err: unknown) => !cancelled && setSource({ path, url: '', error: errorMessage(err) }),
    )
    return () => {
      cancelled = true
    }
  }, [library, path])

  const current = source?.path === path ? source : null
  const error = current?.error || (playError?.path === path ? playError.message : '')
  return (
    <div className="absolute inset-0 flex flex-col items-center justify-center gap-2 p-4">
      {error ? (
        <div
          role="alert"
          className="flex max-w-md flex-col items-center gap-3 text-center text-red-200"
        >
          <Icon name="alert" className="text-4xl text-red-400" />
          <p>{error}</p>
        </div>
      ) : (
        current && (
          <video
            key={current.url}
            src={current.url}
            poster={poster || undefined}
            controls
            autoPlay
            preload="metadata"
            data-testid="viewer-video"
            aria-label={entry.name}
            onError={() =>
              setPlayError({
                path,
                message:
                  `${entry.name} does not play here: the player has no decoder for its format. ` +
                  'Open it in a video player.',
              })
            }
            className="min-h-0 max-w-full flex-1 bg-black object-contain"
          />
        )
      )}
      {ffmpegNote && (
        <p data-testid="viewer-ffmpeg-note" className="text-xs text-zinc-400">
          {ffmpegNote}
        </p>
      )}
    </div>
  )
}
