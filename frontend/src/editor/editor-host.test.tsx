import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as editorApi from '@/api/editor'
import { copyImage, openImage, profiles, render as renderEditor } from '@/api/editor'
import type * as gallery from '@/api/gallery'
import { list, type Library } from '@/api/gallery'
import { FolderPane, type FolderPaneProps } from '@/components/folder-pane'
import { EditorHost } from '@/editor/editor-host'
import type { ImageRef } from '@/lib/editor-launcher'
import { ImageQueue } from '@/lib/image-queue'
import { ImageQueueContext } from '@/lib/image-queue-context'
import { syntheticList } from '@/test/fake-gallery'
import { stubLayout } from '@/test/layout'

vi.mock('@/api/editor', async (importOriginal) => {
  const actual = await importOriginal<typeof editorApi>()
  return {
    ...actual,
    openImage: vi.fn(),
    render: vi.fn(),
    copy: vi.fn(() => Promise.resolve('copied')),
    copyImage: vi.fn(() => Promise.resolve('copied')),
    saveSession: vi.fn(() => Promise.resolve()),
    discardSession: vi.fn(() => Promise.resolve()),
    profiles: vi.fn(),
  }
})

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof gallery>()
  return {
    ...actual,
    list: vi.fn(),
    folders: vi.fn(),
    engineInfo: vi.fn(),
    opened: vi.fn(() => Promise.resolve()),
  }
})

vi.mock('@/api/settings', () => ({
  profiles: vi.fn(() => Promise.resolve([])),
  preferences: vi.fn(() => Promise.resolve({})),
  setPreference: vi.fn(() => Promise.resolve()),
}))

vi.mock('@/lib/editor-frame', () => ({
  decodeFrame: vi.fn(() => Promise.resolve({ width: 400, height: 300 })),
}))

const library: Library = { id: 'lib1', kind: 'folder', name: 'Photos', path: '/home/me/Photos' }
const FOLDERS = 2

function renderGallery(startEdit: ImageRef | null = null) {
  const queue = new ImageQueue({ fetch: () => new Promise<Response>(() => {}) })
  const props: FolderPaneProps = {
    library,
    path: '',
    select: '',
    filterText: '',
    filter: '',
    sort: 'name',
    desc: false,
    tileSize: 160,
    showNames: true,
    onNavigate: vi.fn(),
    onParent: vi.fn(),
    onFilterChange: vi.fn(),
    onSortChange: vi.fn(),
    onDescChange: vi.fn(),
    onTileSizeChange: vi.fn(),
    onShowNamesChange: vi.fn(),
    onOpenFolder: vi.fn(),
  }
  render(
    <ImageQueueContext value={queue}>
      <EditorHost startEdit={startEdit}>
        <FolderPane {...props} />
      </EditorHost>
    </ImageQueueContext>,
  )
}

/** Waits for the grid and focuses the first image tile, after the folders. */
async function focusFirstImage(): Promise<HTMLElement> {
  await screen.findByTestId('gallery-grid')
  const tile = await waitFor(() => {
    const found = screen
      .getAllByTestId('tile')
      .find((t) => t.getAttribute('data-index') === String(FOLDERS))
    if (!found) throw new Error('no image tile yet')
    return found
  })
  fireEvent.click(tile)
  await waitFor(() => expect(tile).toHaveFocus())
  return tile
}

beforeEach(() => {
  stubLayout(1024, 768)
  vi.mocked(list).mockImplementation(syntheticList(10, FOLDERS).list)
  vi.mocked(profiles).mockResolvedValue([
    { id: 'p1', name: 'CDN', baseUrl: 'https://img.example', secretSet: true },
  ])
  vi.mocked(openImage).mockImplementation((lib, path) =>
    Promise.resolve({
      library: lib,
      path,
      name: path,
      width: 400,
      height: 300,
      orientation: 1,
      format: 'jpeg',
      version: 'v',
      original: '/imagor/original',
      session: null,
      sessionStale: false,
    }),
  )
  vi.mocked(renderEditor).mockImplementation((req) =>
    Promise.resolve({
      preview: '/imagor/frame',
      path: `/unsafe/${req.path}`,
      parts: [],
      outputWidth: 400,
      outputHeight: 300,
      signedUrl: '',
      warning: '',
    }),
  )
})

describe('EditorHost in the gallery', () => {
  it('opens the editor on E', async () => {
    renderGallery()
    const tile = await focusFirstImage()
    fireEvent.keyDown(tile, { key: 'e' })
    expect(await screen.findByTestId('editor')).toBeInTheDocument()
    expect(openImage).toHaveBeenCalledWith('lib1', 'IMG_3.jpg')
    await waitFor(() => expect(screen.getByTestId('editor-path')).toHaveTextContent('IMG_3.jpg'))

    fireEvent.click(screen.getByTestId('editor-close'))
    expect(screen.queryByTestId('editor')).not.toBeInTheDocument()
  })

  it('ignores E on a folder tile', async () => {
    renderGallery()
    await screen.findByTestId('gallery-grid')
    const folder = await screen.findByRole('gridcell', { name: 'Folder 1, folder' })
    fireEvent.click(folder)
    fireEvent.keyDown(folder, { key: 'e' })
    expect(screen.queryByTestId('editor')).not.toBeInTheDocument()
  })

  it('copies the path of the focused image', async () => {
    renderGallery()
    const tile = await focusFirstImage()
    fireEvent.keyDown(tile, { key: 'c', ctrlKey: true })
    await waitFor(() => expect(copyImage).toHaveBeenCalledWith('lib1', 'IMG_3.jpg', '', 'path'))
    expect(await screen.findByTestId('toast')).toHaveTextContent('Copied')
  })

  it('copies a signed URL from the tile menu', async () => {
    renderGallery()
    const tile = await focusFirstImage()
    fireEvent.contextMenu(tile, { clientX: 100, clientY: 120 })
    const menu = await screen.findByTestId('tile-menu')
    expect(within(menu).getByRole('menuitem', { name: /Edit/ })).toBeInTheDocument()
    expect(within(menu).getByRole('menuitem', { name: 'Copy imagor path' })).toBeInTheDocument()
    const signed = within(menu).getByRole('menuitem', { name: /Copy signed URL/ })
    await waitFor(() => expect(signed).toHaveAttribute('aria-disabled', 'false'))
    fireEvent.click(signed)
    fireEvent.click(await screen.findByRole('menuitem', { name: 'CDN' }))
    await waitFor(() => expect(copyImage).toHaveBeenCalledWith('lib1', 'IMG_3.jpg', 'p1', 'signed'))
    expect(screen.queryByTestId('tile-menu')).not.toBeInTheDocument()
  })

  it('edits from the tile menu', async () => {
    renderGallery()
    const tile = await focusFirstImage()
    fireEvent.contextMenu(tile)
    fireEvent.click(await screen.findByRole('menuitem', { name: /Edit/ }))
    expect(await screen.findByTestId('editor')).toBeInTheDocument()
    expect(openImage).toHaveBeenCalledWith('lib1', 'IMG_3.jpg')
  })

  it('lists the shortcuts on ?', async () => {
    renderGallery()
    const tile = await focusFirstImage()
    fireEvent.keyDown(tile, { key: '?' })
    const overlay = await screen.findByTestId('shortcuts')
    for (const title of ['Gallery', 'Viewer', 'Editor']) {
      expect(within(overlay).getByRole('heading', { name: title })).toBeInTheDocument()
    }
    fireEvent.keyDown(window, { key: 'Escape' })
    expect(screen.queryByTestId('shortcuts')).not.toBeInTheDocument()
  })

  it('edits and copies from the viewer', async () => {
    // The viewer fetches metadata with the global fetch; this one never resolves.
    vi.stubGlobal('fetch', () => new Promise<Response>(() => {}))
    renderGallery()
    const tile = await focusFirstImage()
    fireEvent.keyDown(tile, { key: 'Enter' })
    expect(await screen.findByTestId('viewer')).toBeInTheDocument()

    fireEvent.keyDown(window, { key: 'c', metaKey: true })
    await waitFor(() => expect(copyImage).toHaveBeenCalledWith('lib1', 'IMG_3.jpg', '', 'path'))

    fireEvent.click(screen.getByTestId('viewer-edit'))
    expect(await screen.findByTestId('editor')).toBeInTheDocument()
    // Escape in the editor closes the editor only, back to the viewer.
    await waitFor(() => expect(screen.getByTestId('editor-path')).toHaveTextContent('IMG_3.jpg'))
    fireEvent.keyDown(screen.getByTestId('editor'), { key: 'Escape' })
    expect(screen.queryByTestId('editor')).not.toBeInTheDocument()
    expect(screen.getByTestId('viewer')).toBeInTheDocument()
  })

  it('opens the file given at start in the editor', async () => {
    renderGallery({ library: 'lib1', path: 'IMG_5.jpg', name: 'IMG_5.jpg' })
    expect(await screen.findByTestId('editor')).toBeInTheDocument()
    expect(openImage).toHaveBeenCalledWith('lib1', 'IMG_5.jpg')
  })
})
