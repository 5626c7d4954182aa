import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PreferenceStore, type LegacyStorage } from '@/lib/preference-store'

const DELAY_MS = 400

function fakeBackend(stored: Record<string, string> = {}) {
  return {
    load: vi.fn(() => Promise.resolve({ ...stored })),
    save: vi.fn<(key: string, json: string) => Promise<void>>(() => Promise.resolve()),
  }
}

function fakeStorage(items: Record<string, string>): LegacyStorage & { items: typeof items } {
  return {
    items,
    getItem: (key) => items[key] ?? null,
    removeItem: (key) => {
      delete items[key]
    },
  }
}

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('PreferenceStore', () => {
  it('loads stored JSON values', async () => {
    const store = new PreferenceStore(fakeBackend({ size: '240', names: 'false', bad: '{' }))
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await store.load()
    expect(store.get('size')).toBe(240)
    expect(store.get('names')).toBe(false)
    expect(store.get('bad')).toBeUndefined()
    expect(store.get('missing')).toBeUndefined()
  })

  it('loads from the backend only once', async () => {
    const backend = fakeBackend()
    const store = new PreferenceStore(backend)
    await Promise.all([store.load(), store.load()])
    await store.load()
    expect(backend.load).toHaveBeenCalledTimes(1)
  })

  it('writes the last value after the delay', async () => {
    const backend = fakeBackend()
    const store = new PreferenceStore(backend, { saveDelayMs: DELAY_MS })
    await store.load()
    store.set('size', 200)
    vi.advanceTimersByTime(DELAY_MS - 1)
    store.set('size', 208)
    store.set('size', 216)
    expect(store.get('size')).toBe(216)
    vi.advanceTimersByTime(DELAY_MS - 1)
    expect(backend.save).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(backend.save).toHaveBeenCalledTimes(1)
    expect(backend.save).toHaveBeenCalledWith('size', '216')
  })

  it('skips writing an unchanged value', async () => {
    const backend = fakeBackend({ sort: '"name"' })
    const store = new PreferenceStore(backend)
    await store.load()
    store.set('sort', 'name')
    await store.flush()
    expect(backend.save).not.toHaveBeenCalled()
  })

  it('notifies subscribers of each change', async () => {
    const store = new PreferenceStore(fakeBackend({ a: '1' }))
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    await store.load()
    expect(listener).toHaveBeenCalledTimes(1)
    store.set('a', 2)
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    store.set('a', 3)
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('keeps a change made before the load', async () => {
    const backend = fakeBackend({ size: '240' })
    const store = new PreferenceStore(backend)
    store.set('size', 120)
    await store.load()
    expect(store.get('size')).toBe(120)
    await store.flush()
    expect(backend.save).toHaveBeenCalledWith('size', '120')
  })

  it('reports a failed write', async () => {
    const backend = fakeBackend()
    backend.save.mockRejectedValue('invalid setting: preference x is not JSON')
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const store = new PreferenceStore(backend)
    const onError = vi.fn()
    store.onSaveError(onError)
    store.set('x', 1)
    await store.flush()
    expect(onError).toHaveBeenCalledWith(
      'Saving the x preference failed: invalid setting: preference x is not JSON',
    )
  })

  it('moves legacy values the backend lacks', async () => {
    const backend = fakeBackend({ 'gallery.sort': '"size"' })
    const storage = fakeStorage({
      'gallery.sort': '"modified"',
      'gallery.tileSize': '256',
      'other.key': '1',
    })
    const store = new PreferenceStore(backend, {
      legacyStorage: storage,
      legacyKeys: ['gallery.sort', 'gallery.tileSize'],
    })
    await store.load()
    // The backend's value wins over the legacy one.
    expect(store.get('gallery.sort')).toBe('size')
    expect(store.get('gallery.tileSize')).toBe(256)
    expect(backend.save).toHaveBeenCalledTimes(1)
    expect(backend.save).toHaveBeenCalledWith('gallery.tileSize', '256')
    await vi.waitFor(() => expect(storage.items).toEqual({ 'other.key': '1' }))
  })

  it('keeps a legacy value whose move failed', async () => {
    const backend = fakeBackend()
    backend.save.mockRejectedValue('database is locked')
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const storage = fakeStorage({ 'gallery.desc': 'true' })
    const store = new PreferenceStore(backend, {
      legacyStorage: storage,
      legacyKeys: ['gallery.desc'],
    })
    await store.load()
    expect(store.get('gallery.desc')).toBe(true)
    await vi.waitFor(() => expect(console.warn).toHaveBeenCalled())
    expect(storage.items).toEqual({ 'gallery.desc': 'true' })
  })
})
