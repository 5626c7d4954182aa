import {
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type PointerEvent,
} from 'react'
import { createPortal } from 'react-dom'
import { errorMessage, opened } from '@/api/gallery'
import { isFullscreen, setFullscreen } from '@/api/runtime'
import { Icon } from '@/components/icon'
import { IconButton } from '@/components/icon-button'
import { InfoPanel } from '@/components/info-panel'
import { RAW_PREVIEW_NOTE } from '@/components/media-badge'
import { VideoPlayer } from '@/components/video-player'
import { useElementSize } from '@/hooks/use-element-size'
import { useFollowEntry } from '@/hooks/use-follow-entry'
import { useImage } from '@/hooks/use-image'
import { useImageMeta } from '@/hooks/use-image-meta'
import { useModal } from '@/hooks/use-modal'
import { EditorLauncherContext } from '@/lib/editor-launcher'
import { PRIORITY_PRELOAD, PRIORITY_THUMBNAIL, PRIORITY_VIEWER } from '@/lib/image-queue'
import { ImageQueueContext } from '@/lib/image-queue-context'
import type { ListingSource } from '@/lib/listing-source'
import {
  ZOOM_STEP,
  clampZoom,
  fitZoom,
  originalSize,
  panAround,
  type Point,
  type Size,
} from '@/lib/zoom'

const SLIDESHOW_INTERVAL_MS = 3000

/** Returns the classes of the Fit and 100 % buttons, highlighted while their zoom is shown. */
function zoomPresetClass(pressed: boolean): string {
  const state = pressed ? 'bg-accent/20 text-accent-strong' : 'text-zinc-300 hover:bg-zinc-800'
  return (
    'h-8 rounded-md px-2 text-xs font-medium focus-visible:ring-2 focus-visible:ring-accent ' +
    `focus-visible:outline-none ${state}`
  )
}

export interface ViewerProps {
  source: ListingSource
  /** Index of the image to show first, in the listing's order. */
  startIndex: number
  /** Called with the index shown last, so the grid can focus that tile. */
  onClose: (index: number) => void
}

interface Neighbours {
  index: number
  previous: number
  next: number
}

/** Returns the index of the nearest image or video from index in direction step (±1), or -1. */
async function findViewable(source: ListingSource, index: number, step: number): Promise<number> {
  for (let i = index + step; i >= 0; i += step) {
    const entry = await source.fetchEntry(i)
    if (!entry) return -1
    if (entry.kind === 'image' || entry.kind === 'video') return i
  }
  return -1
}

/**
 * Shows one image over the whole window: the preview fitted to the window, zoom and pan,
 * 100 % with the original file, previous and next image, slideshow and an info panel.
 */
export function Viewer({ source, startIndex, onClose }: ViewerProps) {
  const queue = useContext(ImageQueueContext)
  const launcher = useContext(EditorLauncherContext)
  const endModal = useModal()
  const [index, setIndex] = useState(startIndex)
  // Files added or removed before the shown one keep it on screen.
  useFollowEntry(source, index, setIndex)
  /** null fits the window; a number is device pixels per original pixel. */
  const [zoom, setZoom] = useState<number | null>(null)
  const [pan, setPan] = useState<Point>({ x: 0, y: 0 })
  const [wantOriginal, setWantOriginal] = useState(false)
  const [playing, setPlaying] = useState(false)
  const [showInfo, setShowInfo] = useState(false)
  const [fullscreen, setFullscreenState] = useState(false)
  const [neighbours, setNeighbours] = useState<Neighbours | null>(null)
  /** Decoded sizes of the object URLs shown so far, by URL. */
  const [decoded, setDecoded] = useState<ReadonlyMap<string, Size>>(new Map())
  const [dragging, setDragging] = useState(false)
  const dialogRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<HTMLDivElement>(null)
  const stage = useElementSize(stageRef)
  const enteredFullscreen = useRef(false)
  const drag = useRef<{ pointer: number; x: number; y: number } | null>(null)

  const entry = source.getEntry(index)
  const name = entry?.name ?? ''
  const isVideo = entry?.kind === 'video'
  const image =
    entry?.kind === 'image' ? { library: source.query.library, path: entry.path, name } : null
  const preview = useImage(entry?.preview ?? '', PRIORITY_VIEWER)
  const original = useImage(wantOriginal ? (entry?.original ?? '') : '', PRIORITY_VIEWER)
  const placeholder = useImage(entry?.thumbnail ?? '', PRIORITY_THUMBNAIL)
  const meta = useImageMeta(entry?.meta ?? '')

  const shownIsOriginal = original.status === 'loaded'
  let shownSrc = ''
  if (original.status === 'loaded') shownSrc = original.src
  else if (preview.status === 'loaded') shownSrc = preview.src
  const dpr = window.devicePixelRatio || 1

  // The original's size: exact once it is decoded, estimated from the preview until then.
  const previewSize = preview.status === 'loaded' ? decoded.get(preview.src) : undefined
  const originalDecoded = original.status === 'loaded' ? decoded.get(original.src) : undefined
  const metaSize =
    meta.status === 'loaded' && meta.meta.width && meta.meta.height
      ? { width: meta.meta.width, height: meta.meta.height }
      : null
  const trueSize: Size | null =
    originalDecoded ?? (previewSize ? originalSize(previewSize, metaSize) : null)
  const fit = trueSize ? fitZoom(stage, trueSize, dpr) : 1
  const effectiveZoom = zoom ?? fit
  const previewScale = trueSize && previewSize ? previewSize.width / trueSize.width : 1

  const goTo = useCallback((next: number) => {
    setIndex(next)
    setZoom(null)
    setPan({ x: 0, y: 0 })
    setWantOriginal(false)
  }, [])

  const step = useCallback(
    async (direction: number): Promise<boolean> => {
      const next = await findViewable(source, index, direction)
      if (next < 0) return false
      goTo(next)
      return true
    },
    [source, index, goTo],
  )

  const zoomTo = (target: number, anchor: Point = { x: 0, y: 0 }) => {
    const next = clampZoom(target)
    setPan((old) => panAround(old, anchor, effectiveZoom, next))
    setZoom(next)
    // Past the preview's resolution only the original shows real pixels.
    if (next > previewScale * 1.05) setWantOriginal(true)
  }

  const showFit = useCallback(() => {
    setZoom(null)
    setPan({ x: 0, y: 0 })
  }, [])

  const showActualPixels = useCallback(() => {
    setWantOriginal(true)
    setZoom(1)
    setPan({ x: 0, y: 0 })
  }, [])

  const toggleFullscreen = useCallback(() => {
    void isFullscreen().then((on) => {
      setFullscreen(!on)
      enteredFullscreen.current = !on
      setFullscreenState(!on)
    })
  }, [])

  const close = useCallback(() => {
    if (enteredFullscreen.current) setFullscreen(false)
    enteredFullscreen.current = false
    // The grid behind must accept focus again before onClose focuses a tile.
    endModal()
    onClose(index)
  }, [onClose, index, endModal])

  // Keys go to the viewer wherever the focus is, as it covers the whole window.
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => {})
  useLayoutEffect(() => {
    keyHandler.current = (event: KeyboardEvent) => {
      if (
        image &&
        launcher &&
        !event.defaultPrevented &&
        (event.ctrlKey || event.metaKey) &&
        !event.altKey &&
        event.key.toLowerCase() === 'c' &&
        !window.getSelection()?.toString()
      ) {
        event.preventDefault()
        launcher.copyPath(image)
        return
      }
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (playing) {
        event.preventDefault()
        setPlaying(false)
        return
      }
      switch (event.key) {
        case 'Escape':
          close()
          break
        case 'ArrowLeft':
          void step(-1)
          break
        case 'ArrowRight':
          void step(1)
          break
        case '+':
        case '=':
          zoomTo(effectiveZoom * ZOOM_STEP)
          break
        case '-':
        case '_':
          zoomTo(effectiveZoom / ZOOM_STEP)
          break
        case '1':
          showActualPixels()
          break
        case '0':
          showFit()
          break
        case 'f':
        case 'F':
          toggleFullscreen()
          break
        case 's':
        case 'S':
          setPlaying(true)
          break
        case 'i':
        case 'I':
          setShowInfo((on) => !on)
          break
        case 'e':
        case 'E':
          if (!image || !launcher) return
          launcher.edit(image)
          break
        default:
          return
      }
      event.preventDefault()
    }
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => keyHandler.current(event)
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  useEffect(() => {
    const dialog = dialogRef.current
    dialog?.focus({ preventScroll: true })
    return () => {
      if (enteredFullscreen.current) setFullscreen(false)
    }
  }, [])

  // Record each image shown, for File → Open Recent.
  const shownPath = entry?.path ?? ''
  useEffect(() => {
    if (!shownPath) return
    opened(source.query.library, shownPath).catch((err: unknown) =>
      console.warn(`Could not add ${shownPath} to the recent files: ${errorMessage(err)}`),
    )
  }, [source, shownPath])

  // Find the neighbouring images and preload their previews.
  useEffect(() => {
    let cancelled = false
    const leases: { release(): void }[] = []
    void Promise.all([findViewable(source, index, -1), findViewable(source, index, 1)]).then(
      ([previous, next]) => {
        if (cancelled) return
        setNeighbours({ index, previous, next })
        for (const at of [next, previous]) {
          const url = at >= 0 ? source.getEntry(at)?.preview : ''
          if (url) leases.push(queue.acquire(url, PRIORITY_PRELOAD))
        }
      },
    )
    return () => {
      cancelled = true
      for (const lease of leases) lease.release()
    }
  }, [source, index, queue])

  useEffect(() => {
    if (!playing) return
    const timer = setTimeout(() => {
      void step(1).then((moved) => {
        if (!moved) setPlaying(false)
      })
    }, SLIDESHOW_INTERVAL_MS)
    return () => clearTimeout(timer)
  }, [playing, step, index])

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
      zoomTo(effectiveZoom * Math.exp(-event.deltaY * 0.0015), anchor)
    }
  })
  useEffect(() => {
    const element = stageRef.current
    if (!element) return
    const onWheel = (event: WheelEvent) => wheelHandler.current(event)
    element.addEventListener('wheel', onWheel, { passive: false })
    return () => element.removeEventListener('wheel', onWheel)
  }, [])

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
    setPan((old) => ({ x: old.x + dx, y: old.y + dy }))
    if (zoom === null) setZoom(fit)
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointer !== event.pointerId) return
    drag.current = null
    setDragging(false)
  }

  const displaySize = trueSize
    ? {
        width: (trueSize.width * effectiveZoom) / dpr,
        height: (trueSize.height * effectiveZoom) / dpr,
      }
    : null
  const known = neighbours?.index === index
  const zoomPercent = Math.round(effectiveZoom * 100)

  return createPortal(
    <div
      ref={dialogRef}
      role="dialog"
      aria-modal="true"
      aria-label={name ? `Viewer: ${name}` : 'Viewer'}
      data-testid="viewer"
      tabIndex={-1}
      className="fixed inset-0 z-40 flex bg-zinc-950 outline-none"
    >
      <div className="flex min-h-0 min-w-0 flex-1 flex-col">
        <div className="flex h-12 shrink-0 items-center gap-1 border-b border-zinc-800/80 bg-zinc-900/90 px-2">
          <IconButton
            icon="chevron-left"
            label="Previous image"
            disabled={known && neighbours.previous < 0}
            onClick={() => void step(-1)}
          />
          <IconButton
            icon="chevron-right"
            label="Next image"
            testId="viewer-next"
            disabled={known && neighbours.next < 0}
            onClick={() => void step(1)}
          />
          <h2 className="mx-2 min-w-0 flex-1 truncate font-medium text-zinc-100" title={name}>
            {name}
            {entry?.raw && (
              <span
                data-testid="viewer-raw-note"
                className="ml-2 rounded bg-zinc-800 px-1.5 py-0.5 text-xs font-normal text-zinc-300"
              >
                <span className="font-semibold text-zinc-100">RAW</span> · {RAW_PREVIEW_NOTE}
              </span>
            )}
            {trueSize && shownIsOriginal && (
              <span className="ml-2 text-xs font-normal text-zinc-400">
                {Math.round(trueSize.width)} × {Math.round(trueSize.height)}
              </span>
            )}
          </h2>
          {!isVideo && (
            <>
              <IconButton
                icon="zoom-out"
                label="Zoom out"
                onClick={() => zoomTo(effectiveZoom / ZOOM_STEP)}
              />
              <span
                className="w-12 text-center text-xs text-zinc-400 tabular-nums"
                aria-live="polite"
              >
                {zoomPercent} %
              </span>
              <IconButton
                icon="zoom-in"
                label="Zoom in"
                onClick={() => zoomTo(effectiveZoom * ZOOM_STEP)}
              />
              <button
                type="button"
                onClick={showFit}
                aria-pressed={zoom === null}
                title="Fit to window (0)"
                className={zoomPresetClass(zoom === null)}
              >
                Fit
              </button>
              <button
                type="button"
                onClick={showActualPixels}
                aria-pressed={zoom === 1}
                title="Actual pixels (1)"
                data-testid="viewer-actual-size"
                className={zoomPresetClass(zoom === 1)}
              >
                100 %
              </button>
            </>
          )}
          <div className="mx-1 h-5 w-px bg-zinc-800" />
          <IconButton
            icon={playing ? 'pause' : 'play'}
            label={playing ? 'Stop slideshow' : 'Start slideshow (S)'}
            pressed={playing}
            onClick={() => setPlaying((on) => !on)}
          />
          {launcher && (
            <IconButton
              icon="image"
              label="Edit (E)"
              testId="viewer-edit"
              disabled={!image}
              onClick={() => image && launcher.edit(image)}
            >
              <span className="text-xs font-medium">Edit</span>
            </IconButton>
          )}
          <IconButton
            icon="info"
            label="Image information (I)"
            pressed={showInfo}
            onClick={() => setShowInfo((on) => !on)}
          />
          <IconButton
            icon={fullscreen ? 'fullscreen-exit' : 'fullscreen'}
            label={fullscreen ? 'Leave full screen (F)' : 'Full screen (F)'}
            pressed={fullscreen}
            onClick={toggleFullscreen}
          />
          <IconButton icon="close" label="Close viewer (Escape)" onClick={close} />
        </div>

        <div
          ref={stageRef}
          className={`relative min-h-0 flex-1 touch-none overflow-hidden ${
            dragging ? 'cursor-grabbing' : 'cursor-grab'
          }`}
          onPointerDown={isVideo ? undefined : onPointerDown}
          onPointerMove={isVideo ? undefined : onPointerMove}
          onPointerUp={isVideo ? undefined : onPointerUp}
          onPointerCancel={isVideo ? undefined : onPointerUp}
          onDoubleClick={
            isVideo ? undefined : () => (zoom === null ? showActualPixels() : showFit())
          }
        >
          {isVideo && (
            <VideoPlayer
              library={source.query.library}
              entry={entry}
              poster={preview.status === 'loaded' ? preview.src : ''}
            />
          )}
          {!isVideo &&
            !shownSrc &&
            placeholder.status === 'loaded' &&
            preview.status !== 'error' && (
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
                const size = { width: img.naturalWidth, height: img.naturalHeight }
                setDecoded((old) => new Map(old).set(shownSrc, size))
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
      </div>
      {showInfo && entry && <InfoPanel entry={entry} meta={meta} />}
    </div>,
    document.body,
  )
}
