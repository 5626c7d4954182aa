export type Theme = 'dark' | 'light' | 'system'
export type ResolvedTheme = 'dark' | 'light'

export const THEMES: readonly Theme[] = ['dark', 'light', 'system']

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value)
}

/** Returns the palette to show: "system" follows the OS's light or dark setting. */
export function resolveTheme(theme: Theme, systemPrefersLight: boolean): ResolvedTheme {
  if (theme === 'system') return systemPrefersLight ? 'light' : 'dark'
  return theme
}

/**
 * Shows theme by its class on <html>, which index.css reads to swap the palette, and sets the
 * color-scheme that native controls and scrollbars follow.
 */
export function applyTheme(theme: ResolvedTheme, root: HTMLElement = document.documentElement) {
  root.classList.toggle('light', theme === 'light')
  root.classList.toggle('dark', theme === 'dark')
  root.style.colorScheme = theme
}
