import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useContext, useEffect } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as files from '@/api/files'
import {
  cancelOperation,
  deleteEntries,
  moveEntries,
  onFileProgress,
  trashEntries,
  undoLast,
  type FileProgress,
  type FileResult,
} from '@/api/files'
import type { Library } from '@/api/gallery'
import { FileOpsProvider } from '@/components/file-ops-provider'
import { FileOpsContext, type FileOps } from '@/lib/file-ops-context'

vi.mock('@/api/files', async (importOriginal) => {
  const actual = await importOriginal<typeof files>()
  return {
    ...actual,
    cancelOperation: vi.fn(() => Promise.resolve()),
    deleteEntries: vi.fn(),
    moveEntries: vi.fn(),
    onFileProgress: vi.fn(() => () => {}),
    trashEntries: vi.fn(),
    undoLast: vi.fn(),
  }
})

const local: Library = { id: 'lib1', kind: 'folder', name: 'Photos', path: '/p' }
const bucket: Library = { id: 'lib2', kind: 's3', name: 'Bucket', path: 's3://b/p' }

function ok(paths: string[], undo = ''): FileResult {
  return { paths, failures: [], undo }
}

/** Renders the provider and returns its operations once they are there. */
function renderProvider(): { ops: () => FileOps } {
  let current: FileOps | null = null
  function Probe() {
    const value = useContext(FileOpsContext)
    useEffect(() => {
      current = value
    })
    return null
  }
  render(
    <div id="root">
      <FileOpsProvider libraries={[local, bucket]}>
        <Probe />
      </FileOpsProvider>
    </div>,
  )
  return {
    ops: () => {
      if (!current) throw new Error('the provider gave no operations')
      return current
    },
  }
}

beforeEach(() => {
  vi.mocked(deleteEntries).mockReset()
  vi.mocked(moveEntries).mockReset()
  vi.mocked(trashEntries).mockReset()
  vi.mocked(undoLast).mockReset()
  vi.mocked(cancelOperation).mockClear()
})

describe('FileOpsProvider', () => {
  it('moves to the trash and offers Undo in the toast', async () => {
    vi.mocked(trashEntries).mockResolvedValue(ok(['a.jpg'], 'Delete of a.jpg'))
    vi.mocked(undoLast).mockResolvedValue({ ...ok(['a.jpg']), kind: 'trash', library: 'lib1' })
    const { ops } = renderProvider()
    act(() => ops().remove('lib1', ['a.jpg'], false))
    const toast = await screen.findByTestId('undo-toast')
    expect(toast).toHaveTextContent('Moved 1 item to the trash')
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(undoLast).toHaveBeenCalledTimes(1))
    expect(await screen.findByText('Undone: 1 item back')).toBeInTheDocument()
  })

  it('deletes for good only after two confirmations', async () => {
    vi.mocked(deleteEntries).mockResolvedValue(ok(['a.jpg', 'b.jpg']))
    const { ops } = renderProvider()
    act(() => ops().remove('lib1', ['a.jpg', 'b.jpg'], true))
    fireEvent.click(await screen.findByRole('button', { name: 'Delete permanently' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, delete' }))
    await waitFor(() => expect(deleteEntries).toHaveBeenCalledTimes(1))
    expect(vi.mocked(deleteEntries).mock.calls[0][0].paths).toEqual(['a.jpg', 'b.jpg'])
    expect(trashEntries).not.toHaveBeenCalled()
  })

  it('deletes nothing when the second confirmation is cancelled', async () => {
    const { ops } = renderProvider()
    act(() => ops().remove('lib1', ['a.jpg'], true))
    fireEvent.click(await screen.findByRole('button', { name: 'Delete permanently' }))
    await screen.findByRole('alertdialog', { name: 'This cannot be undone' })
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(deleteEntries).not.toHaveBeenCalled()
  })

  it('asks twice for S3 libraries, which have no trash', async () => {
    vi.mocked(deleteEntries).mockResolvedValue(ok(['a.jpg']))
    const { ops } = renderProvider()
    act(() => ops().remove('lib2', ['a.jpg'], false))
    expect(await screen.findByText('S3 buckets have no trash.')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: 'Delete permanently' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, delete' }))
    await waitFor(() => expect(deleteEntries).toHaveBeenCalledTimes(1))
    expect(trashEntries).not.toHaveBeenCalled()
  })

  it('shows progress of a bulk operation and cancels it', async () => {
    let progress: ((p: FileProgress) => void) | null = null
    vi.mocked(onFileProgress).mockImplementation((handler) => {
      progress = handler
      return () => {}
    })
    let finish: (r: FileResult) => void = () => {}
    vi.mocked(trashEntries).mockImplementation(() => new Promise((resolve) => (finish = resolve)))
    const { ops } = renderProvider()
    act(() => ops().remove('lib1', ['a', 'b', 'c'], false))
    const bar = await screen.findByTestId('file-progress')
    expect(bar).toHaveTextContent('0 of 3')
    const op = vi.mocked(trashEntries).mock.calls[0][0].op ?? ''
    act(() => progress?.({ op, done: 2, total: 3, path: 'b' }))
    expect(bar).toHaveTextContent('2 of 3')
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(cancelOperation).toHaveBeenCalledWith(op)
    const failure = { path: 'c', code: 'CANCELLED', message: '"c": cancelled' }
    act(() => finish({ paths: ['a', 'b'], failures: [failure], undo: 'x' }))
    const summary = await screen.findByTestId('failure-summary')
    expect(summary).toHaveTextContent('1 item failed, 2 done')
    expect(summary).toHaveTextContent('"c": cancelled')
    expect(screen.queryByTestId('file-progress')).not.toBeInTheDocument()
  })

  it('asks about a clash and moves again with the answer', async () => {
    vi.mocked(moveEntries)
      .mockResolvedValueOnce({
        paths: ['Album/a.jpg'],
        failures: [{ path: 'b.jpg', code: 'EXISTS', message: '"Album/b.jpg" already exists' }],
        undo: 'Move of a.jpg',
      })
      .mockResolvedValueOnce(ok(['Album/b (1).jpg'], 'Move of 2 items'))
    const { ops } = renderProvider()
    act(() => ops().move('lib1', ['a.jpg', 'b.jpg'], { library: 'lib1', path: 'Album' }))
    const dialog = await screen.findByTestId('clash-dialog')
    expect(dialog).toHaveTextContent('“b.jpg” already exists in “Album”')
    fireEvent.click(screen.getByRole('button', { name: 'Keep both' }))
    await waitFor(() => expect(moveEntries).toHaveBeenCalledTimes(2))
    const second = vi.mocked(moveEntries).mock.calls[1][0]
    expect(second.paths).toEqual(['b.jpg'])
    expect(second.clashes).toEqual({ 'b.jpg': 'keep-both' })
    expect(second.continue).toBe(true)
    expect(await screen.findByTestId('undo-toast')).toHaveTextContent('Moved 2 items')
  })
})
