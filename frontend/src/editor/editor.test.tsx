import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as editorApi from '@/api/editor'
import type { EditorSource, EditorState, RenderRequest, RenderResult } from '@/api/editor'
import type * as gallery from '@/api/gallery'
import {
  copy,
  discardSession,
  exportImage,
  openImage,
  profiles,
  render as renderEditor,
  saveSession,
} from '@/api/editor'
import { opened } from '@/api/gallery'
import { Editor } from '@/editor/editor'
import { MERGE_WINDOW_MS } from '@/lib/editor-history'
import { DEFAULT_STATE } from '@/lib/editor-state'
import { stubLayout } from '@/test/layout'

vi.mock('@/api/editor', async (importOriginal) => {
  const actual = await importOriginal<typeof editorApi>()
  return {
    ...actual,
    openImage: vi.fn(),
    render: vi.fn(),
    copy: vi.fn(() => Promise.resolve('copied')),
    copyImage: vi.fn(() => Promise.resolve('copied')),
    exportImage: vi.fn(() => Promise.resolve('')),
    saveSession: vi.fn(() => Promise.resolve()),
    discardSession: vi.fn(() => Promise.resolve()),
    profiles: vi.fn(() => Promise.resolve([])),
  }
})

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof gallery>()
  return { ...actual, opened: vi.fn(() => Promise.resolve()) }
})

vi.mock('@/api/settings', () => ({
  profiles: vi.fn(() => Promise.resolve([])),
  preferences: vi.fn(() => Promise.resolve({})),
  setPreference: vi.fn(() => Promise.resolve()),
}))

// jsdom decodes no images; every frame decodes at once.
vi.mock('@/lib/editor-frame', () => ({
  decodeFrame: vi.fn(() => Promise.resolve({ width: 800, height: 600 })),
}))

const SOURCE: EditorSource = {
  library: 'lib',
  path: 'photos/a.jpg',
  name: 'a.jpg',
  width: 4000,
  height: 3000,
  orientation: 1,
  format: 'jpeg',
  version: 'v1',
  original: '/imagor/original/a.jpg',
  session: null,
  sessionStale: false,
}

/** Returns a fake imagor path that names the edits the tests make. */
function pathOf(state: EditorState): string {
  const filters: string[] = []
  if (state.brightness) filters.push(`brightness(${state.brightness})`)
  if (state.format) filters.push(`format(${state.format})`)
  const crop = state.crop
    ? `${state.crop.left}x${state.crop.top}:${state.crop.left + state.crop.width}x${state.crop.top + state.crop.height}/`
    : ''
  return `/unsafe/${crop}${filters.length ? `filters:${filters.join(':')}/` : ''}photos/a.jpg`
}

let frames = 0

function fakeRender(req: RenderRequest): Promise<RenderResult> {
  frames++
  return Promise.resolve({
    preview: `/imagor/frame/${frames}`,
    path: pathOf(req.state),
    parts: [],
    outputWidth: req.state.crop?.width ?? 4000,
    outputHeight: req.state.crop?.height ?? 3000,
    signedUrl: '',
    warning: '',
  })
}

function renderCalls(): RenderRequest[] {
  return vi.mocked(renderEditor).mock.calls.map(([req]) => req)
}

async function openEditor(source: EditorSource = SOURCE) {
  vi.mocked(openImage).mockResolvedValue(source)
  const onClose = vi.fn()
  render(<Editor library="lib" path="photos/a.jpg" onClose={onClose} />)
  await waitFor(() => expect(screen.getByTestId('editor-path')).toHaveTextContent('/unsafe/'))
  return { onClose }
}

const pathText = () => screen.getByTestId('editor-path').textContent

beforeEach(() => {
  stubLayout(1000, 700)
  frames = 0
  vi.mocked(renderEditor).mockImplementation(fakeRender)
})

describe('Editor', () => {
  it('opens the image, records it and renders it unedited', async () => {
    await openEditor()
    expect(openImage).toHaveBeenCalledWith('lib', 'photos/a.jpg')
    expect(opened).toHaveBeenCalledWith('lib', 'photos/a.jpg')
    expect(pathText()).toBe('/unsafe/photos/a.jpg')
    const first = renderCalls()[0]
    expect(first.state).toEqual(DEFAULT_STATE)
    expect(first.viewWidth).toBeGreaterThan(0)
    expect(first.zoom).toBe(0)
    await waitFor(() => expect(screen.getByTestId('editor-preview')).toHaveAttribute('src'))
  })

  it('renders the new state when a slider changes', async () => {
    await openEditor()
    fireEvent.change(screen.getByTestId('brightness-slider'), { target: { value: '20' } })
    await waitFor(() => expect(renderCalls().some((req) => req.state.brightness === 20)).toBe(true))
    await waitFor(() => expect(pathText()).toBe('/unsafe/filters:brightness(20)/photos/a.jpg'))
    expect(screen.getByTestId('brightness-slider')).toHaveAttribute('aria-valuetext', '+20 %')
  })

  it('restores the previous path on undo and the new one on redo', async () => {
    await openEditor()
    fireEvent.change(screen.getByTestId('brightness-slider'), { target: { value: '20' } })
    await waitFor(() => expect(pathText()).toContain('brightness(20)'))
    fireEvent.change(screen.getByTestId('format-select'), { target: { value: 'webp' } })
    await waitFor(() => expect(pathText()).toContain('format(webp)'))

    fireEvent.click(screen.getByTestId('undo'))
    await waitFor(() => expect(pathText()).toBe('/unsafe/filters:brightness(20)/photos/a.jpg'))
    fireEvent.keyDown(screen.getByTestId('editor'), { key: 'z', ctrlKey: true })
    await waitFor(() => expect(pathText()).toBe('/unsafe/photos/a.jpg'))
    expect(screen.getByTestId('undo')).toBeDisabled()

    fireEvent.keyDown(screen.getByTestId('editor'), { key: 'Z', ctrlKey: true, shiftKey: true })
    await waitFor(() => expect(pathText()).toContain('brightness(20)'))
    fireEvent.click(screen.getByTestId('redo'))
    await waitFor(() => expect(pathText()).toContain('format(webp)'))
  })

  it('makes one undo step of a slider drag', async () => {
    await openEditor()
    const slider = screen.getByTestId('brightness-slider')
    fireEvent.pointerDown(slider)
    // Further apart than the merge window, so only the drag merges them.
    for (const value of ['5', '10', '30']) {
      fireEvent.change(slider, { target: { value } })
      await act(() => new Promise((resolve) => setTimeout(resolve, MERGE_WINDOW_MS + 50)))
    }
    fireEvent.pointerUp(window)
    await waitFor(() => expect(pathText()).toContain('brightness(30)'))
    fireEvent.click(screen.getByTestId('undo'))
    await waitFor(() => expect(pathText()).toBe('/unsafe/photos/a.jpg'))
  })

  it('renders half-size frames during a drag', async () => {
    await openEditor()
    const full = renderCalls()[0].viewWidth
    const slider = screen.getByTestId('brightness-slider')
    fireEvent.pointerDown(slider)
    fireEvent.change(slider, { target: { value: '15' } })
    await waitFor(() => expect(pathText()).toContain('brightness(15)'))
    expect(renderCalls().at(-1)?.viewWidth).toBe(full / 2)
    fireEvent.pointerUp(window)
    await waitFor(() => expect(renderCalls().at(-1)?.viewWidth).toBe(full))
  })

  it('crops with C, an aspect preset and Enter', async () => {
    await openEditor()
    fireEvent.keyDown(screen.getByTestId('editor'), { key: 'c' })
    expect(await screen.findByTestId('crop-box')).toBeInTheDocument()
    // While cropping, the preview shows the uncropped source.
    await waitFor(() => expect(renderCalls().at(-1)?.state.crop).toBeNull())

    fireEvent.click(screen.getByTestId('aspect-16-9'))
    expect(screen.getByTestId('crop-width')).toHaveValue(4000)
    expect(screen.getByTestId('crop-height')).toHaveValue(2250)
    fireEvent.keyDown(screen.getByTestId('aspect-16-9'), { key: 'Enter' })
    expect(screen.queryByTestId('crop-box')).not.toBeInTheDocument()
    await waitFor(() => expect(pathText()).toBe('/unsafe/0x375:4000x2625/photos/a.jpg'))
  })

  it('cancels a crop on Escape', async () => {
    const { onClose } = await openEditor()
    fireEvent.click(screen.getByTestId('crop-toggle'))
    fireEvent.click(screen.getByTestId('aspect-1-1'))
    fireEvent.keyDown(screen.getByTestId('crop-box'), { key: 'Escape' })
    expect(screen.queryByTestId('crop-box')).not.toBeInTheDocument()
    expect(onClose).not.toHaveBeenCalled()
    await waitFor(() => expect(renderCalls().at(-1)?.state.crop).toBeNull())
    expect(pathText()).toBe('/unsafe/photos/a.jpg')
  })

  it('copies the path through the Go side and says so', async () => {
    await openEditor()
    fireEvent.keyDown(screen.getByTestId('editor'), { key: 'c', ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('toast')).toHaveTextContent('Copied'))
    expect(copy).toHaveBeenCalledWith(
      expect.objectContaining({ library: 'lib', path: 'photos/a.jpg', kind: 'path' }),
    )
  })

  it('copies a signed URL for the chosen profile', async () => {
    vi.mocked(profiles).mockResolvedValue([
      { id: 'p1', name: 'CDN', baseUrl: 'https://img.example', secretSet: true },
    ])
    await openEditor()
    expect(screen.getByTestId('copy-signed')).toBeDisabled()
    const select = screen.getByTestId('profile-select')
    await waitFor(() => expect(select).toHaveTextContent('CDN'))
    fireEvent.change(select, { target: { value: 'p1' } })
    await waitFor(() => expect(renderCalls().at(-1)?.profile).toBe('p1'))
    fireEvent.click(screen.getByTestId('copy-signed'))
    await waitFor(() =>
      expect(copy).toHaveBeenCalledWith(expect.objectContaining({ kind: 'signed', profile: 'p1' })),
    )
  })

  it('shows the exported path and clears the unsaved mark', async () => {
    vi.mocked(exportImage).mockResolvedValue('/home/me/a-edit.jpg')
    await openEditor()
    fireEvent.click(screen.getByTestId('flip-h'))
    expect(screen.getByTestId('editor-dirty')).toBeInTheDocument()
    fireEvent.click(screen.getByTestId('export'))
    expect(await screen.findByTestId('export-status')).toHaveTextContent(
      'Exported to /home/me/a-edit.jpg',
    )
    expect(exportImage).toHaveBeenCalledWith(
      'lib',
      'photos/a.jpg',
      expect.objectContaining({ flipH: true }),
    )
    expect(screen.queryByTestId('editor-dirty')).not.toBeInTheDocument()
  })

  it('shows why an export failed', async () => {
    vi.mocked(exportImage).mockRejectedValue('the folder is read-only; choose another folder')
    await openEditor()
    fireEvent.click(screen.getByTestId('export'))
    expect(await screen.findByTestId('export-status')).toHaveTextContent(
      'Export failed: the folder is read-only; choose another folder',
    )
  })

  it('says nothing when the save dialog is cancelled', async () => {
    vi.mocked(exportImage).mockResolvedValue('')
    await openEditor()
    fireEvent.click(screen.getByTestId('export'))
    await waitFor(() => expect(screen.getByTestId('export')).toBeEnabled())
    expect(screen.queryByTestId('export-status')).not.toBeInTheDocument()
  })

  it('closes at once without changes', async () => {
    const { onClose } = await openEditor()
    fireEvent.click(screen.getByTestId('editor-close'))
    expect(onClose).toHaveBeenCalledTimes(1)
  })

  it('confirms leaving after an edit', async () => {
    const { onClose } = await openEditor()
    fireEvent.click(screen.getByTestId('flip-h'))
    fireEvent.click(screen.getByTestId('editor-close'))
    expect(onClose).not.toHaveBeenCalled()
    fireEvent.click(await screen.findByTestId('leave-confirm'))
    expect(onClose).toHaveBeenCalledTimes(1)
    // Closing saves the pending edit as the session at once.
    expect(saveSession).toHaveBeenCalledWith(
      'lib',
      'photos/a.jpg',
      expect.objectContaining({ flipH: true }),
    )
  })

  it('offers to restore the last session', async () => {
    const session = { ...DEFAULT_STATE, brightness: 40 }
    await openEditor({ ...SOURCE, session, sessionStale: true })
    expect(screen.getByTestId('restore-banner')).toHaveTextContent('file changed')
    fireEvent.click(screen.getByTestId('restore-session'))
    await waitFor(() => expect(pathText()).toContain('brightness(40)'))
    expect(screen.queryByTestId('restore-banner')).not.toBeInTheDocument()
    // The restored state is no unsaved change.
    expect(screen.queryByTestId('editor-dirty')).not.toBeInTheDocument()
  })

  it('discards the last session when asked', async () => {
    await openEditor({ ...SOURCE, session: { ...DEFAULT_STATE, hue: 90 } })
    fireEvent.click(screen.getByTestId('discard-session'))
    expect(discardSession).toHaveBeenCalledWith('lib', 'photos/a.jpg')
    expect(pathText()).toBe('/unsafe/photos/a.jpg')
  })

  it('resets one section and keeps the others', async () => {
    await openEditor()
    fireEvent.change(screen.getByTestId('brightness-slider'), { target: { value: '20' } })
    fireEvent.change(screen.getByTestId('format-select'), { target: { value: 'webp' } })
    await waitFor(() => expect(pathText()).toContain('format(webp)'))
    fireEvent.click(screen.getByRole('button', { name: 'Reset colour & effects' }))
    await waitFor(() => expect(pathText()).toBe('/unsafe/filters:format(webp)/photos/a.jpg'))
  })
})
