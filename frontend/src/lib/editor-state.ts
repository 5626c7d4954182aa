// The editor's state: defaults, the sections of the controls panel with their fields, and the
// limits the Go side validates (backend/editor/state.go), so the UI never sends a state that it
// rejects.
import type { Box, EditorSource, EditorState } from '@/api/editor'

export const DEFAULT_STATE: EditorState = {
  crop: null,
  width: 0,
  height: 0,
  mode: 'fit-in',
  hAlign: 'center',
  vAlign: 'middle',
  focal: null,
  noUpscale: false,
  flipH: false,
  flipV: false,
  rotate: 0,
  brightness: 0,
  contrast: 0,
  saturation: 0,
  hue: 0,
  grayscale: false,
  blur: 0,
  sharpen: 0,
  roundCorner: 0,
  pixelate: 0,
  rgb: { r: 0, g: 0, b: 0 },
  trim: false,
  redact: [],
  background: { kind: 'none', color: '#ffffff' },
  padding: { left: 0, top: 0, right: 0, bottom: 0 },
  format: '',
  quality: 0,
  maxBytes: 0,
  stripExif: false,
  stripIcc: false,
}

export type SectionId = 'crop' | 'size' | 'transform' | 'effects' | 'background' | 'output'

/** The fields each section of the controls panel edits, so each can be reset on its own. */
export const SECTION_FIELDS: Record<SectionId, readonly (keyof EditorState)[]> = {
  crop: ['crop'],
  size: ['width', 'height', 'mode', 'hAlign', 'vAlign', 'focal', 'noUpscale'],
  transform: ['flipH', 'flipV', 'rotate'],
  effects: [
    'brightness',
    'contrast',
    'saturation',
    'hue',
    'grayscale',
    'blur',
    'sharpen',
    'roundCorner',
    'pixelate',
    'rgb',
    'trim',
    'redact',
  ],
  background: ['background', 'padding'],
  output: ['format', 'quality', 'maxBytes', 'stripExif', 'stripIcc'],
}

/** Limits of numeric fields, as the Go side checks them. */
export const LIMITS = {
  side: { min: 0, max: 65000 },
  tone: { min: -100, max: 100 },
  hue: { min: 0, max: 360 },
  sigma: { min: 0, max: 100 },
  roundCorner: { min: 0, max: 10000 },
  pixelate: { min: 0, max: 1000 },
  padding: { min: 0, max: 10000 },
  quality: { min: 0, max: 100 },
  maxBytes: { min: 0, max: 1 << 30 },
} as const

/** Compares two JSON-like values field by field. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a)
  const bKeys = Object.keys(b)
  if (aKeys.length !== bKeys.length) return false
  const aRecord = a as Record<string, unknown>
  const bRecord = b as Record<string, unknown>
  return aKeys.every((key) => deepEqual(aRecord[key], bRecord[key]))
}

/** Returns state with the fields of section set back to their defaults. */
export function resetSection(state: EditorState, section: SectionId): EditorState {
  const next: Record<string, unknown> = { ...state }
  for (const field of SECTION_FIELDS[section]) next[field] = DEFAULT_STATE[field]
  return next as unknown as EditorState
}

export function sectionChanged(state: EditorState, section: SectionId): boolean {
  return SECTION_FIELDS[section].some((field) => !deepEqual(state[field], DEFAULT_STATE[field]))
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

/** Returns box moved and cut to fit inside a width × height image, or null if nothing is left. */
export function fitBox(box: Box, width: number, height: number): Box | null {
  const left = clamp(Math.round(box.left), 0, width - 1)
  const top = clamp(Math.round(box.top), 0, height - 1)
  const w = clamp(Math.round(box.width), 0, width - left)
  const h = clamp(Math.round(box.height), 0, height - top)
  return w > 0 && h > 0 ? { left, top, width: w, height: h } : null
}

/**
 * Returns a saved state fitted to the source as it is now: a session saved before the file
 * changed may have a crop, focal point or redaction outside the new size, which the Go side
 * rejects.
 */
export function fitToSource(state: EditorState, source: EditorSource): EditorState {
  const { width, height } = source
  const crop = state.crop ? fitBox(state.crop, width, height) : null
  const focal =
    state.focal && state.focal.x < width && state.focal.y < height
      ? { x: Math.max(0, state.focal.x), y: Math.max(0, state.focal.y) }
      : null
  const redact = state.redact.flatMap((box) => fitBox(box, width, height) ?? [])
  return { ...state, crop, focal, redact }
}

/** Returns the size of the crop (or of the whole image), before the resize and the rotation. */
export function cropSize(
  state: EditorState,
  source: EditorSource,
): { width: number; height: number } {
  return state.crop
    ? { width: state.crop.width, height: state.crop.height }
    : { width: source.width, height: source.height }
}

/**
 * Returns the state the source view shows while a tool (crop, focal point, redaction) is on.
 * It is the whole oriented source with the colour edits but no crop, resize, flip, rotation,
 * trim or padding, so its pixels map one to one onto source coordinates.
 */
export function sourceViewState(state: EditorState): EditorState {
  return {
    ...state,
    crop: null,
    width: 0,
    height: 0,
    mode: 'fit-in',
    focal: null,
    noUpscale: false,
    flipH: false,
    flipV: false,
    rotate: 0,
    trim: false,
    roundCorner: 0,
    padding: DEFAULT_STATE.padding,
    background: DEFAULT_STATE.background,
    maxBytes: 0,
  }
}

/**
 * Returns the "before" state of the split view: the same geometry as state, so both halves
 * line up (trim too, as it changes the size), without the colour, effects and output settings.
 */
export function beforeState(state: EditorState): EditorState {
  return { ...resetSection(resetSection(state, 'output'), 'effects'), trim: state.trim }
}

/**
 * Applies update to the editor's state. key names the field, so quick changes of one field merge
 * into one undo step; "" (buttons, toggles, selects) never merges.
 */
export type ChangeState = (key: string, update: (state: EditorState) => EditorState) => void

/** The editor's tools that show the uncropped source and take the pointer. */
export type EditorTool = 'none' | 'crop' | 'focal' | 'redact'
