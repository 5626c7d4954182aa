import { useCallback, useRef, useState } from 'react'
import { copy, discardSession, type Box, type CopyKind, type EditorSource } from '@/api/editor'
import { errorMessage } from '@/api/gallery'
import { ControlsPanel } from '@/editor/controls-panel'
import { EditorPreview } from '@/editor/editor-preview'
import { EditorToolbar } from '@/editor/editor-toolbar'
import { ExportStatusBar } from '@/editor/export-status'
import { LeaveDialog } from '@/editor/leave-dialog'
import { RestoreBanner } from '@/editor/restore-banner'
import { ShortcutsOverlay } from '@/editor/shortcuts-overlay'
import { Toast, type ToastMessage } from '@/editor/toast'
import { ToolOverlay } from '@/editor/tool-overlay'
import { UrlPanel } from '@/editor/url-panel'
import { useEditorExport } from '@/hooks/use-editor-export'
import { useEditorHistory } from '@/hooks/use-editor-history'
import { useEditorKeys } from '@/hooks/use-editor-keys'
import { useEditorProfiles } from '@/hooks/use-editor-profiles'
import { useEditorRender, type PreviewRequest } from '@/hooks/use-editor-render'
import { useEditorSession } from '@/hooks/use-editor-session'
import { useElementSize } from '@/hooks/use-element-size'
import { useStoredState } from '@/hooks/use-stored-state'
import {
  ASPECT_PRESETS,
  applyAspect,
  fullBox,
  setBoxField,
  type ScreenRect,
} from '@/lib/editor-crop'
import {
  DEFAULT_STATE,
  beforeState,
  deepEqual,
  fitToSource,
  sourceViewState,
  type EditorTool,
} from '@/lib/editor-state'
import {
  clampPosition,
  clampZoom,
  fitZoom,
  stepZoom,
  zoomAround,
  type ViewPosition,
} from '@/lib/editor-view'

export interface EditorWorkspaceProps {
  source: EditorSource
  onClose: () => void
}

const isString = (value: unknown): value is string => typeof value === 'string'

/** Returns box, or null when it is the whole image, which needs no crop. */
function cropOrNull(box: Box, source: EditorSource): Box | null {
  return deepEqual(box, fullBox(source)) ? null : box
}

let nextToastId = 1

/** Space around the source while a tool is on, in CSS pixels. */
const TOOL_MARGIN = 16

/** Scale of the preview frames while a slider is dragged. */
const DRAG_RESOLUTION = 0.5

/**
 * Edits one opened image: history, preview, tools, controls, URL panel, export and keyboard
 * shortcuts. Every edit stays an imagor URL, and the Go side writes the original file only for
 * an export the user confirms over it.
 */
export function EditorWorkspace({ source, onClose }: EditorWorkspaceProps) {
  const { library, path } = source
  const history = useEditorHistory(DEFAULT_STATE)
  const { state, change } = history
  const [tool, setTool] = useState<EditorTool>('none')
  const [cropDraft, setCropDraft] = useState<Box | null>(null)
  const [aspect, setAspect] = useState('free')
  const [keepRatio, setKeepRatio] = useState(true)
  const [zoom, setZoom] = useState<number | null>(null)
  const [position, setPosition] = useState<ViewPosition>({ x: 0, y: 0 })
  const [showOriginal, setShowOriginal] = useState(false)
  const [split, setSplit] = useState<number | null>(null)
  const [profile, setProfile] = useStoredState('editor.profile', '', isString)
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const exporter = useEditorExport(library, path, state, history.markSaved)
  const [offer, setOffer] = useState<'open' | 'answered'>(source.session ? 'open' : 'answered')
  const [leaving, setLeaving] = useState(false)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const stageRef = useRef<HTMLDivElement>(null)
  const stage = useElementSize(stageRef)
  const dpr = window.devicePixelRatio || 1
  // With a tool on, the source is fitted inside a margin, so handles on its edges stay in view.
  const inset = tool === 'none' ? 0 : TOOL_MARGIN
  const view = {
    width: Math.max(0, Math.round((stage.width - 2 * inset) * dpr)),
    height: Math.max(0, Math.round((stage.height - 2 * inset) * dpr)),
  }
  const sourceSize = { width: source.width, height: source.height }

  const session = useEditorSession(library, path, state, offer === 'answered' || history.dirty)

  const profiles = useEditorProfiles()

  const toolOn = tool !== 'none'
  const cropping = tool === 'crop' && cropDraft !== null
  const pathState = cropping ? { ...state, crop: cropOrNull(cropDraft, source) } : state
  const previewState = toolOn ? sourceViewState(state) : state

  // The zoom and pan work on the output the preview shows: the source while a tool is on, else
  // the output of the frame on screen. The frame comes from the render below, one render late.
  const [shownOutput, setShownOutput] = useState(sourceSize)
  const layoutOutput = toolOn ? sourceSize : shownOutput
  const fit = fitZoom(view, layoutOutput)
  const effectiveZoom = zoom ?? fit
  const zoomed = zoom !== null && zoom > fit
  const clamped = clampPosition(position, view, layoutOutput, effectiveZoom)

  // During a slider drag the frames come at half resolution, a quarter of the pixels, so they
  // keep up with the pointer. The same region at half the zoom keeps their place on screen.
  const resolution = history.gesturing ? DRAG_RESOLUTION : 1
  const request: PreviewRequest | null =
    view.width > 0 && view.height > 0
      ? {
          library,
          path,
          state: previewState,
          pathState,
          before: split !== null && !toolOn ? beforeState(state) : null,
          view: {
            width: Math.max(1, Math.round(view.width * resolution)),
            height: Math.max(1, Math.round(view.height * resolution)),
          },
          zoom: zoomed ? effectiveZoom * resolution : 0,
          position: zoomed ? clamped : { x: 0, y: 0 },
          profile,
        }
      : null
  const rendered = useEditorRender(request)
  const result = rendered.result

  const frame = rendered.frame
  const frameWidth = frame?.result.frame.outputWidth ?? source.width
  const frameHeight = frame?.result.frame.outputHeight ?? source.height
  if (frameWidth !== shownOutput.width || frameHeight !== shownOutput.height) {
    setShownOutput({ width: frameWidth, height: frameHeight })
  }

  const notify = useCallback((text: string, tone: ToastMessage['tone'] = 'info') => {
    setToast({ id: nextToastId++, text, tone })
  }, [])
  const clearToast = useCallback(() => setToast(null), [])
  const closeShortcuts = useCallback(() => setShortcutsOpen(false), [])

  // Zoom.
  const zoomTo = (target: number, anchor?: ViewPosition) => {
    const next = clampZoom(target)
    // A fit below the minimum zoom must not jump in when the user zooms out, nor the reverse.
    if (
      (target < effectiveZoom && next > effectiveZoom) ||
      (target > effectiveZoom && next < effectiveZoom)
    ) {
      return
    }
    const at = anchor ?? { x: view.width / 2, y: view.height / 2 }
    setPosition(
      clampPosition(zoomAround(clamped, at, effectiveZoom, next), view, layoutOutput, next),
    )
    setZoom(next)
  }
  const zoomIn = () => zoomTo(stepZoom(effectiveZoom, 1))
  const zoomOut = () => zoomTo(stepZoom(effectiveZoom, -1))
  const zoomFit = () => {
    setZoom(null)
    setPosition({ x: 0, y: 0 })
  }

  // Tools.
  const ratio = ASPECT_PRESETS.find((p) => p.id === aspect)?.ratio ?? null
  const startCrop = (box: Box = state.crop ?? fullBox(source)) => {
    setTool('crop')
    setCropDraft(box)
  }
  const cancelTool = () => {
    setTool('none')
    setCropDraft(null)
  }
  const applyCrop = () => {
    if (cropDraft) change('', (s) => ({ ...s, crop: cropOrNull(cropDraft, source) }))
    cancelTool()
  }
  const toggleCrop = () => (tool === 'crop' ? cancelTool() : startCrop())
  const toggleTool = (next: 'focal' | 'redact') => {
    setCropDraft(null)
    setTool((current) => (current === next ? 'none' : next))
  }
  const chooseAspect = (id: string) => {
    setAspect(id)
    const nextRatio = ASPECT_PRESETS.find((p) => p.id === id)?.ratio ?? null
    const base = cropping ? cropDraft : (state.crop ?? fullBox(source))
    startCrop(applyAspect(base, nextRatio, source))
  }
  const setCropField = (field: keyof Box, value: number) => {
    if (cropping) {
      setCropDraft(setBoxField(cropDraft, field, value, source, ratio))
      return
    }
    change(`crop.${field}`, (s) => ({
      ...s,
      crop: cropOrNull(setBoxField(s.crop ?? fullBox(source), field, value, source, ratio), source),
    }))
  }

  // Copy and export.
  const copyKind = (kind: CopyKind) => {
    copy({ library, path, state: pathState, profile: kind === 'signed' ? profile : '', kind }).then(
      () => notify('Copied'),
      (err: unknown) => notify(`Copy failed: ${errorMessage(err)}`, 'error'),
    )
  }
  const close = () => {
    session.flush()
    onClose()
  }
  const requestClose = () => (history.dirty ? setLeaving(true) : close())

  const restoreSession = () => {
    if (source.session) history.restore(fitToSource(source.session, source))
    setOffer('answered')
  }
  const discardOffer = () => {
    setOffer('answered')
    discardSession(library, path).catch((err: unknown) =>
      console.warn(`Could not delete the saved edit of ${path}: ${errorMessage(err)}`),
    )
  }

  const keys = useEditorKeys(rootRef, {
    paused: leaving || shortcutsOpen,
    toolOn,
    cropToolOn: tool === 'crop',
    undo: history.undo,
    redo: history.redo,
    zoomIn,
    zoomOut,
    zoomFit,
    zoomActualSize: () => zoomTo(1),
    copyPath: () => copyKind('path'),
    cancelTool,
    applyCrop,
    toggleCrop,
    requestClose,
    setShowOriginal,
    openShortcuts: () => setShortcutsOpen(true),
  })

  const overlay = (rect: ScreenRect) => (
    <ToolOverlay
      rect={rect}
      tool={tool}
      source={sourceSize}
      cropDraft={cropDraft}
      ratio={ratio}
      onCropDraftChange={setCropDraft}
      crop={state.crop ?? fullBox(source)}
      focal={state.focal}
      onPickFocal={(focal) => change('', (s) => ({ ...s, focal }))}
      redact={state.redact}
      onAddRedact={(box) => change('', (s) => ({ ...s, redact: [...s.redact, box] }))}
    />
  )

  const pathOutput = result
    ? { width: result.path.outputWidth, height: result.path.outputHeight }
    : null

  return (
    <div
      ref={rootRef}
      className="relative flex min-h-0 flex-1 flex-col"
      onKeyDown={keys.onKeyDown}
      onKeyUp={keys.onKeyUp}
    >
      <div inert={leaving || undefined} className="flex min-h-0 flex-1 flex-col">
        <EditorToolbar
          name={source.name}
          rawPreview={source.raw}
          outputSize={pathOutput}
          dirty={history.dirty}
          canUndo={history.canUndo}
          canRedo={history.canRedo}
          onUndo={history.undo}
          onRedo={history.redo}
          canReset={!deepEqual(state, DEFAULT_STATE)}
          onResetAll={() => change('', () => DEFAULT_STATE)}
          cropping={tool === 'crop'}
          onToggleCrop={toggleCrop}
          zoomPercent={Math.round(effectiveZoom * 100)}
          fitted={zoom === null}
          onZoomIn={zoomIn}
          onZoomOut={zoomOut}
          onFit={zoomFit}
          onActualSize={() => zoomTo(1)}
          showOriginal={showOriginal}
          onShowOriginal={setShowOriginal}
          split={split !== null}
          onToggleSplit={() => setSplit((old) => (old === null ? 0.5 : null))}
          onShortcuts={() => setShortcutsOpen(true)}
          exporting={exporter.status?.kind === 'busy'}
          onExport={exporter.run}
          onClose={requestClose}
        />
        {offer === 'open' && source.session && (
          <RestoreBanner
            stale={source.sessionStale}
            onRestore={restoreSession}
            onDiscard={discardOffer}
          />
        )}
        {exporter.status && exporter.status.kind !== 'busy' && (
          <ExportStatusBar status={exporter.status} onDismiss={exporter.dismiss} />
        )}
        {session.error && (
          <p className="border-b border-amber-900/60 bg-amber-950/40 px-3 py-1 text-xs text-amber-100">
            The edit could not be saved for next time: {session.error}
          </p>
        )}
        <div className="flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col">
            <EditorPreview
              stageRef={stageRef}
              stage={stage}
              view={view}
              inset={inset}
              source={source}
              frame={frame}
              busy={rendered.busy}
              error={rendered.error}
              zoom={zoom}
              position={clamped}
              layoutOutput={layoutOutput}
              pannable={zoomed && !toolOn}
              onPositionChange={(next) =>
                setPosition(clampPosition(next, view, layoutOutput, effectiveZoom))
              }
              onZoomBy={(factor, anchor) => zoomTo(effectiveZoom * factor, anchor)}
              showOriginal={showOriginal}
              split={toolOn ? null : split}
              onSplitChange={setSplit}
              overlay={overlay}
            />
            <UrlPanel
              result={result}
              profiles={profiles.profiles}
              profilesError={profiles.error}
              profile={profile}
              onProfileChange={setProfile}
              onCopyPath={() => copyKind('path')}
              onCopySigned={() => copyKind('signed')}
            />
          </div>
          <ControlsPanel
            state={state}
            source={source}
            onChange={change}
            onGestureStart={history.beginGesture}
            onGestureEnd={history.endGesture}
            tool={tool}
            cropBox={cropping ? cropDraft : (state.crop ?? fullBox(source))}
            aspect={aspect}
            onAspect={chooseAspect}
            onCropField={setCropField}
            onApplyCrop={applyCrop}
            onCancelCrop={cancelTool}
            keepRatio={keepRatio}
            onKeepRatioChange={setKeepRatio}
            onToggleTool={toggleTool}
          />
        </div>
      </div>
      {leaving && <LeaveDialog onLeave={close} onStay={() => setLeaving(false)} />}
      {shortcutsOpen && <ShortcutsOverlay onClose={closeShortcuts} />}
      <Toast toast={toast} onDone={clearToast} />
    </div>
  )
}
