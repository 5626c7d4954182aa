import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as settingsApi from '@/api/settings'
import type * as gallery from '@/api/gallery'
import { engineInfo, folders, list, start, type Library, type StartState } from '@/api/gallery'
import { keyStatus, preferences, setPreference } from '@/api/settings'
import { App } from '@/app'
import { PreferenceStore } from '@/lib/preference-store'
import { PreferenceContext } from '@/lib/preference-context'
import { syntheticList } from '@/test/fake-gallery'
import { stubLayout } from '@/test/layout'

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof gallery>()
  return {
    ...actual,
    start: vi.fn(),
    list: vi.fn(),
    folders: vi.fn(),
    engineInfo: vi.fn(),
  }
})

vi.mock('@/api/settings', async (importOriginal) => {
  const actual = await importOriginal<typeof settingsApi>()
  return {
    ...actual,
    preferences: vi.fn(),
    setPreference: vi.fn(),
    keyStatus: vi.fn(),
    about: vi.fn(() => new Promise(() => {})),
    profiles: vi.fn(() => Promise.resolve([])),
  }
})

vi.mock('@/api/runtime', () => ({
  onFileDrop: vi.fn(() => () => {}),
  onEvent: vi.fn(() => () => {}),
  isFullscreen: vi.fn(() => Promise.resolve(false)),
  setFullscreen: vi.fn(),
  copyText: vi.fn(),
}))

const LIBRARY: Library = { id: 'lib1', kind: 'folder', name: 'Photos', path: '/home/me/Photos' }
const START: StartState = { libraries: [LIBRARY], open: null, platform: 'linux', errors: [] }

function deferred<T>() {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

function renderApp() {
  // A fresh store per test, over the mocked Settings bindings.
  const store = new PreferenceStore({ load: preferences, save: setPreference })
  render(
    <PreferenceContext value={store}>
      <App />
    </PreferenceContext>,
  )
  return store
}

beforeEach(() => {
  stubLayout(1024, 768)
  vi.stubGlobal('fetch', () => new Promise<Response>(() => {}))
  vi.mocked(start).mockResolvedValue(START)
  vi.mocked(list).mockImplementation(syntheticList(20).list)
  vi.mocked(folders).mockResolvedValue([])
  vi.mocked(engineInfo).mockResolvedValue({ imagor: '1.9.4', vips: '8.18.7', pid: 1 })
  vi.mocked(keyStatus).mockResolvedValue({ source: 'file', warning: '' })
  vi.mocked(setPreference).mockResolvedValue()
})

afterEach(() => {
  document.documentElement.className = 'dark'
})

describe('App preferences', () => {
  it('loads preferences before the gallery renders', async () => {
    const stored = deferred<Record<string, string>>()
    vi.mocked(preferences).mockReturnValue(stored.promise)
    renderApp()

    // start() has resolved, but the gallery waits for the preferences.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(start).toHaveBeenCalled()
    expect(screen.queryByTestId('thumb-size')).not.toBeInTheDocument()

    stored.resolve({
      'gallery.tileSize': '240',
      'gallery.sort': '"size"',
      'appearance.theme': '"light"',
    })
    const slider = await screen.findByTestId('thumb-size')
    expect(slider).toHaveValue('240')
    expect(screen.getByTestId('sort-select')).toHaveValue('size')
    expect(document.documentElement).toHaveClass('light')
  })

  it('writes changes through SetPreference', async () => {
    vi.mocked(preferences).mockResolvedValue({})
    renderApp()
    const slider = await screen.findByTestId('thumb-size')
    expect(slider).toHaveValue('176')

    fireEvent.change(slider, { target: { value: '200' } })
    fireEvent.change(slider, { target: { value: '208' } })
    expect(slider).toHaveValue('208')
    await waitFor(() =>
      expect(setPreference).toHaveBeenCalledWith('gallery.tileSize', JSON.stringify(208)),
    )
    expect(setPreference).not.toHaveBeenCalledWith('gallery.tileSize', '200')
    expect(setPreference).toHaveBeenCalledWith(
      'gallery.lastFolder',
      JSON.stringify({ library: 'lib1', path: '' }),
    )
  })

  it('opens the last folder shown', async () => {
    vi.mocked(preferences).mockResolvedValue({
      'gallery.lastFolder': JSON.stringify({ library: 'lib1', path: '2026/May' }),
    })
    renderApp()
    expect(await screen.findByTestId('breadcrumbs')).toHaveTextContent('May')
    expect(folders).toHaveBeenCalledWith('lib1', '2026/May')
  })

  it('starts with defaults when preferences fail', async () => {
    vi.mocked(preferences).mockRejectedValue('database is locked')
    renderApp()
    expect(await screen.findByTestId('thumb-size')).toHaveValue('176')
    expect(screen.getByRole('alert')).toHaveTextContent('database is locked')
  })
})

describe('App settings page', () => {
  it('opens with Ctrl+comma and closes with Escape', async () => {
    vi.mocked(preferences).mockResolvedValue({})
    renderApp()
    await screen.findByTestId('thumb-size')

    fireEvent.keyDown(window, { key: ',', ctrlKey: true })
    expect(await screen.findByTestId('settings')).toBeInTheDocument()
    expect(screen.getAllByTestId('library-row')).toHaveLength(1)

    fireEvent.keyDown(window, { key: 'Escape' })
    expect(await screen.findByTestId('thumb-size')).toBeInTheDocument()
    expect(screen.queryByTestId('settings')).not.toBeInTheDocument()
  })

  it('ignores Ctrl+comma behind a modal', async () => {
    vi.mocked(preferences).mockResolvedValue({})
    renderApp()
    await screen.findByTestId('thumb-size')
    const modal = document.createElement('div')
    modal.setAttribute('aria-modal', 'true')
    document.body.append(modal)
    fireEvent.keyDown(window, { key: ',', ctrlKey: true })
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(screen.queryByTestId('settings')).not.toBeInTheDocument()
    modal.remove()
  })

  it('opens from the gear and closes with the back button', async () => {
    vi.mocked(preferences).mockResolvedValue({})
    renderApp()
    fireEvent.click(await screen.findByTestId('settings-open'))
    fireEvent.click(await screen.findByTestId('settings-close'))
    expect(await screen.findByTestId('thumb-size')).toBeInTheDocument()
  })

  it('shows the key warning and marks the gear', async () => {
    const warning = 'The system keychain is not available, so the key is kept in a file.'
    vi.mocked(keyStatus).mockResolvedValue({ source: 'file', warning })
    vi.mocked(preferences).mockResolvedValue({})
    renderApp()
    const gear = await screen.findByTestId('settings-open')
    await waitFor(() => expect(gear).toHaveAccessibleName('Settings (a warning needs attention)'))
    fireEvent.click(gear)
    expect(await screen.findByTestId('key-warning')).toHaveTextContent(warning)
  })
})
