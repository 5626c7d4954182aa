import { IconButton } from '@/components/icon-button'
import { RAW_PREVIEW_NOTE } from '@/components/media-badge'
import type { Size } from '@/lib/zoom'

/** Returns the classes of the Fit and 100 % buttons, highlighted while their zoom is shown. */
function zoomPresetClass(pressed: boolean): string {
  const state = pressed ? 'bg-accent/20 text-accent-strong' : 'text-zinc-300 hover:bg-zinc-800'
  return (
    'h-8 rounded-md px-2 text-xs font-medium focus-visible:ring-2 focus-visible:ring-accent ' +
    `focus-visible:outline-none ${state}`
  )
}

export interface ViewerToolbarProps {
  name: string
  raw: boolean
  /** The original's size in pixels once the original is on screen, else null. */
  originalSize: Size | null
  previousDisabled: boolean
  nextDisabled: boolean
  onPrevious: () => void
  onNext: () => void
  /** Videos get no zoom controls. */
  isVideo: boolean
  /** Null while the image fits the window, else device pixels per original pixel. */
  zoom: number | null
  zoomPercent: number
  onZoomIn: () => void
  onZoomOut: () => void
  onFit: () => void
  onActualPixels: () => void
  playing: boolean
  onTogglePlaying: () => void
  /** Null hides the Edit button, for a window without the editor. */
  onEdit: (() => void) | null
  editDisabled: boolean
  showInfo: boolean
  onToggleInfo: () => void
  fullscreen: boolean
  onToggleFullscreen: () => void
  onClose: () => void
}

/** Shows the viewer's top bar: previous and next, the file name, zoom, slideshow, edit and info. */
export function ViewerToolbar({
  name,
  raw,
  originalSize,
  previousDisabled,
  nextDisabled,
  onPrevious,
  onNext,
  isVideo,
  zoom,
  zoomPercent,
  onZoomIn,
  onZoomOut,
  onFit,
  onActualPixels,
  playing,
  onTogglePlaying,
  onEdit,
  editDisabled,
  showInfo,
  onToggleInfo,
  fullscreen,
  onToggleFullscreen,
  onClose,
}: ViewerToolbarProps) {
  return (
    <div className="flex h-12 shrink-0 items-center gap-1 border-b border-zinc-800/80 bg-zinc-900/90 px-2">
      <IconButton
        icon="chevron-left"
        label="Previous image"
        disabled={previousDisabled}
        onClick={onPrevious}
      />
      <IconButton
        icon="chevron-right"
        label="Next image"
        testId="viewer-next"
        disabled={nextDisabled}
        onClick={onNext}
      />
      <h2 className="mx-2 min-w-0 flex-1 truncate font-medium text-zinc-100" title={name}>
        {name}
        {raw && (
          <span
            data-testid="viewer-raw-note"
            className="ml-2 rounded bg-zinc-800 px-1.5 py-0.5 text-xs font-normal text-zinc-300"
          >
            <span className="font-semibold text-zinc-100">RAW</span> · {RAW_PREVIEW_NOTE}
          </span>
        )}
        {originalSize && (
          <span className="ml-2 text-xs font-normal text-zinc-400">
            {Math.round(originalSize.width)} × {Math.round(originalSize.height)}
          </span>
        )}
      </h2>
      {!isVideo && (
        <>
          <IconButton icon="zoom-out" label="Zoom out" onClick={onZoomOut} />
          <span className="w-12 text-center text-xs text-zinc-400 tabular-nums" aria-live="polite">
            {zoomPercent} %
          </span>
          <IconButton icon="zoom-in" label="Zoom in" onClick={onZoomIn} />
          <button
            type="button"
            onClick={onFit}
            aria-pressed={zoom === null}
            title="Fit to window (0)"
            className={zoomPresetClass(zoom === null)}
          >
            Fit
          </button>
          <button
            type="button"
            onClick={onActualPixels}
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
        onClick={onTogglePlaying}
      />
      {onEdit && (
        <IconButton
          icon="image"
          label="Edit (E)"
          testId="viewer-edit"
          disabled={editDisabled}
          onClick={onEdit}
        >
          <span className="text-xs font-medium">Edit</span>
        </IconButton>
      )}
      <IconButton
        icon="info"
        label="Image information (I)"
        pressed={showInfo}
        onClick={onToggleInfo}
      />
      <IconButton
        icon={fullscreen ? 'fullscreen-exit' : 'fullscreen'}
        label={fullscreen ? 'Leave full screen (F)' : 'Full screen (F)'}
        pressed={fullscreen}
        onClick={onToggleFullscreen}
      />
      <IconButton icon="close" label="Close viewer (Escape)" onClick={onClose} />
    </div>
  )
}
