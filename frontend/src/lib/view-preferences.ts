import { SORT_KEYS, type Location, type SortKey } from '@/api/gallery'
import { MAX_TILE_SIZE, MIN_TILE_SIZE } from '@/lib/grid-math'

// Keys of the UI preferences in config.db (Settings.SetPreference) and checks for their values.
// Go accepts up to 64 letters, digits, '.', '-' or '_' in a key.

export const PREF_SORT = 'gallery.sort'
export const PREF_DESC = 'gallery.desc'
export const PREF_TILE_SIZE = 'gallery.tileSize'
export const PREF_SHOW_NAMES = 'gallery.showNames'
/** The folder shown last, opened at the next start unless the command line names another. */
export const PREF_LAST_FOLDER = 'gallery.lastFolder'
export const PREF_THEME = 'appearance.theme'

/** Keys that versions before the settings page kept in localStorage. */
export const LEGACY_PREFERENCE_KEYS: readonly string[] = [
  PREF_SORT,
  PREF_DESC,
  PREF_TILE_SIZE,
  PREF_SHOW_NAMES,
]

export const DEFAULT_TILE_SIZE = 176

/** The part of a Location that is remembered as the last folder. */
export type FolderLocation = Pick<Location, 'library' | 'path'>

export const isSortKey = (value: unknown): value is SortKey =>
  typeof value === 'string' && (SORT_KEYS as readonly string[]).includes(value)

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'

export const isTileSize = (value: unknown): value is number =>
  typeof value === 'number' && value >= MIN_TILE_SIZE && value <= MAX_TILE_SIZE

export const isFolderLocation = (value: unknown): value is FolderLocation | null => {
  if (value === null) return true
  if (typeof value !== 'object') return false
  const { library, path } = value as Partial<Record<keyof FolderLocation, unknown>>
  return typeof library === 'string' && typeof path === 'string'
}
