/** Storage of the preferences: Settings.Preferences and Settings.SetPreference in the app. */
export interface PreferenceBackend {
  /** Resolves to every stored preference as JSON text under its key. */
  load: () => Promise<Record<string, string>>
  save: (key: string, json: string) => Promise<void>
}

/** Storage that older versions kept preferences in, read once and emptied by load(). */
export interface LegacyStorage {
  getItem: (key: string) => string | null
  removeItem: (key: string) => void
}

export interface PreferenceStoreOptions {
  /** Quiet time after the last change of a key before it is written, in milliseconds. */
  saveDelayMs?: number
  legacyStorage?: LegacyStorage
  /** Keys to move from legacyStorage when the backend has no value for them. */
  legacyKeys?: readonly string[]
}

const DEFAULT_SAVE_DELAY_MS = 400

/**
 * UI preferences held in memory, loaded once from the backend and written back debounced, so a
 * slider drag costs one write. Values are JSON-compatible. get() returns undefined for a key
 * that has no value, and callers validate what they read.
 */
export class PreferenceStore {
  private readonly backend: PreferenceBackend
  private readonly saveDelayMs: number
  private readonly legacyStorage?: LegacyStorage
  private readonly legacyKeys: readonly string[]
  private readonly values = new Map<string, unknown>()
  /** JSON text of the changes not written yet, by key. */
  private readonly unsaved = new Map<string, string>()
  private readonly listeners = new Set<() => void>()
  private readonly errorListeners = new Set<(message: string) => void>()
  private loading: Promise<void> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(backend: PreferenceBackend, options: PreferenceStoreOptions = {}) {
    this.backend = backend
    this.saveDelayMs = options.saveDelayMs ?? DEFAULT_SAVE_DELAY_MS
    this.legacyStorage = options.legacyStorage
    this.legacyKeys = options.legacyKeys ?? []
  }

  /**
   * Reads the stored preferences once, and later calls return the first call's promise. A key
   * changed with set() before the load finished keeps its new value.
   */
  load(): Promise<void> {
    this.loading ??= this.backend.load().then((stored) => {
      for (const [key, json] of Object.entries(stored)) {
        if (this.unsaved.has(key)) continue
        try {
          this.values.set(key, JSON.parse(json) as unknown)
        } catch {
          console.warn(`Ignored the ${key} preference: its stored value is not JSON`, json)
        }
      }
      this.moveLegacy(stored)
      this.notify()
    })
    return this.loading
  }

  get(key: string): unknown {
    return this.values.get(key)
  }

  /** Changes a preference at once for every reader, and writes it after the save delay. */
  set(key: string, value: unknown): void {
    const json = JSON.stringify(value)
    if (this.values.has(key) && JSON.stringify(this.values.get(key)) === json) return
    this.values.set(key, value)
    this.unsaved.set(key, json)
    this.notify()
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.flush(), this.saveDelayMs)
  }

  /** Writes every pending change now. A failed write is reported to the error listeners. */
  async flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const batch = [...this.unsaved]
    this.unsaved.clear()
    await Promise.all(
      batch.map(([key, json]) =>
        this.backend.save(key, json).catch((err: unknown) => {
          const reason = typeof err === 'string' ? err : String(err)
          const message = `Saving the ${key} preference failed: ${reason}`
          console.warn(message)
          for (const listener of this.errorListeners) listener(message)
        }),
      ),
    )
  }

  /** Calls listener after every change, and returns the function that removes it. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Calls listener with a message for the user when a write fails. */
  onSaveError(listener: (message: string) => void): () => void {
    this.errorListeners.add(listener)
    return () => this.errorListeners.delete(listener)
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }

  // Moves the keys that only the legacy storage has into the backend. Each key leaves the legacy
  // storage once the backend has it.
  private moveLegacy(stored: Record<string, string>): void {
    const storage = this.legacyStorage
    if (!storage) return
    for (const key of this.legacyKeys) {
      let json: string | null
      try {
        json = storage.getItem(key)
      } catch {
        return
      }
      if (json === null) continue
      if (key in stored || this.unsaved.has(key)) {
        storage.removeItem(key)
        continue
      }
      let value: unknown
      try {
        value = JSON.parse(json)
      } catch {
        // The old hook ignored an unreadable value too.
        storage.removeItem(key)
        continue
      }
      this.values.set(key, value)
      this.backend.save(key, json).then(
        () => storage.removeItem(key),
        (err: unknown) => console.warn(`Moving the ${key} preference to config.db failed`, err),
      )
    }
  }
}
