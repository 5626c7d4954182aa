import { useStoredState } from '@/hooks/use-stored-state'
import { isTheme, type Theme } from '@/lib/theme'
import { PREF_THEME } from '@/lib/view-preferences'

/** Returns the theme preference (dark, light or system) and its setter. Dark is the default. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  return useStoredState<Theme>(PREF_THEME, 'dark', isTheme)
}
