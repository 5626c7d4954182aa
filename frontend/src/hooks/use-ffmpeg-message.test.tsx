import { render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as gallery from '@/api/gallery'
import { mediaStatus } from '@/api/gallery'
import { useFFmpegMessage } from '@/hooks/use-ffmpeg-message'

vi.mock('@/api/gallery', async (importOriginal) => ({
  ...(await importOriginal<typeof gallery>()),
  mediaStatus: vi.fn(),
}))

/** Shows the hook's message. */
function Message() {
  return <p data-testid="message">{useFFmpegMessage()}</p>
}

describe('useFFmpegMessage', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('returns the advice when there is no ffmpeg', async () => {
    vi.mocked(mediaStatus).mockResolvedValue({
      ffmpeg: false,
      ffmpegMessage: 'Install ffmpeg to see video thumbnails',
    })
    render(<Message />)
    await waitFor(() =>
      expect(screen.getByTestId('message')).toHaveTextContent(
        'Install ffmpeg to see video thumbnails',
      ),
    )
  })

  it('returns nothing when ffmpeg makes thumbnails', async () => {
    vi.mocked(mediaStatus).mockResolvedValue({ ffmpeg: true, ffmpegMessage: '' })
    render(<Message />)
    await waitFor(() => expect(mediaStatus).toHaveBeenCalled())
    expect(screen.getByTestId('message')).toHaveTextContent('')
  })

  it('returns nothing and warns when the status cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.mocked(mediaStatus).mockRejectedValue(new Error('no app'))
    render(<Message />)
    await waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('no app')))
    expect(screen.getByTestId('message')).toHaveTextContent('')
  })
})
