import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type * as settingsApi from '@/api/settings'
import type { Library } from '@/api/gallery'
import { RemoteStatusList } from '@/settings/remote-status-list'

vi.mock('@/api/settings', async (importOriginal) => {
  const actual = await importOriginal<typeof settingsApi>()
  return {
    ...actual,
    remoteStatus: vi.fn(() =>
      Promise.resolve([
        {
          library: 'bucket',
          baseUrl: 'https://img.example.com',
          ok: false,
          reason: 'meta answered 404',
          fallback: 3,
        },
        {
          library: 'photos',
          baseUrl: 'https://cdn.example.com',
          ok: true,
          reason: '',
          fallback: 0,
        },
      ]),
    ),
  }
})

const LIBRARIES: Library[] = [
  { id: 'photos', kind: 'folder', name: 'Photos', path: '/home/me/Photos' },
  { id: 'bucket', kind: 's3', name: 'Bucket', path: 's3://bucket/' },
]

describe('RemoteStatusList', () => {
  it('says why a library renders locally', async () => {
    render(<RemoteStatusList libraries={LIBRARIES} />)
    expect(
      await screen.findByText(/Bucket → https:\/\/img.example.com: meta answered 404/),
    ).toBeTruthy()
    expect(screen.getByText(/3 rendered locally after a failure/)).toBeTruthy()
    expect(screen.getByText(/Photos → https:\/\/cdn.example.com: working/)).toBeTruthy()
  })
})
