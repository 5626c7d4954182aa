import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import type { EditorSource } from '@/api/editor'
import { Icon } from '@/components/icon'
import type { ShownFrame } from '@/hooks/use-editor-render'
import { clamp } from '@/lib/editor-state'
import {
  clampPosition,
  fitZoom,
  outputRect,
  viewWindow,
  type Size,
  type ViewPosition,
  type ViewWindow,
} from '@/lib/editor-view'

export interface EditorPreviewProps {
  stageRef: RefObject<HTMLDivElement | null>
  /** The stage in CSS pixels. */
  stage: Size
  /** The stage less the inset on each side, in device pixels, as sent to the Go side. */
  view: Size
  /** Space kept free on each side of the stage, in CSS pixels. */
  inset: number
  source: EditorSource
  frame: ShownFrame | null
  busy: boolean
  error: string | null
  /** null fits each frame to the stage; otherwise the output scale. */
  zoom: number | null
  position: ViewPosition
  /** The output size the overlays and the pan work in: the source while a tool is on. */
  layoutOutput: Size
  /** Panning is on: the view is zoomed past the fit and no tool takes the pointer. */
  pannable: boolean
  onPositionChange: (position: ViewPosition) => void
  /** Zooms by factor around anchor, in device pixels from the stage's top-left. */
  onZoomBy: (factor: number, anchor: ViewPosition) => void
  /** Shows EditorSource.original instead of the edit, while backslash is held. */
  showOriginal: boolean
  /** Position of the split view's divider as a fraction of the stage width, or null. */
  split: number | null
  onSplitChange: (split: number) => void
  /** The tool overlay, drawn over the whole stage; it gets the rect of the whole source. */
  overlay?: (rect: { left: number; top: number; width: number; height: number }) => ReactNode
}

const CHECKERBOARD: CSSProperties = {
  backgroundColor: '#27272a',
  backgroundImage:
    'linear-gradient(45deg, #3f3f46 25%, transparent 25%, transparent 75%, #3f3f46 75%), ' +
    'linear-gradient(45deg, #3f3f46 25%, transparent 25%, transparent 75%, #3f3f46 75%)',
  backgroundSize: '16px 16px',
  backgroundPosition: '0 0, 8px 8px',
}

/**
 * Returns the part of the output a frame shows. A frame requested past the fit shows the visible
 * region only, unless the Go side sent the whole output fitted instead (it does for smart crop
 * and trim, whose area depends on the pixels), which its decoded size shows.
 */
function frameRegion(frame: ShownFrame): ViewWindow {
  const output = { width: frame.result.frame.outputWidth, height: frame.result.frame.outputHeight }
  const whole = { x: 0, y: 0, ...output }
  const { zoom, view, position } = frame.request
  if (zoom <= fitZoom(view, output)) return whole
  const region = viewWindow(position, view, output, zoom)
  const decoded = frame.loaded.frame
  const matches =
    Math.abs(decoded.width - region.width * zoom) <= 2 &&
    Math.abs(decoded.height - region.height * zoom) <= 2
  return matches ? region : whole
}

/**
 * Renders the preview area: the newest decoded frame over a checkerboard, zoom and pan, the split view,
 * the original while backslash is held, and the tool overlay.
 */
export function EditorPreview({
  stageRef,
  stage: fullStage,
  view,
  inset,
  source,
  frame,
  busy,
  error,
  zoom,
  position,
  layoutOutput,
  pannable,
  onPositionChange,
  onZoomBy,
  showOriginal,
  split,
  onSplitChange,
  overlay,
}: EditorPreviewProps) {
  const dpr = window.devicePixelRatio || 1
  const stage = { width: fullStage.width - 2 * inset, height: fullStage.height - 2 * inset }
  const pan = useRef<{ pointer: number; x: number; y: number; start: ViewPosition } | null>(null)
  const [panning, setPanning] = useState(false)

  // The wheel zooms with Ctrl or Cmd and pans otherwise. React's wheel listeners are passive,
  // and the webview would zoom the page unless the default is prevented.
  const wheel = useRef<(event: WheelEvent) => void>(() => {})
  useLayoutEffect(() => {
    wheel.current = (event: WheelEvent) => {
      event.preventDefault()
      const bounds = stageRef.current?.getBoundingClientRect()
      if (!bounds) return
      if (event.ctrlKey || event.metaKey) {
        const anchor = {
          x: (event.clientX - bounds.left - inset) * dpr,
          y: (event.clientY - bounds.top - inset) * dpr,
        }
        onZoomBy(Math.exp(-event.deltaY * 0.002), anchor)
      } else if (zoom !== null) {
        onPositionChange({
          x: position.x + (event.deltaX * dpr) / zoom,
          y: position.y + (event.deltaY * dpr) / zoom,
        })
      }
    }
  })
  useEffect(() => {
    const element = stageRef.current
    if (!element) return
    const onWheel = (event: WheelEvent) => wheel.current(event)
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [stageRef])

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (!pannable || event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    pan.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY, start: position }
    setPanning(true)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const p = pan.current
    if (!p || p.pointer !== event.pointerId || zoom === null) return
    onPositionChange({
      x: p.start.x - ((event.clientX - p.x) * dpr) / zoom,
      y: p.start.y - ((event.clientY - p.y) * dpr) / zoom,
    })
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (pan.current?.pointer !== event.pointerId) return
    pan.current = null
    setPanning(false)
  }

  // Where the frame and the split view's "before" frame go.
  let frameStyle: CSSProperties | null = null
  if (frame) {
    const output = {
      width: frame.result.frame.outputWidth,
      height: frame.result.frame.outputHeight,
    }
    const z = zoom ?? fitZoom(view, output)
    const full = outputRect(stage, output, z, clampPosition(position, view, output, z), dpr)
    const region = frameRegion(frame)
    const scale = z / dpr
    frameStyle = {
      left: inset + full.left + region.x * scale,
      top: inset + full.top + region.y * scale,
      width: region.width * scale,
      height: region.height * scale,
    }
  }
  const layoutZoom = zoom ?? fitZoom(view, layoutOutput)
  const layoutRect = outputRect(
    stage,
    layoutOutput,
    layoutZoom,
    clampPosition(position, view, layoutOutput, layoutZoom),
    dpr,
  )
  const sourceRect = { ...layoutRect, left: layoutRect.left + inset, top: layoutRect.top + inset }

  const splitX = split === null ? 0 : split * fullStage.width
  const beforeSrc = split !== null ? frame?.result.before?.preview : undefined
  let beforeClip = ''
  if (frameStyle && beforeSrc) {
    const left = Number(frameStyle.left)
    const width = Number(frameStyle.width)
    beforeClip = `inset(0 ${clamp(left + width - splitX, 0, width)}px 0 0)`
  }

  let cursor = ''
  if (pannable) cursor = panning ? 'cursor-grabbing' : 'cursor-grab'

  const onDividerKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (split === null) return
    const step = event.shiftKey ? 0.1 : 0.02
    if (event.key === 'ArrowLeft') onSplitChange(clamp(split - step, 0, 1))
    else if (event.key === 'ArrowRight') onSplitChange(clamp(split + step, 0, 1))
    else return
    event.preventDefault()
    event.stopPropagation()
  }

  return (
    <div
      ref={stageRef}
      aria-label="Preview"
      role="region"
      className={`relative min-h-0 flex-1 touch-none overflow-hidden bg-zinc-950 select-none ${cursor}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      {frame && frameStyle && (
        <img
          src={frame.result.frame.preview}
          alt={`Preview of the edited ${source.name}`}
          draggable={false}
          data-testid="editor-preview"
          data-output-width={frame.result.frame.outputWidth}
          data-output-height={frame.result.frame.outputHeight}
          className="absolute max-w-none"
          style={{ ...CHECKERBOARD, ...frameStyle }}
        />
      )}
      {frameStyle && beforeSrc && (
        <img
          src={beforeSrc}
          alt={`Preview of ${source.name} before the colour and effects`}
          draggable={false}
          data-testid="editor-before"
          className="absolute max-w-none"
          style={{ ...CHECKERBOARD, ...frameStyle, clipPath: beforeClip }}
        />
      )}
      {!frame && !error && (
        <p className="absolute inset-0 flex items-center justify-center text-zinc-400">
          Rendering the preview…
        </p>
      )}
      {overlay?.(sourceRect)}
      {split !== null && (
        <>
          <div
            role="slider"
            tabIndex={0}
            aria-label="Split position"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(split * 100)}
            aria-valuetext={`Before on the left ${Math.round(split * 100)} %`}
            data-testid="split-divider"
            onKeyDown={onDividerKey}
            onPointerDown={(event) => {
              event.stopPropagation()
              event.currentTarget.setPointerCapture(event.pointerId)
            }}
            onPointerMove={(event) => {
              if (!event.currentTarget.hasPointerCapture(event.pointerId)) return
              const bounds = stageRef.current?.getBoundingClientRect()
              if (bounds) onSplitChange(clamp((event.clientX - bounds.left) / bounds.width, 0, 1))
            }}
            className="group absolute inset-y-0 z-10 w-4 -translate-x-1/2 cursor-ew-resize outline-none"
            style={{ left: splitX }}
          >
            <div className="absolute inset-y-0 left-1/2 w-0.5 -translate-x-1/2 bg-white/90 shadow group-focus-visible:bg-accent" />
            <div className="absolute top-1/2 left-1/2 flex h-8 w-8 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full border border-zinc-900 bg-white text-zinc-900 shadow group-focus-visible:ring-2 group-focus-visible:ring-accent">
              <Icon name="chevron-left" className="-mr-1 text-xs" />
              <Icon name="chevron-right" className="-ml-1 text-xs" />
            </div>
          </div>
          <span className="pointer-events-none absolute top-2 left-2 rounded bg-zinc-950/85 px-1.5 py-0.5 text-xs text-zinc-100">
            Before
          </span>
          <span className="pointer-events-none absolute top-2 right-2 rounded bg-zinc-950/85 px-1.5 py-0.5 text-xs text-zinc-100">
            After
          </span>
        </>
      )}
      {showOriginal && (
        <div className="absolute inset-0 z-20 flex items-center justify-center bg-zinc-950">
          <img
            src={source.original}
            alt={`The original ${source.name}`}
            draggable={false}
            data-testid="editor-original"
            className="max-h-full max-w-full object-contain"
            style={CHECKERBOARD}
          />
          <span className="absolute top-2 left-2 rounded bg-zinc-950/85 px-1.5 py-0.5 text-xs text-zinc-100">
            Original
          </span>
        </div>
      )}
      {busy && frame && (
        <div className="pointer-events-none absolute right-3 bottom-3 rounded-md bg-zinc-900/85 px-2 py-1 text-xs text-zinc-300">
          Rendering…
        </div>
      )}
      {error && (
        <div
          role="alert"
          className="absolute inset-x-3 bottom-3 z-30 rounded-md border border-red-900/70 bg-red-950/90 px-3 py-2 text-red-100 select-text"
        >
          {error}
        </div>
      )}
    </div>
  )
}
