import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { Entry } from '@/api/gallery'
import { Tile, type TileProps } from '@/components/tile'
import { ImageQueue } from '@/lib/image-queue'
import { ImageQueueContext } from '@/lib/image-queue-context'

function imageEntry(name: string): Entry {
  return {
    name,
    path: `photos/${name}`,
    kind: 'image',
    size: 2048,
    modTime: 0,
    thumbnail: `/imagor/thumb/${encodeURIComponent(name)}`,
    thumbnailLarge: `/imagor/large/${encodeURIComponent(name)}`,
    preview: '',
    original: '',
    meta: '',
  }
}

function renderTile(
  entry: Entry,
  fetchImage: (url: string) => Promise<Response>,
  overrides: Partial<TileProps> = {},
) {
  const queue = new ImageQueue({ fetch: fetchImage, createObjectURL: () => 'blob:tile-test' })
  const base: TileProps = {
    entry,
    index: 0,
    cellSize: 160,
    showNames: true,
    focused: false,
    takeFocus: false,
    onSelect: vi.fn(),
    onOpen: vi.fn(),
    onFocusLost: vi.fn(),
  }
  // The second cell stands for another tile with its rename field open.
  const tree = (props: TileProps) => (
    <ImageQueueContext value={queue}>
      <div role="grid">
        <div role="row">
          <Tile {...props} />
          <div role="gridcell">
            <input aria-label="New name for New folder" />
          </div>
        </div>
      </div>
    </ImageQueueContext>
  )
  const view = render(tree({ ...base, ...overrides }))
  const rerenderWith = (changes: Partial<TileProps>) =>
    view.rerender(tree({ ...base, ...overrides, ...changes }))
  return { ...view, rerenderWith }
}

describe('Tile', () => {
  it('shows the message of a JSON error', async () => {
    const body = { reason: 'empty', message: 'Empty file: it has zero bytes' }
    renderTile(imageEntry('empty.jpg'), () =>
      Promise.resolve(new Response(JSON.stringify(body), { status: 422 })),
    )
    const tile = screen.getByTestId('tile')
    expect(tile).toHaveAttribute('data-state', 'loading')
    await waitFor(() => expect(tile).toHaveAttribute('data-state', 'error'))
    expect(screen.getByText('Empty file: it has zero bytes')).toBeInTheDocument()
    expect(tile.querySelector('img')).toBeNull()
  })

  it('shows the thumbnail once loaded', async () => {
    const fetchImage = vi.fn(() => Promise.resolve(new Response(new Uint8Array(4))))
    renderTile(imageEntry('a.jpg'), fetchImage)
    const tile = screen.getByTestId('tile')
    await waitFor(() => expect(tile).toHaveAttribute('data-state', 'loaded'))
    expect(tile.querySelector('img')).toHaveAttribute('src', 'blob:tile-test')
    expect(fetchImage).toHaveBeenCalledWith('/imagor/thumb/a.jpg')
  })

  it('renders markup in a name as text', () => {
    const name = '<b>x</b> & "q".jpg'
    renderTile(imageEntry(name), () => new Promise<Response>(() => {}))
    const tile = screen.getByTestId('tile')
    expect(tile).toHaveAttribute('data-name', name)
    expect(tile).toHaveAttribute('aria-label', `${name}, image, 2 kB`)
    expect(screen.getByText(name)).toHaveAttribute('title', name)
    expect(tile.querySelector('b')).toBeNull()
    expect(tile.innerHTML).toContain('&lt;b&gt;x&lt;/b&gt; &amp; "q".jpg')
  })

  it('labels a folder without a size', () => {
    const folder: Entry = { ...imageEntry('Holidays'), kind: 'folder', thumbnail: '' }
    const fetchImage = vi.fn(() => new Promise<Response>(() => {}))
    renderTile(folder, fetchImage)
    expect(screen.getByRole('gridcell', { name: 'Holidays, folder' })).toHaveAttribute(
      'data-state',
      'loaded',
    )
    expect(fetchImage).not.toHaveBeenCalled()
  })

  it('takes the focus as the focused tile', () => {
    renderTile(imageEntry('a.jpg'), () => new Promise(() => {}), { focused: true, takeFocus: true })
    expect(screen.getByTestId('tile')).toHaveFocus()
  })

  it('leaves the focus in a rename field of another tile', () => {
    const view = renderTile(imageEntry('a.jpg'), () => new Promise(() => {}))
    const field = screen.getByRole('textbox', { name: 'New name for New folder' })
    field.focus()
    view.rerenderWith({ focused: true, takeFocus: true })
    expect(field).toHaveFocus()
  })
})
