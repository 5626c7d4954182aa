import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as settingsApi from '@/api/settings'
import type { Library } from '@/api/gallery'
import { saveProfile, type Profile, type ProfileInput } from '@/api/settings'
import { ProfileForm } from '@/settings/profile-form'

vi.mock('@/api/settings', async (importOriginal) => {
  const actual = await importOriginal<typeof settingsApi>()
  return { ...actual, saveProfile: vi.fn() }
})

const LIBRARIES: Library[] = [
  { id: 'photos', kind: 'folder', name: 'Photos', path: '/home/me/Photos' },
  { id: 'bucket', kind: 's3', name: 'Bucket', path: 's3://bucket/' },
]

const STORED: Profile = {
  id: 'p1',
  name: 'Production',
  baseUrl: 'https://img.example.com',
  signer: 'sha256',
  truncate: 40,
  escapesNames: true,
  rendersPreviews: false,
  secretSet: true,
  libraries: [
    { library: 'photos', pathPrefix: 'photos/2026/' },
    // A library that is not open any more.
    { library: 'gone', pathPrefix: 'old/' },
  ],
}

function renderForm(profile: Profile | null) {
  const onSaved = vi.fn()
  render(
    <ProfileForm
      profile={profile}
      libraries={LIBRARIES}
      onSaved={onSaved}
      onCancel={vi.fn()}
      onDelete={profile ? vi.fn() : undefined}
    />,
  )
  return { onSaved }
}

/** Clicks Save and returns what SaveProfile got. */
async function save(): Promise<ProfileInput> {
  await userEvent.click(screen.getByTestId('profile-save'))
  await waitFor(() => expect(saveProfile).toHaveBeenCalledTimes(1))
  return vi.mocked(saveProfile).mock.calls[0][0]
}

beforeEach(() => {
  vi.mocked(saveProfile).mockImplementation((input) =>
    Promise.resolve({ ...STORED, ...input, secretSet: input.secret !== '' }),
  )
})

describe('ProfileForm secret', () => {
  it('keeps a set secret as null', async () => {
    const { onSaved } = renderForm(STORED)
    expect(screen.getByText('Secret is set')).toBeInTheDocument()
    expect(screen.queryByTestId('profile-secret')).not.toBeInTheDocument()
    const input = await save()
    expect(input.secret).toBeNull()
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
  })

  it('clears a set secret with ""', async () => {
    renderForm(STORED)
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.getByTestId('profile-secret-status')).toHaveTextContent('will be cleared')
    const input = await save()
    expect(input.secret).toBe('')
  })

  it('undoes a clear', async () => {
    renderForm(STORED)
    await userEvent.click(screen.getByRole('button', { name: 'Clear' }))
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }))
    const input = await save()
    expect(input.secret).toBeNull()
  })

  it('replaces a set secret with the typed value', async () => {
    renderForm(STORED)
    await userEvent.click(screen.getByRole('button', { name: 'Replace' }))
    const field = screen.getByTestId('profile-secret')
    expect(field).toHaveValue('')
    expect(field).toHaveAttribute('type', 'password')
    expect(field).toHaveFocus()
    await userEvent.type(field, 'new secret')
    const input = await save()
    expect(input.secret).toBe('new secret')
  })

  it('keeps the secret after an empty replace', async () => {
    renderForm(STORED)
    await userEvent.click(screen.getByRole('button', { name: 'Replace' }))
    const input = await save()
    expect(input.secret).toBeNull()
  })

  it('sends null for a new profile without secret', async () => {
    renderForm(null)
    await userEvent.type(screen.getByTestId('profile-name'), 'Local')
    await userEvent.type(screen.getByTestId('profile-base-url'), 'http://127.0.0.1:8000')
    const input = await save()
    expect(input.secret).toBeNull()
    expect(input.id).toBe('')
  })

  it('sends the typed secret of a new profile', async () => {
    renderForm(null)
    await userEvent.type(screen.getByTestId('profile-secret'), 'mysecret')
    const input = await save()
    expect(input.secret).toBe('mysecret')
  })
})

describe('ProfileForm fields', () => {
  it('sends every field of an edit', async () => {
    renderForm(STORED)
    await userEvent.clear(screen.getByTestId('profile-name'))
    await userEvent.type(screen.getByTestId('profile-name'), ' Staging ')
    await userEvent.selectOptions(screen.getByTestId('profile-signer'), 'sha512')
    fireEvent.change(screen.getByTestId('profile-truncate'), { target: { value: '0' } })
    await userEvent.click(screen.getByLabelText('Render previews on this server'))
    await userEvent.click(screen.getByRole('checkbox', { name: 'Bucket' }))
    await userEvent.type(screen.getByLabelText('Path prefix of Bucket on the server'), 'b/')
    const input = await save()
    expect(input).toEqual({
      id: 'p1',
      name: 'Staging',
      baseUrl: 'https://img.example.com',
      secret: null,
      signer: 'sha512',
      truncate: 0,
      escapesNames: true,
      rendersPreviews: true,
      libraries: [
        { library: 'photos', pathPrefix: 'photos/2026/' },
        { library: 'gone', pathPrefix: 'old/' },
        { library: 'bucket', pathPrefix: 'b/' },
      ],
    })
  })

  it('drops an unticked library', async () => {
    renderForm(STORED)
    const prefix = screen.getByLabelText('Path prefix of Photos on the server')
    expect(prefix).toHaveValue('photos/2026/')
    await userEvent.click(screen.getByRole('checkbox', { name: 'Photos' }))
    expect(prefix).toBeDisabled()
    const input = await save()
    expect(input.libraries).toEqual([{ library: 'gone', pathPrefix: 'old/' }])
  })

  it('rejects a fractional truncate', async () => {
    renderForm(STORED)
    fireEvent.change(screen.getByTestId('profile-truncate'), { target: { value: '1.5' } })
    await userEvent.click(screen.getByTestId('profile-save'))
    expect(screen.getByRole('alert')).toHaveTextContent('whole number')
    expect(saveProfile).not.toHaveBeenCalled()
  })

  it('shows the Go error as is', async () => {
    const message =
      'invalid setting: base URL "img": give an http or https URL such as https://img.example.com'
    vi.mocked(saveProfile).mockRejectedValue(message)
    const { onSaved } = renderForm(null)
    await userEvent.type(screen.getByTestId('profile-base-url'), 'img')
    await userEvent.click(screen.getByTestId('profile-save'))
    expect(await screen.findByTestId('profile-error')).toHaveTextContent(message)
    expect(onSaved).not.toHaveBeenCalled()
    expect(screen.getByTestId('profile-save')).toBeEnabled()
  })
})
