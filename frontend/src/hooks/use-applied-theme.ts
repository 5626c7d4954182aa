import { useLayoutEffect, useSyncExternalStore } from 'react'
import { useTheme } from '@/hooks/use-theme'
import { applyTheme, resolveTheme } from '@/lib/theme'

const LIGHT_QUERY = '(prefers-color-scheme: light)'

function lightQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(LIGHT_QUERY) : null
}

function subscribe(onChange: () => void): () => void {
  const query = lightQuery()
  query?.addEventListener('change', onChange)
  return () => query?.removeEventListener('change', onChange)
}

const prefersLight = () => lightQuery()?.matches ?? false

/** Applies the theme preference to the document, following the OS while it is "system". */
export function useAppliedTheme(): void {
  const [theme] = useTheme()
  const systemLight = useSyncExternalStore(subscribe, prefersLight)
  const resolved = resolveTheme(theme, systemLight)
  useLayoutEffect(() => applyTheme(resolved), [resolved])
}
