import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import axe from 'axe-core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as gallery from '@/api/gallery'
import { list, type Library } from '@/api/gallery'
import { FolderPane, type FolderPaneProps } from '@/components/folder-pane'
import { computeLayout } from '@/lib/grid-math'
import { ImageQueue } from '@/lib/image-queue'
import { ImageQueueContext } from '@/lib/image-queue-context'
import { forgetScrollOffsets } from '@/lib/scroll-memory'
import { syntheticList } from '@/test/fake-gallery'
import { scrollTo, stubLayout } from '@/test/layout'

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof gallery>()
  return { ...actual, list: vi.fn(), folders: vi.fn(), engineInfo: vi.fn() }
})

const WIDTH = 1024
const HEIGHT = 768
const TILE_SIZE = 160
const TOTAL = 100_000
const library: Library = { id: 'lib1', kind: 'folder', name: 'Photos', path: '/home/me/Photos' }

function renderPane(overrides: Partial<FolderPaneProps> = {}) {
  // Thumbnails never arrive, so every image tile stays a placeholder.
  const queue = new ImageQueue({ fetch: () => new Promise<Response>(() => {}) })
  const props: FolderPaneProps = {
    library,
    path: '',
    select: '',
    filterText: '',
    filter: '',
    sort: 'name',
    desc: false,
    tileSize: TILE_SIZE,
    showNames: true,
    onNavigate: vi.fn(),
    onParent: vi.fn(),
    onFilterChange: vi.fn(),
    onSortChange: vi.fn(),
    onDescChange: vi.fn(),
    onTileSizeChange: vi.fn(),
    onShowNamesChange: vi.fn(),
    onOpenFolder: vi.fn(),
    ...overrides,
  }
  const result = render(
    <ImageQueueContext value={queue}>
      <FolderPane {...props} />
    </ImageQueueContext>,
  )
  return { ...result, props }
}

function domNodeCount(): number {
  return document.querySelectorAll('*').length
}

function focusedLabel(): string | null {
  return document.activeElement?.getAttribute('aria-label') ?? null
}

async function grid(): Promise<HTMLElement> {
  const element = await screen.findByTestId('gallery-grid')
  await waitFor(() => expect(screen.getAllByTestId('tile').length).toBeGreaterThan(0))
  return element
}

/** Scrolls the grid to offset and waits until the tiles there have their entries. */
async function scrollAndLoad(element: HTMLElement, offset: number): Promise<void> {
  act(() => scrollTo(element, offset))
  await waitFor(() => expect(screen.queryAllByTestId('tile-placeholder')).toHaveLength(0))
}

function contentHeight(element: HTMLElement): number {
  return parseFloat((element.firstElementChild as HTMLElement).style.height)
}

beforeEach(() => {
  forgetScrollOffsets()
  stubLayout(WIDTH, HEIGHT)
  vi.mocked(list).mockImplementation(syntheticList(TOTAL).list)
})

describe('computeLayout', () => {
  it('fits columns to the width', () => {
    expect(computeLayout({ width: 1024, tileSize: 160, total: 100, showNames: false })).toEqual({
      columns: 5,
      cellSize: 192,
      rowHeight: 200,
      rowCount: 20,
    })
  })

  it('adds the name line to the row height', () => {
    const layout = computeLayout({ width: 1024, tileSize: 160, total: 101, showNames: true })
    expect(layout.rowHeight).toBe(192 + 24 + 8)
    expect(layout.rowCount).toBe(21)
  })

  it('keeps one column when the width is too small', () => {
    const layout = computeLayout({ width: 50, tileSize: 320, total: 3, showNames: false })
    expect(layout.columns).toBe(1)
    expect(layout.cellSize).toBe(18)
    expect(layout.rowCount).toBe(3)
  })
})

describe('GalleryGrid', () => {
  it('keeps the DOM small across a 100,000-entry folder', async () => {
    renderPane()
    const element = await grid()
    expect(screen.getByText('100,000 items')).toBeInTheDocument()
    expect(domNodeCount()).toBeLessThan(500)
    expect(screen.getAllByTestId('tile')[0]).toHaveAttribute('data-name', 'IMG_1.jpg')

    const height = contentHeight(element)
    const layout = computeLayout({
      width: WIDTH,
      tileSize: TILE_SIZE,
      total: TOTAL,
      showNames: true,
    })
    expect(height).toBeGreaterThan(layout.rowCount * layout.rowHeight - 1)

    await scrollAndLoad(element, height / 2)
    expect(domNodeCount()).toBeLessThan(500)
    const middle = Number(screen.getAllByTestId('tile')[0].dataset.name?.match(/\d+/)?.[0])
    expect(middle).toBeGreaterThan(TOTAL / 2 - 200)
    expect(middle).toBeLessThan(TOTAL / 2 + 200)

    await scrollAndLoad(element, height - HEIGHT)
    expect(domNodeCount()).toBeLessThan(500)
    expect(screen.getByRole('gridcell', { name: /^IMG_100000\.jpg,/ })).toBeInTheDocument()
  })

  it('restores the scroll offset of a folder', async () => {
    const first = renderPane()
    const element = await grid()
    await scrollAndLoad(element, 50_000)
    const topTile = screen.getAllByTestId('tile')[0].dataset.name
    first.unmount()

    renderPane()
    const again = await grid()
    await waitFor(() => expect(again.scrollTop).toBe(50_000))
    await waitFor(() => expect(screen.getAllByTestId('tile')[0].dataset.name).toBe(topTile))
    expect(topTile).not.toBe('IMG_1.jpg')
  })

  it('requests only the pages in and near view', async () => {
    const synthetic = syntheticList(TOTAL)
    vi.mocked(list).mockImplementation(synthetic.list)
    renderPane()
    const element = await grid()
    await scrollAndLoad(element, contentHeight(element) / 2)
    const offsets = new Set(synthetic.requests.map((req) => req.offset))
    expect(offsets.size).toBeLessThan(6)
    for (const req of synthetic.requests) expect(req.limit).toBe(300)
  })

  it('moves the focus with the arrow keys', async () => {
    renderPane()
    await grid()
    const { columns } = computeLayout({
      width: WIDTH,
      tileSize: TILE_SIZE,
      total: TOTAL,
      showNames: true,
    })
    const first = screen.getByRole('gridcell', { name: /^IMG_1\.jpg,/ })
    fireEvent.click(first)
    first.focus()

    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' })
    await waitFor(() => expect(focusedLabel()).toMatch(/^IMG_2\.jpg,/))
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' })
    await waitFor(() => expect(focusedLabel()).toMatch(new RegExp(`^IMG_${2 + columns}\\.jpg,`)))
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' })
    await waitFor(() => expect(focusedLabel()).toMatch(new RegExp(`^IMG_${1 + columns}\\.jpg,`)))
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' })
    await waitFor(() => expect(focusedLabel()).toMatch(/^IMG_1\.jpg,/))
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' })
    await waitFor(() => expect(focusedLabel()).toMatch(/^IMG_1\.jpg,/))
  })

  it('scrolls to the last tile on End', async () => {
    renderPane()
    await grid()
    const first = screen.getByRole('gridcell', { name: /^IMG_1\.jpg,/ })
    fireEvent.click(first)
    first.focus()
    fireEvent.keyDown(first, { key: 'End' })
    await waitFor(() => expect(focusedLabel()).toMatch(/^IMG_100000\.jpg,/))
    expect(domNodeCount()).toBeLessThan(500)
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' })
    await waitFor(() => expect(focusedLabel()).toMatch(/^IMG_1\.jpg,/))
  })

  it('opens a folder on Enter and goes up on Backspace', async () => {
    vi.mocked(list).mockImplementation(syntheticList(50, 3).list)
    const { props } = renderPane()
    await grid()
    const folder = screen.getByRole('gridcell', { name: 'Folder 1, folder' })
    fireEvent.click(folder)
    folder.focus()
    fireEvent.keyDown(folder, { key: 'Enter' })
    expect(props.onNavigate).toHaveBeenCalledWith('Folder 1')
    fireEvent.keyDown(folder, { key: 'Backspace' })
    expect(props.onParent).toHaveBeenCalledTimes(1)
    fireEvent.keyDown(folder, { key: 'ArrowUp', altKey: true })
    expect(props.onParent).toHaveBeenCalledTimes(2)
  })

  it('focuses the selected file once its page is loaded', async () => {
    renderPane({ select: 'IMG_4321.jpg' })
    await screen.findByTestId('gallery-grid')
    await waitFor(() => expect(focusedLabel()).toMatch(/^IMG_4321\.jpg,/))
  })

  it('passes axe-core', async () => {
    vi.mocked(list).mockImplementation(syntheticList(40, 2).list)
    // axe draws icon fonts on a canvas to tell ligatures; jsdom has no canvas.
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
    const { container } = renderPane()
    await grid()
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([])
  })
})
