import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useAppliedTheme } from '@/hooks/use-applied-theme'
import { PreferenceContext } from '@/lib/preference-context'
import { PreferenceStore } from '@/lib/preference-store'
import { AppearanceSection } from '@/settings/appearance-section'

function ThemeRoot() {
  useAppliedTheme()
  return null
}

function renderSection(stored: Record<string, string> = {}) {
  const backend = {
    load: vi.fn(() => Promise.resolve(stored)),
    save: vi.fn<(key: string, json: string) => Promise<void>>(() => Promise.resolve()),
  }
  const store = new PreferenceStore(backend, { saveDelayMs: 0 })
  render(
    <PreferenceContext value={store}>
      <ThemeRoot />
      <AppearanceSection />
    </PreferenceContext>,
  )
  return { store, backend }
}

/** Makes matchMedia report the OS setting, since jsdom has no matchMedia of its own. */
function stubSystemTheme(light: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: light && query === '(prefers-color-scheme: light)',
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }))
}

const root = document.documentElement

afterEach(() => {
  root.className = 'dark'
  root.style.colorScheme = ''
})

describe('AppearanceSection theme', () => {
  it('switches the document class', async () => {
    const { backend } = renderSection()
    expect(root).toHaveClass('dark')

    await userEvent.selectOptions(screen.getByTestId('theme-select'), 'light')
    expect(root).toHaveClass('light')
    expect(root).not.toHaveClass('dark')
    expect(root.style.colorScheme).toBe('light')

    await userEvent.selectOptions(screen.getByTestId('theme-select'), 'dark')
    expect(root).toHaveClass('dark')
    expect(root).not.toHaveClass('light')
    await waitFor(() => expect(backend.save).toHaveBeenLastCalledWith('appearance.theme', '"dark"'))
  })

  it('follows the system theme', async () => {
    stubSystemTheme(true)
    renderSection()
    await userEvent.selectOptions(screen.getByTestId('theme-select'), 'system')
    expect(root).toHaveClass('light')
  })

  it('shows the stored theme', async () => {
    const { store } = renderSection({ 'appearance.theme': '"light"' })
    await store.load()
    await waitFor(() => expect(screen.getByTestId('theme-select')).toHaveValue('light'))
    expect(root).toHaveClass('light')
  })
})

describe('AppearanceSection gallery options', () => {
  it('stores the thumbnail size and names', async () => {
    const { store } = renderSection()
    const slider = screen.getByTestId('settings-thumb-size')
    expect(slider).toHaveValue('176')
    await userEvent.click(screen.getByLabelText('Show file names'))
    expect(store.get('gallery.showNames')).toBe(false)
    fireEvent.change(slider, { target: { value: '184' } })
    expect(store.get('gallery.tileSize')).toBe(184)
    expect(slider).toHaveValue('184')
  })
})
