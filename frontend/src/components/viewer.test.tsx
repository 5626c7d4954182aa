import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as gallery from '@/api/gallery'
import { opened, type Entry, type ListPage } from '@/api/gallery'
import { setFullscreen } from '@/api/runtime'
import { Viewer } from '@/components/viewer'
import { ImageQueue } from '@/lib/image-queue'
import { ImageQueueContext } from '@/lib/image-queue-context'
import { ListingSource } from '@/lib/listing-source'
import { syntheticList } from '@/test/fake-gallery'
import { stubLayout } from '@/test/layout'

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof gallery>()
  return {
    ...actual,
    opened: vi.fn(() => Promise.resolve()),
    videoURL: vi.fn((library: string, path: string) =>
      Promise.resolve(`http://127.0.0.1:9/token/${library}/${path}`),
    ),
    mediaStatus: vi.fn(() =>
      Promise.resolve({ ffmpeg: false, ffmpegMessage: 'Install ffmpeg to see video thumbnails' }),
    ),
  }
})

vi.mock('@/api/runtime', () => ({
  isFullscreen: vi.fn(() => Promise.resolve(false)),
  setFullscreen: vi.fn(),
  onFileDrop: vi.fn(() => () => {}),
  onEvent: vi.fn(() => () => {}),
  copyText: vi.fn(),
}))

const FOLDERS = 2

async function renderViewer(startIndex: number) {
  const fetched: string[] = []
  const queue = new ImageQueue({
    fetch: (url) => {
      fetched.push(url)
      return Promise.resolve(new Response(new Uint8Array(8)))
    },
    createObjectURL: () => `blob:${fetched.length}`,
  })
  const source = new ListingSource(
    { library: 'lib', path: '', sort: 'name', desc: false, filter: '' },
    syntheticList(10, FOLDERS).list,
  )
  await source.start()
  const onClose = vi.fn()
  render(
    <ImageQueueContext value={queue}>
      <Viewer source={source} startIndex={startIndex} onClose={onClose} />
    </ImageQueueContext>,
  )
  return { fetched, onClose }
}

function viewerName(): string | null {
  return screen.getByTestId('viewer').getAttribute('aria-label')
}

beforeEach(() => {
  stubLayout(1024, 768)
  // The viewer fetches metadata with the global fetch; this one never resolves.
  vi.stubGlobal('fetch', () => new Promise<Response>(() => {}))
})

describe('Viewer', () => {
  it('steps through images and skips folders', async () => {
    await renderViewer(FOLDERS)
    expect(viewerName()).toBe('Viewer: IMG_3.jpg')

    fireEvent.keyDown(window, { key: 'ArrowRight' })
    await waitFor(() => expect(viewerName()).toBe('Viewer: IMG_4.jpg'))
    fireEvent.keyDown(window, { key: 'ArrowLeft' })
    await waitFor(() => expect(viewerName()).toBe('Viewer: IMG_3.jpg'))

    // Only folders come before the first image.
    fireEvent.keyDown(window, { key: 'ArrowLeft' })
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(viewerName()).toBe('Viewer: IMG_3.jpg')
  })

  it('shows the preview and preloads the next one', async () => {
    const { fetched } = await renderViewer(FOLDERS)
    await waitFor(() => expect(screen.getByTestId('viewer-image')).toHaveAttribute('src'))
    expect(screen.getByTestId('viewer-image')).toHaveAttribute('data-source', 'preview')
    expect(fetched).toContain('/imagor/preview/IMG_3.jpg')
    await waitFor(() => expect(fetched).toContain('/imagor/preview/IMG_4.jpg'))
  })

  it('loads the original at 100 %', async () => {
    const { fetched } = await renderViewer(FOLDERS + 1)
    fireEvent.keyDown(window, { key: '1' })
    await waitFor(() => expect(fetched).toContain('/imagor/original/IMG_4.jpg'))
    await waitFor(() =>
      expect(screen.getByTestId('viewer-image')).toHaveAttribute('data-source', 'original'),
    )
    expect(screen.getByRole('button', { name: '100 %' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('records each image shown as recent', async () => {
    await renderViewer(FOLDERS)
    await waitFor(() => expect(opened).toHaveBeenCalledWith('lib', 'IMG_3.jpg'))
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    await waitFor(() => expect(opened).toHaveBeenCalledWith('lib', 'IMG_4.jpg'))
  })

  it('closes on Escape with the index shown last', async () => {
    const { onClose } = await renderViewer(FOLDERS)
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    await waitFor(() => expect(viewerName()).toBe('Viewer: IMG_4.jpg'))
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledWith(FOLDERS + 1)
  })

  it('stops the slideshow on any key', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    try {
      await renderViewer(FOLDERS)
      fireEvent.keyDown(window, { key: 's' })
      expect(screen.getByRole('button', { name: 'Stop slideshow' })).toBeInTheDocument()
      await act(() => vi.advanceTimersByTimeAsync(3000))
      await waitFor(() => expect(viewerName()).toBe('Viewer: IMG_4.jpg'))

      fireEvent.keyDown(window, { key: 'x' })
      expect(screen.getByRole('button', { name: 'Start slideshow (S)' })).toBeInTheDocument()
      await act(() => vi.advanceTimersByTimeAsync(3500))
      expect(viewerName()).toBe('Viewer: IMG_4.jpg')
    } finally {
      vi.useRealTimers()
    }
  })

  it('toggles full screen through the Wails runtime', async () => {
    await renderViewer(FOLDERS)
    fireEvent.keyDown(window, { key: 'f' })
    await waitFor(() => expect(setFullscreen).toHaveBeenCalledWith(true))
  })
})

/** Lists a photo, a video without a frame (no ffmpeg) and a RAW file, in that order. */
function mediaList(): Promise<ListPage> {
  const base = { size: 1, modTime: 0, thumbnailLarge: '', original: '', meta: '' }
  const entries: Entry[] = [
    { ...base, name: 'a.jpg', path: 'a.jpg', kind: 'image', thumbnail: '/t/a', preview: '/p/a' },
    { ...base, name: 'clip.webm', path: 'clip.webm', kind: 'video', thumbnail: '', preview: '' },
    {
      ...base,
      name: 'IMG_1.CR2',
      path: 'IMG_1.CR2',
      kind: 'image',
      thumbnail: '/t/raw',
      preview: '/p/raw',
      raw: true,
    },
  ]
  return Promise.resolve({
    library: 'lib',
    path: '',
    entries,
    total: entries.length,
    offset: 0,
    selectIndex: -1,
  })
}

async function renderMediaViewer(startIndex: number) {
  const queue = new ImageQueue({
    fetch: () => Promise.resolve(new Response(new Uint8Array(8))),
    createObjectURL: () => 'blob:media',
  })
  const source = new ListingSource(
    { library: 'lib', path: '', sort: 'name', desc: false, filter: '' },
    mediaList,
  )
  await source.start()
  render(
    <ImageQueueContext value={queue}>
      <Viewer source={source} startIndex={startIndex} onClose={vi.fn()} />
    </ImageQueueContext>,
  )
}

describe('Viewer media', () => {
  it('plays a video from the loopback URL with controls', async () => {
    await renderMediaViewer(1)
    const player = await screen.findByTestId('viewer-video')
    expect(player).toHaveAttribute('src', 'http://127.0.0.1:9/token/lib/clip.webm')
    expect(player).toHaveAttribute('controls')
    expect(screen.queryByTestId('viewer-image')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Zoom in' })).toBeNull()
    expect(await screen.findByTestId('viewer-ffmpeg-note')).toHaveTextContent(
      'Install ffmpeg to see video thumbnails',
    )
  })

  it('steps from a photo to a video and on to a RAW file', async () => {
    await renderMediaViewer(0)
    expect(viewerName()).toBe('Viewer: a.jpg')
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    await waitFor(() => expect(viewerName()).toBe('Viewer: clip.webm'))
    fireEvent.keyDown(window, { key: 'ArrowRight' })
    await waitFor(() => expect(viewerName()).toBe('Viewer: IMG_1.CR2'))
    expect(screen.queryByTestId('viewer-video')).toBeNull()
  })

  it('marks a RAW file as its embedded preview', async () => {
    await renderMediaViewer(2)
    expect(screen.getByTestId('viewer-raw-note')).toHaveTextContent(
      'Embedded camera preview; the RAW data is not decoded',
    )
    await waitFor(() => expect(screen.getByTestId('viewer-image')).toHaveAttribute('src'))
  })

  it('says why a video does not play', async () => {
    await renderMediaViewer(1)
    fireEvent.error(await screen.findByTestId('viewer-video'))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'clip.webm does not play here: the player has no decoder for its format',
    )
  })
})
