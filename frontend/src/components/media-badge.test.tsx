import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Entry } from '@/api/gallery'
import { MediaBadge } from '@/components/media-badge'
import { formatDuration } from '@/lib/format'

function entry(overrides: Partial<Entry>): Entry {
  return {
    name: 'x',
    path: 'x',
    kind: 'image',
    size: 1,
    modTime: 0,
    thumbnail: '',
    thumbnailLarge: '',
    preview: '',
    original: '',
    meta: '',
    ...overrides,
  }
}

describe('MediaBadge', () => {
  it('marks a video with a play badge', () => {
    render(<MediaBadge entry={entry({ kind: 'video', name: 'clip.mp4' })} cellSize={160} />)
    expect(screen.getByTestId('tile-badge')).toHaveAttribute('data-badge', 'video')
    expect(screen.getByTestId('tile-badge')).toHaveTextContent('Video')
  })

  it('shows the length of a video when known', () => {
    render(<MediaBadge entry={entry({ kind: 'video', duration: 83_400 })} cellSize={160} />)
    expect(screen.getByTestId('tile-badge')).toHaveTextContent('1:23')
  })

  it('formats lengths as m:ss and h:mm:ss', () => {
    expect(formatDuration(4_000)).toBe('0:04')
    expect(formatDuration(599_600)).toBe('10:00')
    expect(formatDuration(3_725_000)).toBe('1:02:05')
  })

  it('marks a RAW preview', () => {
    render(<MediaBadge entry={entry({ name: 'IMG_1.CR2', raw: true })} cellSize={160} />)
    expect(screen.getByTestId('tile-badge')).toHaveAttribute('data-badge', 'raw')
    expect(screen.getByTestId('tile-badge')).toHaveTextContent('RAW')
  })

  it('leaves other images alone', () => {
    render(<MediaBadge entry={entry({ name: 'a.jpg' })} cellSize={160} />)
    expect(screen.queryByTestId('tile-badge')).toBeNull()
  })
})
