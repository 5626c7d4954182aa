import { act, renderHook, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as editorApi from '@/api/editor'
import { exportImage, type EditorState } from '@/api/editor'
import { useEditorExport } from '@/hooks/use-editor-export'
import { DEFAULT_STATE } from '@/lib/editor-state'

vi.mock('@/api/editor', async (importOriginal) => {
  const actual = await importOriginal<typeof editorApi>()
  return { ...actual, exportImage: vi.fn() }
})

describe('useEditorExport', () => {
  let finish: (target: string) => void = () => {}
  beforeEach(() => {
    vi.mocked(exportImage).mockImplementation(
      () => new Promise<string>((resolve) => (finish = resolve)),
    )
  })

  const setup = () => {
    const markSaved = vi.fn()
    const hook = renderHook(
      ({ state }: { state: EditorState }) => useEditorExport('lib', 'a.jpg', state, markSaved),
      { initialProps: { state: DEFAULT_STATE } },
    )
    return { hook, markSaved }
  }

  it('marks the edit saved once the file is written', async () => {
    const { hook, markSaved } = setup()
    act(() => hook.result.current.run())
    await act(() => {
      finish('/out/a.webp')
      return Promise.resolve()
    })
    await waitFor(() =>
      expect(hook.result.current.status).toEqual({ kind: 'saved', path: '/out/a.webp' }),
    )
    expect(markSaved).toHaveBeenCalledTimes(1)
  })

  it('keeps an edit made during the export unsaved', async () => {
    const { hook, markSaved } = setup()
    act(() => hook.result.current.run())
    hook.rerender({ state: { ...DEFAULT_STATE, quality: 70 } })
    await act(() => {
      finish('/out/a.webp')
      return Promise.resolve()
    })
    await waitFor(() =>
      expect(hook.result.current.status).toEqual({ kind: 'saved', path: '/out/a.webp' }),
    )
    expect(markSaved).not.toHaveBeenCalled()
  })
})
