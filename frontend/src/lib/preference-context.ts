import { createContext } from 'react'
import { preferences, setPreference } from '@/api/settings'
import { PreferenceStore, type LegacyStorage } from '@/lib/preference-store'
import { LEGACY_PREFERENCE_KEYS } from '@/lib/view-preferences'

function legacyStorage(): LegacyStorage | undefined {
  try {
    return window.localStorage
  } catch {
    // A webview may refuse storage for the app's origin, and then there is nothing to move.
    return undefined
  }
}

/** The app's preferences, kept by Go in config.db. */
export const preferenceStore = new PreferenceStore(
  { load: preferences, save: setPreference },
  { legacyStorage: legacyStorage(), legacyKeys: LEGACY_PREFERENCE_KEYS },
)

/** The store that useStoredState reads. Tests provide one over a fake backend. */
export const PreferenceContext = createContext<PreferenceStore>(preferenceStore)
