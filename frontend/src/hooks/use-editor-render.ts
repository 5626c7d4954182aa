import { useEffect, useRef, useState } from 'react'
import { errorMessage } from '@/api/gallery'
import { render, type EditorState, type RenderResult } from '@/api/editor'
import { deepEqual } from '@/lib/editor-state'
import { decodeFrame } from '@/lib/editor-frame'
import { RenderScheduler, type Frame } from '@/lib/editor-render'
import type { Size, ViewPosition } from '@/lib/editor-view'

export interface PreviewRequest {
  library: string
  path: string
  /** The state the preview shows. */
  state: EditorState
  /** The state the URL panel shows; it differs from state while a tool shows the source. */
  pathState: EditorState
  /** The split view's "before" state, or null without the split view. */
  before: EditorState | null
  /** The preview area in device pixels. */
  view: Size
  /** 0 fits; otherwise the output scale. */
  zoom: number
  position: ViewPosition
  profile: string
}

export interface PreviewResult {
  frame: RenderResult
  path: RenderResult
  before: RenderResult | null
  /** The profile's error when the signed URL failed and the path was rendered without it. */
  signedError: string
}

export interface DecodedSizes {
  frame: Size
  before: Size | null
}

export type ShownFrame = Frame<PreviewRequest, PreviewResult, DecodedSizes>

export interface EditorRender {
  /**
   * The result of the frame on screen (or of the newest request whose frame failed): path,
   * parts, output size and warnings. It changes with the picture, so the URL shown always
   * belongs to the frame shown.
   */
  result: PreviewResult | null
  /** The decoded frame on screen. */
  frame: ShownFrame | null
  error: string | null
  /** A newer frame is on its way. */
  busy: boolean
}

/** Renders with the profile, or without it when the profile fails, so the preview still shows. */
async function renderSigned(
  request: Omit<Parameters<typeof render>[0], 'profile'>,
  profile: string,
): Promise<{ result: RenderResult; signedError: string }> {
  if (!profile) return { result: await render({ ...request, profile: '' }), signedError: '' }
  try {
    return { result: await render({ ...request, profile }), signedError: '' }
  } catch (err) {
    return { result: await render({ ...request, profile: '' }), signedError: errorMessage(err) }
  }
}

async function renderPreview(request: PreviewRequest): Promise<PreviewResult> {
  const base = {
    library: request.library,
    path: request.path,
    viewWidth: Math.max(1, request.view.width),
    viewHeight: Math.max(1, request.view.height),
    zoom: request.zoom,
    viewX: request.position.x,
    viewY: request.position.y,
  }
  const samePath = deepEqual(request.state, request.pathState)
  const [main, pathOnly, before] = await Promise.all([
    samePath
      ? renderSigned({ ...base, state: request.state }, request.profile)
      : render({ ...base, state: request.state, profile: '' }).then((result) => ({
          result,
          signedError: '',
        })),
    samePath ? null : renderSigned({ ...base, state: request.pathState }, request.profile),
    request.before ? render({ ...base, state: request.before, profile: '' }) : null,
  ])
  const path = pathOnly ?? main
  return { frame: main.result, path: path.result, before, signedError: path.signedError }
}

async function loadPreview(result: PreviewResult): Promise<DecodedSizes> {
  const [frame, before] = await Promise.all([
    decodeFrame(result.frame.preview),
    result.before ? decodeFrame(result.before.preview) : null,
  ])
  return { frame, before }
}

/**
 * Renders the preview of request whenever it changes: debounced, newest first, and swapping a
 * frame in only once it is decoded. A request of null renders nothing.
 */
export function useEditorRender(request: PreviewRequest | null): EditorRender {
  const [shown, setShown] = useState<{ id: number; result: PreviewResult } | null>(null)
  const [frame, setFrame] = useState<ShownFrame | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** The request whose frame is shown or failed last. */
  const [settled, setSettled] = useState('')
  const scheduler = useRef<RenderScheduler<PreviewRequest, PreviewResult, DecodedSizes> | null>(
    null,
  )

  useEffect(() => {
    const s = new RenderScheduler<PreviewRequest, PreviewResult, DecodedSizes>({
      render: renderPreview,
      load: loadPreview,
      onFrame: (next) => {
        setFrame(next)
        setShown((old) => (old && old.id > next.id ? old : { id: next.id, result: next.result }))
        setError(null)
        setSettled(JSON.stringify(next.request))
      },
      onError: (err, failed, id, result) => {
        setError(errorMessage(err))
        setSettled(JSON.stringify(failed))
        if (result) setShown((old) => (old && old.id > id ? old : { id, result }))
      },
    })
    scheduler.current = s
    return () => {
      s.dispose()
      scheduler.current = null
    }
  }, [])

  // Each distinct request is scheduled once, however often the caller re-renders.
  const key = request ? JSON.stringify(request) : ''
  useEffect(() => {
    if (!key || !scheduler.current) return
    scheduler.current.schedule(JSON.parse(key) as PreviewRequest)
  }, [key])

  return { result: shown?.result ?? null, frame, error, busy: key !== '' && key !== settled }
}
