import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { copyText } from '@/api/runtime'
import type * as runtimeApi from '@/api/runtime'
import type * as settingsApi from '@/api/settings'
import {
  apiStatus,
  rotateApiToken,
  setApiEnabled,
  setApiPort,
  type ApiStatus,
} from '@/api/settings'
import { ApiSection } from '@/settings/api-section'

vi.mock('@/api/settings', async (importOriginal) => {
  const actual = await importOriginal<typeof settingsApi>()
  return {
    ...actual,
    apiStatus: vi.fn(),
    setApiEnabled: vi.fn(),
    setApiPort: vi.fn(),
    rotateApiToken: vi.fn(),
  }
})

vi.mock('@/api/runtime', async (importOriginal) => {
  const actual = await importOriginal<typeof runtimeApi>()
  return { ...actual, copyText: vi.fn(() => Promise.resolve(true)) }
})

const OFF: ApiStatus = {
  enabled: false,
  running: false,
  port: 7117,
  url: '',
  token: 'a'.repeat(64),
  error: '',
  override: '',
}
const ON: ApiStatus = { ...OFF, enabled: true, running: true, url: 'http://127.0.0.1:7117/graphql' }

beforeEach(() => {
  vi.mocked(apiStatus).mockReset().mockResolvedValue(OFF)
  vi.mocked(setApiEnabled).mockReset()
  vi.mocked(setApiPort).mockReset()
  vi.mocked(rotateApiToken).mockReset()
  vi.mocked(copyText).mockClear()
})

describe('ApiSection', () => {
  it('turns the API on and shows its URL', async () => {
    vi.mocked(setApiEnabled).mockResolvedValue(ON)
    render(<ApiSection />)
    const toggle = await screen.findByTestId('api-enabled')
    await waitFor(() => expect(toggle).not.toBeDisabled())
    expect(toggle).not.toBeChecked()
    expect(screen.getByTestId('api-state')).toHaveTextContent('Off.')
    expect(screen.queryByTestId('api-url')).toBeNull()

    fireEvent.click(toggle)
    await waitFor(() => expect(screen.getByTestId('api-url')).toHaveValue(ON.url))
    expect(setApiEnabled).toHaveBeenCalledWith(true)
    expect(toggle).toBeChecked()
    expect(screen.getByTestId('api-state')).toHaveTextContent('Running at ' + ON.url)
  })

  it('copies the URL and the token', async () => {
    vi.mocked(apiStatus).mockResolvedValue(ON)
    render(<ApiSection />)
    fireEvent.click(await screen.findByTestId('api-url-copy'))
    await waitFor(() => expect(copyText).toHaveBeenCalledWith(ON.url))
    fireEvent.click(screen.getByTestId('api-token-copy'))
    await waitFor(() => expect(copyText).toHaveBeenCalledWith(ON.token))
    expect(screen.getByTestId('api-token-copy')).toHaveTextContent('Copied')
  })

  it('hides the token until asked', async () => {
    render(<ApiSection />)
    const token = await screen.findByTestId('api-token')
    expect(token).toHaveAttribute('type', 'password')
    fireEvent.click(screen.getByRole('button', { name: 'Show' }))
    expect(token).toHaveAttribute('type', 'text')
    expect(token).toHaveValue(OFF.token)
  })

  it('rotates the token', async () => {
    vi.mocked(rotateApiToken).mockResolvedValue({ ...OFF, token: 'b'.repeat(64) })
    render(<ApiSection />)
    fireEvent.click(await screen.findByTestId('api-rotate'))
    await waitFor(() => expect(screen.getByTestId('api-token')).toHaveValue('b'.repeat(64)))
    expect(screen.getByText(/old token no longer works/)).toBeInTheDocument()
  })

  it('saves a valid port and rejects an invalid one', async () => {
    vi.mocked(setApiPort).mockResolvedValue({ ...OFF, port: 8123 })
    render(<ApiSection />)
    const input = await screen.findByTestId('api-port')
    await waitFor(() => expect(input).toHaveValue('7117'))
    const save = screen.getByTestId('api-port-save')
    expect(save).toBeDisabled()

    fireEvent.change(input, { target: { value: '80' } })
    expect(save).toBeDisabled()
    expect(screen.getByText('Give a port from 1024 to 65535.')).toBeInTheDocument()

    fireEvent.change(input, { target: { value: '8123' } })
    fireEvent.click(save)
    await waitFor(() => expect(setApiPort).toHaveBeenCalledWith(8123))
    await waitFor(() => expect(save).toBeDisabled())
  })

  it('shows why the server is not running', async () => {
    vi.mocked(apiStatus).mockResolvedValue({
      ...OFF,
      enabled: true,
      error: 'listen on 127.0.0.1:7117: address already in use; pick another port',
    })
    render(<ApiSection />)
    expect(await screen.findByTestId('api-error')).toHaveTextContent('address already in use')
    expect(screen.getByTestId('api-state')).toHaveTextContent('Not running.')
  })

  it('shows a failed switch', async () => {
    vi.mocked(setApiEnabled).mockRejectedValue('invalid setting: API port 80')
    render(<ApiSection />)
    const toggle = await screen.findByTestId('api-enabled')
    await waitFor(() => expect(toggle).not.toBeDisabled())
    fireEvent.click(toggle)
    expect(await screen.findByTestId('api-error')).toHaveTextContent('API port 80')
  })
})
