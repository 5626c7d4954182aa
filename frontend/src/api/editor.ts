// The only module that imports the generated Editor bindings, so tests can mock it as a whole.
// It also hands on the profile list of api/settings.ts, so the editor's tests mock one module.
// The bindings take and return the generated classes; these functions take and return the
// plain types below.
import * as EditorBinding from '../../wailsjs/go/app/Editor'
import { app } from '../../wailsjs/go/models'
import { profiles as settingsProfiles } from '@/api/settings'

/** A rectangle in pixels of the oriented source (after EXIF orientation). */
export interface Box {
  left: number
  top: number
  width: number
  height: number
}

export interface Point {
  x: number
  y: number
}

export type ResizeMode = 'fit-in' | 'cover' | 'stretch' | 'smart'
export type HAlign = 'left' | 'center' | 'right'
export type VAlign = 'top' | 'middle' | 'bottom'
export type BackgroundKind = 'none' | 'color' | 'transparent'
export type OutputFormat = '' | 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff'

/** Every edit of one image, as the Go side's EditorState takes it. */
export interface EditorState {
  crop: Box | null
  /** 0 is automatic. */
  width: number
  height: number
  mode: ResizeMode
  hAlign: HAlign
  vAlign: VAlign
  /** For cover: the point the cut keeps central; overrides the alignment. */
  focal: Point | null
  noUpscale: boolean
  flipH: boolean
  flipV: boolean
  /** Degrees clockwise, after the flips: 0, 90, 180 or 270. */
  rotate: number
  brightness: number
  contrast: number
  saturation: number
  hue: number
  grayscale: boolean
  blur: number
  sharpen: number
  roundCorner: number
  pixelate: number
  rgb: { r: number; g: number; b: number }
  trim: boolean
  /** Source boxes painted black. */
  redact: Box[]
  background: { kind: BackgroundKind; color: string }
  /** Output pixels added on each side of the output. */
  padding: { left: number; top: number; right: number; bottom: number }
  /** "" keeps the source format. */
  format: OutputFormat
  /** 0 is the encoder's default. */
  quality: number
  /** 0 is off. */
  maxBytes: number
  stripExif: boolean
  stripIcc: boolean
}

export interface EditorSource {
  library: string
  path: string
  name: string
  /** Size after EXIF orientation. */
  width: number
  height: number
  orientation: number
  format: string
  /** The source is a camera RAW file's embedded JPEG preview. */
  raw?: boolean
  version: string
  /** Same-origin /imagor/ URL of the unedited image, fitted for the preview area. */
  original: string
  /** The saved state of an earlier edit, or null. */
  session: EditorState | null
  /** The file changed since the session was saved. */
  sessionStale: boolean
}

export interface RenderRequest {
  library: string
  path: string
  state: EditorState
  /** Preview area in device pixels. */
  viewWidth: number
  viewHeight: number
  /** 0 fits; otherwise the output scale, 0.25 to 4. */
  zoom: number
  /** Top-left of the visible region in output pixels, when zoomed. */
  viewX: number
  viewY: number
  /** Profile id for the signed URL, or "". */
  profile: string
}

export interface PathPart {
  text: string
  explanation: string
}

export interface RenderResult {
  /** Same-origin /imagor/ URL of the preview frame. */
  preview: string
  /** The imagor path to copy: /unsafe/... */
  path: string
  parts: PathPart[]
  outputWidth: number
  outputHeight: number
  /** "" without a profile. */
  signedUrl: string
  warning: string
}

export type CopyKind = 'path' | 'signed'

export interface CopyRequest {
  library: string
  path: string
  state: EditorState
  profile: string
  kind: CopyKind
}

export interface Profile {
  id: string
  name: string
  baseUrl: string
  secretSet: boolean
}

const MODES: readonly string[] = ['fit-in', 'cover', 'stretch', 'smart']
const H_ALIGNS: readonly string[] = ['left', 'center', 'right']
const V_ALIGNS: readonly string[] = ['top', 'middle', 'bottom']
const BACKGROUNDS: readonly string[] = ['none', 'color', 'transparent']
const FORMATS: readonly string[] = ['', 'jpeg', 'png', 'webp', 'avif', 'gif', 'tiff']

function pick<T extends string>(value: unknown, allowed: readonly string[], fallback: T): T {
  return typeof value === 'string' && allowed.includes(value) ? (value as T) : fallback
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function toBox(box: app.EditorBox): Box {
  return { left: num(box.left), top: num(box.top), width: num(box.width), height: num(box.height) }
}

/** Narrows a state decoded by the Go side, whose empty fields may be null or missing. */
export function toState(s: app.EditorState): EditorState {
  return {
    crop: s.crop ? toBox(s.crop) : null,
    width: num(s.width),
    height: num(s.height),
    mode: pick(s.mode, MODES, 'fit-in'),
    hAlign: pick(s.hAlign, H_ALIGNS, 'center'),
    vAlign: pick(s.vAlign, V_ALIGNS, 'middle'),
    focal: s.focal ? { x: num(s.focal.x), y: num(s.focal.y) } : null,
    noUpscale: Boolean(s.noUpscale),
    flipH: Boolean(s.flipH),
    flipV: Boolean(s.flipV),
    rotate: num(s.rotate),
    brightness: num(s.brightness),
    contrast: num(s.contrast),
    saturation: num(s.saturation),
    hue: num(s.hue),
    grayscale: Boolean(s.grayscale),
    blur: num(s.blur),
    sharpen: num(s.sharpen),
    roundCorner: num(s.roundCorner),
    pixelate: num(s.pixelate),
    rgb: { r: num(s.rgb?.r), g: num(s.rgb?.g), b: num(s.rgb?.b) },
    trim: Boolean(s.trim),
    redact: (s.redact ?? []).map(toBox),
    background: {
      kind: pick(s.background?.kind, BACKGROUNDS, 'none'),
      color: typeof s.background?.color === 'string' ? s.background.color : '',
    },
    padding: {
      left: num(s.padding?.left),
      top: num(s.padding?.top),
      right: num(s.padding?.right),
      bottom: num(s.padding?.bottom),
    },
    format: pick(s.format, FORMATS, ''),
    quality: num(s.quality),
    maxBytes: num(s.maxBytes),
    stripExif: Boolean(s.stripExif),
    stripIcc: Boolean(s.stripIcc),
  }
}

function fromState(state: EditorState): app.EditorState {
  // The Go side reads a missing crop or focal point as none; null works the same in JSON.
  return app.EditorState.createFrom({
    ...state,
    crop: state.crop ?? undefined,
    focal: state.focal ?? undefined,
  })
}

/** Opens an image in the editor: its size, orientation and saved session. */
export async function openImage(library: string, path: string): Promise<EditorSource> {
  const s = await EditorBinding.Open(library, path)
  return {
    library: s.library,
    path: s.path,
    name: s.name,
    width: s.width,
    height: s.height,
    orientation: s.orientation ?? 0,
    format: s.format ?? '',
    raw: Boolean(s.raw),
    version: s.version ?? '',
    original: s.original ?? '',
    session: s.session ? toState(s.session) : null,
    sessionStale: Boolean(s.sessionStale),
  }
}

/** Returns the preview frame and the imagor path of a state. */
export async function render(req: RenderRequest): Promise<RenderResult> {
  const r = await EditorBinding.Render(
    app.RenderRequest.createFrom({ ...req, state: fromState(req.state) }),
  )
  return {
    preview: r.preview,
    path: r.path,
    parts: (r.parts ?? []).map((p) => ({ text: p.text, explanation: p.explanation })),
    outputWidth: r.outputWidth,
    outputHeight: r.outputHeight,
    signedUrl: r.signedUrl ?? '',
    warning: r.warning ?? '',
  }
}

/**
 * Puts the path or signed URL of a state on the clipboard through the Go side and returns the
 * copied text. The wails:// page is no secure context in WebKitGTK, so navigator.clipboard is
 * not available there.
 */
export async function copy(req: CopyRequest): Promise<string> {
  return EditorBinding.Copy(app.CopyRequest.createFrom({ ...req, state: fromState(req.state) }))
}

/** Copies the path or signed URL of an image without edits, for the gallery. */
export async function copyImage(
  library: string,
  path: string,
  profile: string,
  kind: CopyKind,
): Promise<string> {
  return EditorBinding.CopyImage(library, path, profile, kind)
}

/**
 * Shows the native save dialog and writes the edited image there. Resolves to the written path,
 * or "" when the user cancels.
 */
export async function exportImage(
  library: string,
  path: string,
  state: EditorState,
): Promise<string> {
  return EditorBinding.Export(library, path, fromState(state))
}

export async function saveSession(
  library: string,
  path: string,
  state: EditorState,
): Promise<void> {
  await EditorBinding.SaveSession(library, path, fromState(state))
}

export async function discardSession(library: string, path: string): Promise<void> {
  await EditorBinding.DiscardSession(library, path)
}

/** Returns the imagor URL profiles, for signed URLs. */
export async function profiles(): Promise<Profile[]> {
  return (await settingsProfiles()).map((p) => ({
    id: p.id,
    name: p.name,
    baseUrl: p.baseUrl,
    secretSet: p.secretSet,
  }))
}
