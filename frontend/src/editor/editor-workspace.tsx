import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react'
import {
  copy,
  discardSession,
  exportImage,
  profiles as fetchProfiles,
  type Box,
  type CopyKind,
  type EditorSource,
  type Profile,
} from '@/api/editor'
import { errorMessage } from '@/api/gallery'
import { CropOverlay } from '@/editor/crop-overlay'
import { ControlsPanel } from '@/editor/controls-panel'
import { EditorPreview } from '@/editor/editor-preview'
import { EditorToolbar } from '@/editor/editor-toolbar'
import { FocalOverlay } from '@/editor/focal-overlay'
import { LeaveDialog } from '@/editor/leave-dialog'
import { RedactOverlay } from '@/editor/redact-overlay'
import { RestoreBanner } from '@/editor/restore-banner'
import { ShortcutsOverlay } from '@/editor/shortcuts-overlay'
import { Toast, type ToastMessage } from '@/editor/toast'
import { UrlPanel } from '@/editor/url-panel'
import { useEditorHistory } from '@/hooks/use-editor-history'
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

type ExportStatus =
  { kind: 'busy' } | { kind: 'saved'; path: string } | { kind: 'error'; message: string } | null

const isString = (value: unknown): value is string => typeof value === 'string'

/** Reports whether the element takes typed text, so letter keys and undo belong to it. */
function isTextField(element: EventTarget | null): boolean {
  if (element instanceof HTMLTextAreaElement) return true
  if (!(element instanceof HTMLInputElement)) return false
  return !['range', 'checkbox', 'radio', 'color', 'button', 'submit'].includes(element.type)
}

/**
 * Reports whether Enter on the element keeps its own meaning while a tool is on. Elsewhere,
 * buttons included, Enter applies the crop or finishes the tool, so clicking an aspect preset
 * and pressing Enter applies it.
 */
function keepsEnter(element: EventTarget | null): boolean {
  return (
    isTextField(element) ||
    (element instanceof HTMLElement && element.matches('select, textarea, [data-keeps-enter]'))
  )
}

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
  const [profileList, setProfileList] = useState<Profile[]>([])
  const [profilesError, setProfilesError] = useState<string | null>(null)
  const [toast, setToast] = useState<ToastMessage | null>(null)
  const [exportStatus, setExportStatus] = useState<ExportStatus>(null)
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

  useEffect(() => {
    let cancelled = false
    fetchProfiles().then(
      (list) => {
        if (!cancelled) setProfileList(list)
      },
      (err: unknown) => {
        if (!cancelled) setProfilesError(errorMessage(err))
      },
    )
    return () => {
      cancelled = true
    }
  }, [])

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
  const runExport = () => {
    setExportStatus({ kind: 'busy' })
    const exported = state
    exportImage(library, path, exported).then(
      (target) => {
        if (!target) {
          setExportStatus(null)
          return
        }
        setExportStatus({ kind: 'saved', path: target })
        if (deepEqual(exported, state)) history.markSaved()
      },
      (err: unknown) => setExportStatus({ kind: 'error', message: errorMessage(err) }),
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

  // Keys inside the editor arrive through React after the focused control had its turn. With
  // the focus outside it (on the page body), a window listener takes them. Both stop the event,
  // so a viewer open behind the editor never acts on the editor's keys.
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => {})
  useLayoutEffect(() => {
    keyHandler.current = (event: KeyboardEvent) => {
      if (event.defaultPrevented || leaving || shortcutsOpen) return
      const target = event.target
      const typing = isTextField(target)
      const key = event.key
      if (event.ctrlKey || event.metaKey) {
        if (event.altKey) return
        const lower = key.toLowerCase()
        if (lower === 'z' && !typing) {
          if (event.shiftKey) history.redo()
          else history.undo()
        } else if (lower === 'y' && !typing) {
          history.redo()
        } else if (key === '+' || key === '=') {
          zoomIn()
        } else if (key === '-' || key === '_') {
          zoomOut()
        } else if (key === '0') {
          zoomFit()
        } else if (key === '1') {
          zoomTo(1)
        } else if (lower === 'c') {
          const selected = window.getSelection()?.toString() ?? ''
          const field = target instanceof HTMLElement && target.matches('input, select, textarea')
          if (selected || field) return
          copyKind('path')
        } else {
          return
        }
        event.preventDefault()
        return
      }
      if (event.altKey) return
      switch (key) {
        case 'Escape':
          if (typing && target instanceof HTMLElement) target.blur()
          else if (toolOn) cancelTool()
          else requestClose()
          break
        case 'Enter':
          if (!toolOn || keepsEnter(target)) return
          if (tool === 'crop') applyCrop()
          else cancelTool()
          break
        case 'c':
        case 'C':
          if (typing) return
          toggleCrop()
          break
        case '\\':
          if (typing) return
          setShowOriginal(true)
          break
        case '?':
          if (typing) return
          setShortcutsOpen(true)
          break
        default:
          return
      }
      event.preventDefault()
    }
  })

  useEffect(() => {
    const root = rootRef.current
    const outside = (event: KeyboardEvent) => !root?.contains(event.target as Node | null)
    const onKeyDown = (event: KeyboardEvent) => {
      if (!outside(event)) return
      keyHandler.current(event)
      event.stopPropagation()
    }
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === '\\') setShowOriginal(false)
    }
    const onBlur = () => setShowOriginal(false)
    window.addEventListener('keydown', onKeyDown, true)
    window.addEventListener('keyup', onKeyUp, true)
    window.addEventListener('blur', onBlur)
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      window.removeEventListener('keyup', onKeyUp, true)
      window.removeEventListener('blur', onBlur)
    }
  }, [])

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    keyHandler.current(event.nativeEvent)
    event.stopPropagation()
  }

  const overlay = (rect: ScreenRect): ReactNode => {
    if (tool === 'crop' && cropDraft) {
      return (
        <CropOverlay
          rect={rect}
          source={sourceSize}
          box={cropDraft}
          ratio={ratio}
          onChange={setCropDraft}
        />
      )
    }
    if (tool === 'focal') {
      return (
        <FocalOverlay
          rect={rect}
          source={sourceSize}
          crop={state.crop ?? fullBox(source)}
          focal={state.focal}
          onPick={(focal) => change('', (s) => ({ ...s, focal }))}
        />
      )
    }
    if (tool === 'redact') {
      return (
        <RedactOverlay
          rect={rect}
          source={sourceSize}
          boxes={state.redact}
          onAdd={(box) => change('', (s) => ({ ...s, redact: [...s.redact, box] }))}
        />
      )
    }
    return null
  }

  const pathOutput = result
    ? { width: result.path.outputWidth, height: result.path.outputHeight }
    : null

  return (
    <div
      ref={rootRef}
      className="relative flex min-h-0 flex-1 flex-col"
      onKeyDown={onKeyDown}
      onKeyUp={(event) => {
        if (event.key === '\\') setShowOriginal(false)
      }}
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
          exporting={exportStatus?.kind === 'busy'}
          onExport={runExport}
          onClose={requestClose}
        />
        {offer === 'open' && source.session && (
          <RestoreBanner
            stale={source.sessionStale}
            onRestore={restoreSession}
            onDiscard={discardOffer}
          />
        )}
        {exportStatus && exportStatus.kind !== 'busy' && (
          <div
            role={exportStatus.kind === 'error' ? 'alert' : 'status'}
            data-testid="export-status"
            className={`flex items-center gap-2 border-b px-3 py-1.5 text-xs ${
              exportStatus.kind === 'error'
                ? 'border-red-900/60 bg-red-950/60 text-red-100'
                : 'border-emerald-900/60 bg-emerald-950/50 text-emerald-100'
            }`}
          >
            <span className="min-w-0 flex-1 break-all select-text">
              {exportStatus.kind === 'error'
                ? `Export failed: ${exportStatus.message}`
                : `Exported to ${exportStatus.path}`}
            </span>
            <button
              type="button"
              onClick={() => setExportStatus(null)}
              className="h-6 rounded px-1.5 hover:bg-white/10 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
            >
              Dismiss
            </button>
          </div>
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
              profiles={profileList}
              profilesError={profilesError}
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
