import type { CSSProperties } from 'react'

// 24 × 24 outlines for the editor's controls, drawn with currentColor through a CSS mask as
// components/icon.tsx draws the gallery's.
const PATHS = {
  crop: "<path d='M6 2v14a2 2 0 0 0 2 2h14'/><path d='M18 22V8a2 2 0 0 0-2-2H2'/>",
  undo: "<path d='M9 14 4 9l5-5'/><path d='M4 9h10.5a5.5 5.5 0 0 1 0 11H11'/>",
  redo: "<path d='m15 14 5-5-5-5'/><path d='M20 9H9.5a5.5 5.5 0 0 0 0 11H13'/>",
  'flip-h': "<path d='M12 3v18'/><path d='M8 7 3 12l5 5z'/><path d='m16 7 5 5-5 5z'/>",
  'flip-v': "<path d='M3 12h18'/><path d='M7 8l5-5 5 5z'/><path d='m7 16 5 5 5-5z'/>",
  'rotate-left': "<path d='M3 12a9 9 0 1 0 3-6.7L3 8'/><path d='M3 3v5h5'/>",
  'rotate-right': "<path d='M21 12a9 9 0 1 1-3-6.7L21 8'/><path d='M21 3v5h-5'/>",
  export: "<path d='M12 15V3M7 8l5-5 5 5'/><path d='M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'/>",
  split: "<rect x='3' y='3' width='18' height='18' rx='2'/><path d='M12 3v18'/>",
  compare:
    "<path d='M12 3v18'/><path d='M5 6h4v12H5z'/><path d='M15 6h4v12h-4' stroke-dasharray='2 2'/>",
  keyboard:
    "<rect x='2' y='5' width='20' height='14' rx='2'/><path d='M6 9h.01M10 9h.01M14 9h.01M18 9h.01M6 13h.01M18 13h.01M10 13h4M7 16h10'/>",
  focal: "<circle cx='12' cy='12' r='3'/><path d='M12 2v4M12 18v4M2 12h4M18 12h4'/>",
  redact: "<rect x='3' y='7' width='18' height='10' rx='1' fill='black'/>",
  link: "<path d='M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7'/><path d='M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7'/>",
  lock: "<rect x='4' y='11' width='16' height='10' rx='2'/><path d='M8 11V7a4 4 0 0 1 8 0v4'/>",
  unlock: "<rect x='4' y='11' width='16' height='10' rx='2'/><path d='M8 11V7a4 4 0 0 1 7.8-1.3'/>",
  check: "<path d='M20 6 9 17l-5-5'/>",
} as const

export type EditorIconName = keyof typeof PATHS

const STYLES = new Map<EditorIconName, CSSProperties>()

function styleFor(name: EditorIconName): CSSProperties {
  let style = STYLES.get(name)
  if (!style) {
    const svg =
      "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' " +
      `stroke-width='2' stroke-linecap='round' stroke-linejoin='round'>${PATHS[name]}</svg>`
    const mask = `url("data:image/svg+xml,${encodeURIComponent(svg)}")`
    style = { WebkitMaskImage: mask, maskImage: mask }
    STYLES.set(name, style)
  }
  return style
}

export interface EditorIconProps {
  name: EditorIconName
  className?: string
}

/** Renders a decorative editor icon; the control that contains it carries the name. */
export function EditorIcon({ name, className = '' }: EditorIconProps) {
  return <span aria-hidden="true" className={`icon ${className}`} style={styleFor(name)} />
}
