import type { Entry, EntryKind } from '@/api/gallery'

const count = new Intl.NumberFormat('en-US')
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Formats an entry count as "1 item" or "1,234 items". */
export function formatCount(n: number): string {
  return `${count.format(n)} ${n === 1 ? 'item' : 'items'}`
}

/** Formats bytes with decimal units (1 kB = 1000 bytes), as file managers do. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit++
  }
  return `${decimal.format(value)} ${units[unit]}`
}

export function formatDate(unixMs: number): string {
  return dateTime.format(new Date(unixMs))
}

/** Returns the extension of name in upper case without the dot, or "" if it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  if (dot <= 0 || dot === name.length - 1) return ''
  return name.slice(dot + 1).toUpperCase()
}

const KIND_LABELS: Record<EntryKind, string> = {
  folder: 'folder',
  image: 'image',
  video: 'video',
  other: 'file',
}

export function kindLabel(kind: EntryKind): string {
  return KIND_LABELS[kind]
}

/** Returns the accessible name of a tile: "name, kind, size" (folders have no size). */
export function entryLabel(entry: Entry): string {
  if (entry.kind === 'folder') return `${entry.name}, folder`
  return `${entry.name}, ${kindLabel(entry.kind)}, ${formatBytes(entry.size)}`
}

/** Formats a length in milliseconds as m:ss, or h:mm:ss from an hour on. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000)
  const seconds = String(total % 60).padStart(2, '0')
  const minutes = Math.floor(total / 60) % 60
  const hours = Math.floor(total / 3600)
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
  return `${minutes}:${seconds}`
}
