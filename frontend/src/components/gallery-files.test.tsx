import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as gallery from '@/api/gallery'
import { list, type Library } from '@/api/gallery'
import { FolderPane } from '@/components/folder-pane'
import { FileOpsContext, type FileOps } from '@/lib/file-ops-context'
import { ImageQueue } from '@/lib/image-queue'
import { ImageQueueContext } from '@/lib/image-queue-context'
import { forgetScrollOffsets } from '@/lib/scroll-memory'
import { syntheticList } from '@/test/fake-gallery'
import { stubLayout } from '@/test/layout'

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof gallery>()
  return { ...actual, list: vi.fn(), folders: vi.fn(), engineInfo: vi.fn() }
})

const library: Library = { id: 'lib1', kind: 'folder', name: 'Photos', path: '/home/me/Photos' }

function fakeOps(): FileOps {
  return {
    version: 0,
    focus: null,
    clipboard: null,
    importFiles: vi.fn(),
    move: vi.fn(),
    copyTo: vi.fn(),
    pickFolder: vi.fn(),
    duplicate: vi.fn(),
    remove: vi.fn(),
    rename: vi.fn(() => Promise.resolve(null)),
    newFolder: vi.fn(() => Promise.resolve(null)),
    undo: vi.fn(),
    copy: vi.fn(),
    paste: vi.fn(),
    reveal: vi.fn(),
    openDefault: vi.fn(),
    copyPath: vi.fn(),
  }
}

function renderPane(ops: FileOps) {
  const queue = new ImageQueue({ fetch: () => new Promise<Response>(() => {}) })
  render(
    <ImageQueueContext value={queue}>
      <FileOpsContext value={ops}>
        <FolderPane
          library={library}
          path=""
          select=""
          filterText=""
          filter=""
          sort="name"
          desc={false}
          tileSize={160}
          showNames
          onNavigate={vi.fn()}
          onParent={vi.fn()}
          onFilterChange={vi.fn()}
          onSortChange={vi.fn()}
          onDescChange={vi.fn()}
          onTileSizeChange={vi.fn()}
          onShowNamesChange={vi.fn()}
          onOpenFolder={vi.fn()}
        />
      </FileOpsContext>
    </ImageQueueContext>,
  )
}

async function tiles(): Promise<HTMLElement[]> {
  await waitFor(() => expect(screen.getAllByTestId('tile').length).toBeGreaterThan(5))
  return screen.getAllByTestId('tile')
}

function selectedNames(): string[] {
  return screen
    .getAllByTestId('tile')
    .filter((t) => t.getAttribute('aria-selected') === 'true')
    .map((t) => t.dataset.name ?? '')
}

beforeEach(() => {
  forgetScrollOffsets()
  stubLayout(1024, 768)
  vi.mocked(list).mockImplementation(syntheticList(40, 2).list)
})

describe('gallery file operations', () => {
  it('selects with Ctrl+click and Shift+click ranges', async () => {
    renderPane(fakeOps())
    const all = await tiles()
    fireEvent.click(all[2])
    fireEvent.click(all[4], { ctrlKey: true })
    expect(selectedNames()).toEqual(['IMG_3.jpg', 'IMG_5.jpg'])
    fireEvent.click(all[6], { shiftKey: true })
    expect(selectedNames()).toEqual(['IMG_5.jpg', 'IMG_6.jpg', 'IMG_7.jpg'])
    fireEvent.keyDown(all[6], { key: 'Escape' })
    expect(selectedNames()).toEqual([])
  })

  it('extends the selection with Shift and the arrow keys', async () => {
    renderPane(fakeOps())
    const all = await tiles()
    fireEvent.click(all[2])
    fireEvent.keyDown(all[2], { key: 'ArrowRight', shiftKey: true })
    fireEvent.keyDown(all[3], { key: 'ArrowRight', shiftKey: true })
    expect(selectedNames()).toEqual(['IMG_3.jpg', 'IMG_4.jpg', 'IMG_5.jpg'])
    fireEvent.keyDown(all[4], { key: 'ArrowLeft', shiftKey: true })
    expect(selectedNames()).toEqual(['IMG_3.jpg', 'IMG_4.jpg'])
  })

  it('moves the selection to the trash with Delete, for good with Shift+Delete', async () => {
    const ops = fakeOps()
    renderPane(ops)
    const all = await tiles()
    fireEvent.click(all[2])
    fireEvent.click(all[3], { ctrlKey: true })
    fireEvent.keyDown(all[3], { key: 'Delete' })
    expect(ops.remove).toHaveBeenLastCalledWith('lib1', ['IMG_3.jpg', 'IMG_4.jpg'], false)
    fireEvent.keyDown(all[3], { key: 'Delete', shiftKey: true })
    expect(ops.remove).toHaveBeenLastCalledWith('lib1', ['IMG_3.jpg', 'IMG_4.jpg'], true)
  })

  it('renames with F2, keeping the extension', async () => {
    const ops = fakeOps()
    renderPane(ops)
    const all = await tiles()
    fireEvent.click(all[2])
    fireEvent.keyDown(all[2], { key: 'F2' })
    await screen.findByTestId('rename-field')
    await userEvent.keyboard('beach{Enter}')
    expect(ops.rename).toHaveBeenCalledWith('lib1', 'IMG_3.jpg', 'beach.jpg')
  })

  it('opens a context menu whose actions apply to the selection', async () => {
    const ops = fakeOps()
    renderPane(ops)
    const all = await tiles()
    fireEvent.click(all[2])
    fireEvent.click(all[3], { ctrlKey: true })
    fireEvent.contextMenu(all[3], { clientX: 300, clientY: 200 })
    const menu = await screen.findByRole('menu', { name: 'File actions' })
    fireEvent.click(within(menu).getByRole('menuitem', { name: /Move to trash/ }))
    expect(ops.remove).toHaveBeenCalledWith('lib1', ['IMG_3.jpg', 'IMG_4.jpg'], false)
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
  })

  it('marks folder tiles as drop targets of their library', async () => {
    renderPane(fakeOps())
    const folder = (await tiles())[0]
    expect(folder.dataset.dropFolder).toBe('Folder 1')
    expect(folder.dataset.dropLibrary).toBe('lib1')
    expect((await tiles())[2].dataset.dropFolder).toBeUndefined()
  })
})
