import { useEffect, useState } from 'react'
import { errorMessage, mediaStatus } from '@/api/gallery'

/**
 * Returns the advice to show when video tiles get no thumbnails because the app has no ffmpeg,
 * or "" when they do or while the media status is not known yet.
 */
export function useFFmpegMessage(): string {
  const [message, setMessage] = useState('')
  useEffect(() => {
    let cancelled = false
    mediaStatus().then(
      (status) => !cancelled && setMessage(status.ffmpeg ? '' : status.ffmpegMessage),
      (err: unknown) => console.warn(`Could not read the media status: ${errorMessage(err)}`),
    )
    return () => {
      cancelled = true
    }
  }, [])
  return message
}
