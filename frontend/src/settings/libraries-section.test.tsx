import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type * as galleryApi from '@/api/gallery'
import { moveLibrary, renameLibrary, type Library } from '@/api/gallery'
import { LibrariesSection } from '@/settings/libraries-section'

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof galleryApi>()
  return {
    ...actual,
    renameLibrary: vi.fn((id: string, name: string) =>
      Promise.resolve({ id, kind: 'folder', name, path: '/p' }),
    ),
    moveLibrary: vi.fn(() => Promise.resolve()),
  }
})

const LIBRARIES: Library[] = [
  { id: 'a', kind: 'folder', name: 'Photos', path: '/home/me/Photos' },
  { id: 'b', kind: 's3', name: 'Bucket', path: 's3://bucket/' },
]

describe('LibrariesSection', () => {
  it('renames a library and refreshes the list', async () => {
    const onAdded = vi.fn(() => Promise.resolve())
    render(<LibrariesSection libraries={LIBRARIES} onRemove={vi.fn()} onAdded={onAdded} />)
    fireEvent.click(screen.getByRole('button', { name: 'Rename Photos' }))
    const input = screen.getByLabelText('New name for Photos')
    fireEvent.change(input, { target: { value: 'Holidays' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await waitFor(() => expect(onAdded).toHaveBeenCalled())
    expect(renameLibrary).toHaveBeenCalledWith('a', 'Holidays')
  })

  it('moves a library down and not past the ends', async () => {
    const onAdded = vi.fn(() => Promise.resolve())
    render(<LibrariesSection libraries={LIBRARIES} onRemove={vi.fn()} onAdded={onAdded} />)
    expect(screen.getByRole('button', { name: 'Move Photos up' })).toHaveProperty('disabled', true)
    expect(screen.getByRole('button', { name: 'Move Bucket down' })).toHaveProperty(
      'disabled',
      true,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Move Photos down' }))
    await waitFor(() => expect(onAdded).toHaveBeenCalled())
    expect(moveLibrary).toHaveBeenCalledWith('a', 1)
  })
})
