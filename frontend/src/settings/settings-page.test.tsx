import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as galleryApi from '@/api/gallery'
import type * as settingsApi from '@/api/settings'
import { chooseFolder, type Library } from '@/api/gallery'
import { about, apiStatus, deleteProfile, profiles, type Profile } from '@/api/settings'
import { PreferenceContext } from '@/lib/preference-context'
import { PreferenceStore } from '@/lib/preference-store'
import { SECTIONS } from '@/settings/sections'
import { SettingsPage, type SettingsPageProps } from '@/settings/settings-page'

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof galleryApi>()
  return { ...actual, chooseFolder: vi.fn(), testS3: vi.fn(), addS3Library: vi.fn() }
})

vi.mock('@/api/settings', async (importOriginal) => {
  const actual = await importOriginal<typeof settingsApi>()
  return {
    ...actual,
    about: vi.fn(),
    apiStatus: vi.fn(),
    profiles: vi.fn(),
    saveProfile: vi.fn(),
    deleteProfile: vi.fn(),
  }
})

const LIBRARIES: Library[] = [
  { id: 'photos', kind: 'folder', name: 'Photos', path: '/home/me/Photos' },
  { id: 'bucket', kind: 's3', name: 'Bucket', path: 's3://bucket/2026' },
]

const PROFILE: Profile = {
  id: 'p1',
  name: 'Production',
  baseUrl: 'https://img.example.com',
  signer: 'sha1',
  truncate: 0,
  escapesNames: true,
  rendersPreviews: true,
  secretSet: true,
  libraries: [{ library: 'photos', pathPrefix: 'photos/' }],
}

function renderPage(overrides: Partial<SettingsPageProps> = {}) {
  const store = new PreferenceStore({
    load: () => Promise.resolve({}),
    save: () => Promise.resolve(),
  })
  const props: SettingsPageProps = {
    libraries: LIBRARIES,
    keyStatus: { source: 'keychain', warning: '' },
    mac: false,
    onRemoveLibrary: vi.fn(() => Promise.resolve()),
    onLibraryAdded: vi.fn(() => Promise.resolve()),
    onClose: vi.fn(),
    ...overrides,
  }
  const result = render(
    <PreferenceContext value={store}>
      <SettingsPage {...props} />
    </PreferenceContext>,
  )
  return { ...result, props }
}

beforeEach(() => {
  vi.mocked(profiles).mockResolvedValue([PROFILE])
  vi.mocked(deleteProfile).mockResolvedValue()
  vi.mocked(about).mockResolvedValue({
    app: 'v0.1.0',
    imagor: '1.9.4',
    vips: '8.18.7',
    go: 'go1.25.4',
    platform: 'linux/amd64',
    error: '',
  })
})

describe('SettingsPage libraries', () => {
  it('lists libraries with their kind', () => {
    renderPage()
    const rows = screen.getAllByTestId('library-row')
    expect(rows).toHaveLength(2)
    expect(rows[0]).toHaveAttribute('data-kind', 'folder')
    expect(rows[1]).toHaveAttribute('data-kind', 's3')
    expect(rows[1]).toHaveTextContent('S3 bucket: s3://bucket/2026')
  })

  it('removes a library after confirming', async () => {
    const { props } = renderPage()
    await userEvent.click(screen.getByRole('button', { name: 'Remove Bucket' }))
    const dialog = screen.getByRole('alertdialog')
    expect(dialog).toHaveTextContent('its files are not touched')
    expect(dialog).toHaveTextContent('The bucket and its files stay as they are')
    await userEvent.click(screen.getByRole('button', { name: 'Remove' }))
    expect(props.onRemoveLibrary).toHaveBeenCalledWith(LIBRARIES[1])
  })

  it('keeps the page open on Escape in the dialog', async () => {
    const { props } = renderPage()
    await userEvent.click(screen.getByRole('button', { name: 'Remove Photos' }))
    await userEvent.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(props.onClose).not.toHaveBeenCalled()
    expect(props.onRemoveLibrary).not.toHaveBeenCalled()
    await userEvent.keyboard('{Escape}')
    expect(props.onClose).toHaveBeenCalledTimes(1)
  })

  it('adds a chosen folder', async () => {
    const added: Library = { id: 'new', kind: 'folder', name: 'New', path: '/new' }
    vi.mocked(chooseFolder).mockResolvedValue(added)
    const { props } = renderPage()
    await userEvent.click(screen.getByRole('button', { name: 'Add folder…' }))
    await waitFor(() => expect(props.onLibraryAdded).toHaveBeenCalledWith(added))
  })

  it('shows a failed folder dialog', async () => {
    vi.mocked(chooseFolder).mockRejectedValue('the folder dialog failed: no display')
    renderPage()
    await userEvent.click(screen.getByRole('button', { name: 'Add folder…' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('no display')
  })
})

describe('SettingsPage profiles', () => {
  it('lists profiles and deletes after confirming', async () => {
    renderPage({ initialSection: 'profiles' })
    const row = await screen.findByTestId('profile-row')
    expect(row).toHaveTextContent('Production')
    expect(row).toHaveTextContent('serves Photos')
    vi.mocked(profiles).mockResolvedValue([])
    await userEvent.click(screen.getByRole('button', { name: 'Delete Production' }))
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(deleteProfile).toHaveBeenCalledWith('p1')
    await waitFor(() => expect(screen.queryByTestId('profile-row')).not.toBeInTheDocument())
  })
})

describe('SettingsPage about', () => {
  it('shows the versions and the key source', async () => {
    renderPage({ initialSection: 'about' })
    expect(await screen.findByTestId('about-vips')).toHaveTextContent('8.18.7')
    expect(screen.getByText('In the system keychain')).toBeInTheDocument()
  })

  it('shows the key warning at the top', () => {
    const warning = 'The system keychain did not answer, so the key is kept in a file.'
    renderPage({ keyStatus: { source: 'file', warning } })
    expect(screen.getByTestId('key-warning')).toHaveTextContent(warning)
  })
})

describe('SettingsPage accessibility', () => {
  it.each(SECTIONS.map((section) => section.id))('%s passes axe-core', async (id) => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
    vi.mocked(apiStatus).mockResolvedValue({
      enabled: true,
      running: true,
      port: 7117,
      url: 'http://127.0.0.1:7117/graphql',
      token: 'a'.repeat(64),
      error: '',
      override: '',
    })
    const { container } = renderPage({
      initialSection: id,
      keyStatus: { source: 'file', warning: 'The keychain did not answer.' },
    })
    if (id === 'libraries') await userEvent.click(screen.getByTestId('add-s3'))
    if (id === 'profiles') {
      await screen.findByTestId('profile-row')
      await userEvent.click(screen.getByRole('button', { name: 'Edit Production' }))
    }
    if (id === 'about') await screen.findByText('8.18.7')
    if (id === 'api') await screen.findByTestId('api-url')
    // jsdom cannot compute colours; the contrast is checked in the browser in both themes.
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([])
  })
})
