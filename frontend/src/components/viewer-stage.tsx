import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type PointerEvent,
  type RefObject,
} from 'react'
import type { Entry } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { VideoPlayer } from '@/components/video-player'
import type { ImageSnapshot } from '@/lib/image-queue'
import type { Point, Size } from '@/lib/zoom'

export interface ViewerStageProps {
  /** The stage element, whose size the viewer fits the image to. */
  stageRef: RefObject<HTMLDivElement | null>
  library: string
  entry: Entry | undefined
  name: string
  preview: ImageSnapshot
  original: ImageSnapshot
  placeholder: ImageSnapshot
  /** Whether the original file was requested, so its loading shows. */
  wantOriginal: boolean
  /** Object URL of the image on screen (the original once loaded, else the preview), or "". */
  shownSrc: string
  shownIsOriginal: boolean
  /** The image's size on screen in CSS pixels, or null until its size is known. */
  displaySize: Size | null
  pan: Point
  effectiveZoom: number
  /** Called while the image is dragged, with the pointer's movement in CSS pixels. */
  onPan: (dx: number, dy: number) => void
  /** Called on the wheel with the zoom factor and the cursor relative to the stage's centre. */
  onZoomAt: (factor: number, anchor: Point) => void
  /** Called on a double click, to switch between fit and actual pixels. */
  onToggleZoom: () => void
  /** Called with the decoded size of an object URL once its image has loaded. */
  onDecoded: (src: string, size: Size) => void
}

/**
 * Shows the viewer's picture area: the video player, or the image with its blurred placeholder,
 * loading and error notes. A drag pans the image and the wheel zooms around the cursor.
 */
export function ViewerStage({
  stageRef,
  library,
  entry,
  name,
  preview,
  original,
  placeholder,
  wantOriginal,
  shownSrc,
  shownIsOriginal,
  displaySize,
  pan,
  effectiveZoom,
  onPan,
  onZoomAt,
  onToggleZoom,
  onDecoded,
}: ViewerStageProps) {
  const [dragging, setDragging] = useState(false)
  const drag = useRef<{ pointer: number; x: number; y: number } | null>(null)
  const isVideo = entry?.kind === 'video'

  // The wheel zooms around the cursor. The listener is not passive so it can keep the webview
  // from zooming the page on Ctrl + wheel.
  const wheelHandler = useRef<(event: WheelEvent) => void>(() => {})
  useLayoutEffect(() => {
    wheelHandler.current = (event: WheelEvent) => {
      event.preventDefault()
      const rect = stageRef.current?.getBoundingClientRect()
      if (!rect) return
      const anchor = {
        x: event.clientX - rect.left - rect.width / 2,
        y: event.clientY - rect.top - rect.height / 2,
      }
      onZoomAt(Math.exp(-event.deltaY * 0.0015), anchor)
    }
  })
  useEffect(() => {
    const element = stageRef.current
    if (!element) return
    const onWheel = (event: WheelEvent) => wheelHandler.current(event)
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [stageRef])

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { pointer: event.pointerId, x: event.clientX, y: event.clientY }
    setDragging(true)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current
    if (!current || current.pointer !== event.pointerId) return
    const dx = event.clientX - current.x
    const dy = event.clientY - current.y
    drag.current = { ...current, x: event.clientX, y: event.clientY }
    onPan(dx, dy)
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer !== event.pointerId) return
    drag.current = null
    setDragging(false)
  }

  return (
    <div
      ref={stageRef}
      className={`relative min-h-0 flex-1 touch-none overflow-hidden ${
        dragging ? 'cursor-grabbing' : 'cursor-grab'
      }`}
      onPointerDown={isVideo ? undefined : onPointerDown}
      onPointerMove={isVideo ? undefined : onPointerMove}
      onPointerUp={isVideo ? undefined : onPointerUp}
      onPointerCancel={isVideo ? undefined : onPointerUp}
      onDoubleClick={isVideo ? undefined : onToggleZoom}
    >
      {isVideo && (
        <VideoPlayer
          library={library}
          entry={entry}
          poster={preview.status === 'loaded' ? preview.src : ''}
        />
      )}
      {!isVideo && !shownSrc && placeholder.status === 'loaded' && preview.status !== 'error' && (
        <img
          src={placeholder.src}
          alt=""
          draggable={false}
          className="absolute inset-0 m-auto max-h-full max-w-full object-contain opacity-60 blur-sm"
        />
      )}
      {!isVideo && shownSrc && (
        <img
          src={shownSrc}
          alt={name}
          draggable={false}
          data-testid="viewer-image"
          data-source={shownIsOriginal ? 'original' : 'preview'}
          onLoad={(event) => {
            const img = event.currentTarget
            onDecoded(shownSrc, { width: img.naturalWidth, height: img.naturalHeight })
          }}
          className="absolute top-1/2 left-1/2 max-w-none select-none"
          style={{
            width: displaySize?.width,
            height: displaySize?.height,
            visibility: displaySize ? 'visible' : 'hidden',
            transform: `translate(calc(-50% + ${pan.x}px), calc(-50% + ${pan.y}px))`,
            imageRendering: effectiveZoom > 2 ? 'pixelated' : 'auto',
          }}
        />
      )}
      {!isVideo && preview.status === 'error' && (
        <div
          role="alert"
          className="absolute inset-0 flex flex-col items-center justify-center gap-3 text-center text-red-200"
        >
          <Icon name="alert" className="text-4xl text-red-400" />
          <p className="max-w-md">{preview.error.message}</p>
        </div>
      )}
      {!isVideo &&
        (preview.status === 'loading' || (wantOriginal && original.status === 'loading')) && (
          <div className="pointer-events-none absolute right-3 bottom-3 rounded-md bg-zinc-900/80 px-2 py-1 text-xs text-zinc-400">
            {preview.status === 'loading' ? 'Loading preview…' : 'Loading full resolution…'}
          </div>
        )}
      {original.status === 'error' && (
        <div
          role="alert"
          className="absolute right-3 bottom-3 rounded-md bg-red-950/80 px-2 py-1 text-xs text-red-200"
        >
          {original.error.message}
        </div>
      )}
    </div>
  )
}
