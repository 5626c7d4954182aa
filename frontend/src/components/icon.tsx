import type { CSSProperties } from 'react'

// 24 × 24 outlines drawn with currentColor through a CSS mask, so an icon costs one element.
const PATHS = {
  folder:
    "<path fill='black' stroke='none' d='M3 6a2 2 0 0 1 2-2h4.2a2 2 0 0 1 1.4.6L12 6h7a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z'/>",
  'folder-outline':
    "<path d='M20 20a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-7.9a2 2 0 0 1-1.7-.9l-.8-1.2A2 2 0 0 0 7.9 3H4a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2z'/>",
  'folder-plus':
    "<path d='M12 10v6M9 13h6M20 20a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-7.9a2 2 0 0 1-1.7-.9l-.8-1.2A2 2 0 0 0 7.9 3H4a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2z'/>",
  image:
    "<rect x='3' y='3' width='18' height='18' rx='2'/><circle cx='9' cy='9' r='2'/><path d='m21 15-3.1-3.1a2 2 0 0 0-2.8 0L6 21'/>",
  video: "<rect x='2' y='5' width='14' height='14' rx='2'/><path d='m22 8-6 4 6 4z'/>",
  file: "<path d='M14 3H6a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V9z'/><path d='M14 3v6h6'/>",
  alert:
    "<path d='M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z'/><path d='M12 9v4M12 17h.01'/>",
  'chevron-right': "<path d='m9 6 6 6-6 6'/>",
  'chevron-left': "<path d='m15 6-6 6 6 6'/>",
  'chevron-down': "<path d='m6 9 6 6 6-6'/>",
  close: "<path d='M18 6 6 18M6 6l12 12'/>",
  'sort-ascending': "<path d='m3 8 4-4 4 4M7 4v16M11 12h4M11 16h7M11 20h10'/>",
  'sort-descending': "<path d='m3 16 4 4 4-4M7 20V4M11 4h10M11 8h7M11 12h4'/>",
  text: "<path d='M4 7V4h16v3M9 20h6M12 4v16'/>",
  'zoom-in': "<circle cx='11' cy='11' r='7'/><path d='m21 21-4.3-4.3M11 8v6M8 11h6'/>",
  'zoom-out': "<circle cx='11' cy='11' r='7'/><path d='m21 21-4.3-4.3M8 11h6'/>",
  fullscreen:
    "<path d='M8 3H5a2 2 0 0 0-2 2v3M21 8V5a2 2 0 0 0-2-2h-3M3 16v3a2 2 0 0 0 2 2h3M16 21h3a2 2 0 0 0 2-2v-3'/>",
  'fullscreen-exit':
    "<path d='M8 3v3a2 2 0 0 1-2 2H3M21 8h-3a2 2 0 0 1-2-2V3M3 16h3a2 2 0 0 1 2 2v3M16 21v-3a2 2 0 0 1 2-2h3'/>",
  play: "<path fill='black' d='M7 4.5v15a1 1 0 0 0 1.5.9l12-7.5a1 1 0 0 0 0-1.8l-12-7.5A1 1 0 0 0 7 4.5z'/>",
  pause:
    "<rect x='6' y='4' width='4' height='16' rx='1' fill='black'/><rect x='14' y='4' width='4' height='16' rx='1' fill='black'/>",
  info: "<circle cx='12' cy='12' r='9'/><path d='M12 16v-4M12 8h.01'/>",
  search: "<circle cx='11' cy='11' r='7'/><path d='m21 21-4.3-4.3'/>",
  'grid-small':
    "<rect x='3' y='3' width='18' height='18' rx='2'/><path d='M3 9h18M3 15h18M9 3v18M15 3v18'/>",
  'grid-large': "<rect x='3' y='3' width='18' height='18' rx='2'/><path d='M3 12h18M12 3v18'/>",
  retry: "<path d='M3 12a9 9 0 0 1 15-6.7L21 8M21 3v5h-5M21 12a9 9 0 0 1-15 6.7L3 16M3 21v-5h5'/>",
  drop: "<path d='M12 3v12M7 10l5 5 5-5M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'/>",
  copy: "<rect x='8' y='8' width='13' height='13' rx='2'/><path d='M4 16a2 2 0 0 1-1-1.7V5a2 2 0 0 1 2-2h9.3A2 2 0 0 1 16 4'/>",
  settings:
    "<path d='M12.2 2h-.4a2 2 0 0 0-2 2v.2a2 2 0 0 1-1 1.7l-.4.3a2 2 0 0 1-2 0l-.2-.1a2 2 0 0 0-2.7.7l-.2.4a2 2 0 0 0 .7 2.7l.2.1a2 2 0 0 1 1 1.7v.6a2 2 0 0 1-1 1.7l-.2.1a2 2 0 0 0-.7 2.7l.2.4a2 2 0 0 0 2.7.7l.2-.1a2 2 0 0 1 2 0l.4.3a2 2 0 0 1 1 1.7v.2a2 2 0 0 0 2 2h.4a2 2 0 0 0 2-2v-.2a2 2 0 0 1 1-1.7l.4-.3a2 2 0 0 1 2 0l.2.1a2 2 0 0 0 2.7-.7l.2-.4a2 2 0 0 0-.7-2.7l-.2-.1a2 2 0 0 1-1-1.7v-.6a2 2 0 0 1 1-1.7l.2-.1a2 2 0 0 0 .7-2.7l-.2-.4a2 2 0 0 0-2.7-.7l-.2.1a2 2 0 0 1-2 0l-.4-.3a2 2 0 0 1-1-1.7V4a2 2 0 0 0-2-2z'/><circle cx='12' cy='12' r='3'/>",
  cloud: "<path d='M17.5 19H7a5 5 0 1 1 1.3-9.8A6 6 0 0 1 19.5 11a4 4 0 0 1-2 8z'/>",
  plus: "<path d='M12 5v14M5 12h14'/>",
  check: "<path d='M20 6 9 17l-5-5'/>",
  trash:
    "<path d='M3 6h18M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6M10 11v6M14 11v6'/>",
  pencil: "<path d='M17 3a2.8 2.8 0 0 1 4 4L7.5 20.5 2 22l1.5-5.5z'/>",
  key: "<circle cx='7.5' cy='15.5' r='5.5'/><path d='m21 2-9.6 9.6M15.5 7.5l3 3L22 7l-3-3'/>",
  keyboard:
    "<rect x='2' y='5' width='20' height='14' rx='2'/><path d='M6 9h.01M10 9h.01M14 9h.01M18 9h.01M6 13h.01M18 13h.01M10 13h4M7 16h10'/>",
  palette:
    "<path d='M12 22a10 10 0 1 1 10-10c0 2.8-2.2 4-4 4h-2a2 2 0 0 0-1.5 3.3A1.6 1.6 0 0 1 12 22z'/><circle cx='7.5' cy='11.5' r='1'/><circle cx='10.5' cy='7.5' r='1'/><circle cx='15.5' cy='7.5' r='1'/>",
} as const

export type IconName = keyof typeof PATHS

function maskFor(name: IconName): string {
  const svg =
    "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' " +
    `stroke-width='2' stroke-linecap='round' stroke-linejoin='round'>${PATHS[name]}</svg>`
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`
}

const MASKS = new Map<IconName, CSSProperties>()

function styleFor(name: IconName): CSSProperties {
  let style = MASKS.get(name)
  if (!style) {
    const mask = maskFor(name)
    style = { WebkitMaskImage: mask, maskImage: mask }
    MASKS.set(name, style)
  }
  return style
}

export interface IconProps {
  name: IconName
  className?: string
  /** Width and height in CSS pixels; by default the icon is 1em square. */
  size?: number
  /** Offset from the top of the positioned parent, in CSS pixels. */
  top?: number
}

/** Renders a decorative icon. The control that contains it carries the accessible name. */
export function Icon({ name, className = '', size, top }: IconProps) {
  const mask = styleFor(name)
  const style =
    size === undefined && top === undefined ? mask : { ...mask, width: size, height: size, top }
  return <span aria-hidden="true" className={`icon ${className}`} style={style} />
}
