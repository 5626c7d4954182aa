import { useCallback, useContext, useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { errorMessage, opened } from '@/api/gallery'
import { isFullscreen, setFullscreen } from '@/api/runtime'
import { InfoPanel } from '@/components/info-panel'
import { ViewerStage } from '@/components/viewer-stage'
import { ViewerToolbar } from '@/components/viewer-toolbar'
import { useElementSize } from '@/hooks/use-element-size'
import { useFollowEntry } from '@/hooks/use-follow-entry'
import { useImage } from '@/hooks/use-image'
import { useImageMeta } from '@/hooks/use-image-meta'
import { useModal } from '@/hooks/use-modal'
import { useViewerKeys } from '@/hooks/use-viewer-keys'
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
  const dialogRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<HTMLDivElement>(null)
  const stage = useElementSize(stageRef)
  const enteredFullscreen = useRef(false)

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

  const zoomIn = () => zoomTo(effectiveZoom * ZOOM_STEP)
  const zoomOut = () => zoomTo(effectiveZoom / ZOOM_STEP)
  const toggleInfo = () => setShowInfo((on) => !on)

  useViewerKeys({
    playing,
    stopSlideshow: () => setPlaying(false),
    copyPath: image && launcher ? () => launcher.copyPath(image) : null,
    edit: image && launcher ? () => launcher.edit(image) : null,
    close,
    previous: () => void step(-1),
    next: () => void step(1),
    zoomIn,
    zoomOut,
    showActualPixels,
    showFit,
    toggleFullscreen,
    startSlideshow: () => setPlaying(true),
    toggleInfo,
  })

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

  const panBy = (dx: number, dy: number) => {
    setPan((old) => ({ x: old.x + dx, y: old.y + dy }))
    if (zoom === null) setZoom(fit)
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
        <ViewerToolbar
          name={name}
          raw={entry?.raw ?? false}
          originalSize={trueSize && shownIsOriginal ? trueSize : null}
          previousDisabled={known && neighbours.previous < 0}
          nextDisabled={known && neighbours.next < 0}
          onPrevious={() => void step(-1)}
          onNext={() => void step(1)}
          isVideo={isVideo}
          zoom={zoom}
          zoomPercent={zoomPercent}
          onZoomIn={zoomIn}
          onZoomOut={zoomOut}
          onFit={showFit}
          onActualPixels={showActualPixels}
          playing={playing}
          onTogglePlaying={() => setPlaying((on) => !on)}
          onEdit={launcher ? () => image && launcher.edit(image) : null}
          editDisabled={!image}
          showInfo={showInfo}
          onToggleInfo={toggleInfo}
          fullscreen={fullscreen}
          onToggleFullscreen={toggleFullscreen}
          onClose={close}
        />
        <ViewerStage
          stageRef={stageRef}
          library={source.query.library}
          entry={entry}
          name={name}
          preview={preview}
          original={original}
          placeholder={placeholder}
          wantOriginal={wantOriginal}
          shownSrc={shownSrc}
          shownIsOriginal={shownIsOriginal}
          displaySize={displaySize}
          pan={pan}
          effectiveZoom={effectiveZoom}
          onPan={panBy}
          onZoomAt={(factor, anchor) => zoomTo(effectiveZoom * factor, anchor)}
          onToggleZoom={() => (zoom === null ? showActualPixels() : showFit())}
          onDecoded={(src, size) => setDecoded((old) => new Map(old).set(src, size))}
        />
      </div>
      {showInfo && entry && <InfoPanel entry={entry} meta={meta} />}
    </div>,
    document.body,
  )
}
