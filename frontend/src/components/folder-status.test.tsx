import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { FolderStatus } from '@/components/folder-status'

describe('FolderStatus', () => {
  it('shows a deleted folder with a way back and a retry', () => {
    const onBack = vi.fn()
    const onRetry = vi.fn()
    render(<FolderStatus kind="gone" backLabel="Open Photos" onBack={onBack} onRetry={onRetry} />)
    expect(screen.getByRole('status')).toHaveTextContent(
      'This folder was deleted or its disk was removed',
    )
    fireEvent.click(screen.getByRole('button', { name: 'Open Photos' }))
    expect(onBack).toHaveBeenCalledOnce()
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('offers no way back when nothing above the folder exists', () => {
    render(<FolderStatus kind="gone" onRetry={() => {}} />)
    expect(screen.queryByTestId('folder-back')).toBeNull()
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument()
  })
})
