import { useCallback, useContext, useSyncExternalStore } from 'react'
import { PreferenceContext } from '@/lib/preference-context'

/**
 * useState for a UI preference such as the tile size. The value lives in the PreferenceStore,
 * which Go keeps in config.db, so every component that uses the same key shows the same value
 * and a change is written once it settles. A stored value that fails isValid reads as initial.
 * The App loads the store before it renders the gallery.
 */
export function useStoredState<T>(
  key: string,
  initial: T,
  isValid: (value: unknown) => value is T,
): [T, (value: T) => void] {
  const store = useContext(PreferenceContext)
  const stored = useSyncExternalStore(store.subscribe, () => store.get(key))
  const setValue = useCallback((value: T) => store.set(key, value), [store, key])
  return [isValid(stored) ? stored : initial, setValue]
}
