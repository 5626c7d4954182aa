import { IconButton } from '@/components/icon-button'
import { ToolButton } from '@/editor/tool-button'
import { modifierName } from '@/lib/editor-shortcuts'

export interface EditorToolbarProps {
  name: string
  /** The source is a RAW file's embedded preview. */
  rawPreview?: boolean
  /** Output size of the edit, or null before the first render. */
  outputSize: { width: number; height: number } | null
  dirty: boolean
  canUndo: boolean
  canRedo: boolean
  onUndo: () => void
  onRedo: () => void
  canReset: boolean
  onResetAll: () => void
  cropping: boolean
  onToggleCrop: () => void
  zoomPercent: number
  fitted: boolean
  onZoomIn: () => void
  onZoomOut: () => void
  onFit: () => void
  onActualSize: () => void
  showOriginal: boolean
  onShowOriginal: (on: boolean) => void
  split: boolean
  onToggleSplit: () => void
  onShortcuts: () => void
  exporting: boolean
  onExport: () => void
  onClose: () => void
}

/** Renders the editor's top bar: close, history, crop, zoom, comparison, shortcuts and export. */
export function EditorToolbar(props: EditorToolbarProps) {
  const mod = modifierName()
  const divider = <div aria-hidden="true" className="mx-1 h-5 w-px shrink-0 bg-zinc-800" />
  return (
    <div
      role="toolbar"
      aria-label="Editor"
      className="flex h-12 shrink-0 items-center gap-1 overflow-x-auto border-b border-zinc-800/80 bg-zinc-900/90 px-2"
    >
      <IconButton
        icon="close"
        label="Close the editor (Escape)"
        onClick={props.onClose}
        testId="editor-close"
      />
      <h2 className="mx-2 flex min-w-0 flex-1 items-baseline gap-2 font-medium text-zinc-100">
        <span className="truncate" title={props.name}>
          {props.name}
        </span>
        {props.rawPreview && (
          <span
            className="shrink-0 text-xs font-normal text-zinc-400"
            data-testid="editor-raw-preview"
            title="The RAW data is not decoded"
          >
            RAW · editing the embedded camera preview
          </span>
        )}
        {props.outputSize && (
          <span className="shrink-0 text-xs font-normal text-zinc-400 tabular-nums">
            {props.outputSize.width} × {props.outputSize.height}
          </span>
        )}
        {props.dirty && (
          <span className="shrink-0 text-xs font-normal text-amber-300" data-testid="editor-dirty">
            edited, not exported
          </span>
        )}
      </h2>
      <ToolButton
        label={`Undo (${mod}+Z)`}
        icon="undo"
        disabled={!props.canUndo}
        onClick={props.onUndo}
        testId="undo"
      />
      <ToolButton
        label={`Redo (${mod}+Shift+Z)`}
        icon="redo"
        disabled={!props.canRedo}
        onClick={props.onRedo}
        testId="redo"
      />
      <ToolButton
        label="Reset all edits"
        disabled={!props.canReset}
        onClick={props.onResetAll}
        testId="reset-all"
      >
        Reset all
      </ToolButton>
      {divider}
      <ToolButton
        label="Crop (C)"
        icon="crop"
        pressed={props.cropping}
        onClick={props.onToggleCrop}
        testId="crop-toggle"
      >
        Crop
      </ToolButton>
      {divider}
      <IconButton
        icon="zoom-out"
        label={`Zoom out (${mod}+-)`}
        onClick={props.onZoomOut}
        testId="zoom-out"
      />
      <span
        className="w-12 shrink-0 text-center text-xs text-zinc-400 tabular-nums"
        aria-live="polite"
        data-testid="zoom-level"
      >
        {props.zoomPercent} %
      </span>
      <IconButton
        icon="zoom-in"
        label={`Zoom in (${mod}++)`}
        onClick={props.onZoomIn}
        testId="zoom-in"
      />
      <ToolButton
        label={`Fit (${mod}+0)`}
        pressed={props.fitted}
        onClick={props.onFit}
        testId="zoom-fit"
      >
        Fit
      </ToolButton>
      <ToolButton
        label={`Actual pixels (${mod}+1)`}
        pressed={!props.fitted && props.zoomPercent === 100}
        onClick={props.onActualSize}
        testId="zoom-100"
      >
        100 %
      </ToolButton>
      {divider}
      <button
        type="button"
        aria-pressed={props.showOriginal}
        title="Show the original while pressed (hold \)"
        data-testid="show-original"
        onPointerDown={() => props.onShowOriginal(true)}
        onPointerUp={() => props.onShowOriginal(false)}
        onPointerLeave={() => props.onShowOriginal(false)}
        onKeyDown={(event) => {
          if (event.key === ' ' || event.key === 'Enter') props.onShowOriginal(true)
        }}
        onKeyUp={() => props.onShowOriginal(false)}
        className={`h-8 shrink-0 rounded-md px-2 text-xs focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none ${
          props.showOriginal ? 'bg-accent/20 text-accent-strong' : 'text-zinc-300 hover:bg-zinc-800'
        }`}
      >
        Original
      </button>
      <ToolButton
        label="Split view: before and after"
        icon="split"
        pressed={props.split}
        onClick={props.onToggleSplit}
        testId="split-toggle"
      >
        Split
      </ToolButton>
      <ToolButton
        label="Keyboard shortcuts (?)"
        icon="keyboard"
        onClick={props.onShortcuts}
        testId="shortcuts-button"
      />
      {divider}
      <ToolButton
        label="Export the edited image to a file"
        icon="export"
        variant="primary"
        disabled={props.exporting}
        onClick={props.onExport}
        testId="export"
      >
        {props.exporting ? 'Exporting…' : 'Export'}
      </ToolButton>
    </div>
  )
}
