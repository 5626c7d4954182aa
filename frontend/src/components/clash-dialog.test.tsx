import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { ClashDialog } from '@/components/clash-dialog'

function renderDialog(remaining: number) {
  const onChoose = vi.fn()
  const onCancel = vi.fn()
  render(
    <div id="root">
      <ClashDialog
        name="photo 1.jpg"
        folder="Album"
        remaining={remaining}
        onChoose={onChoose}
        onCancel={onCancel}
      />
    </div>,
  )
  return { onChoose, onCancel }
}

describe('ClashDialog', () => {
  it('names the entry and the folder, and focuses Keep both', () => {
    renderDialog(0)
    expect(
      screen.getByRole('alertdialog', { name: '“photo 1.jpg” already exists in “Album”' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Keep both' })).toHaveFocus()
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument()
  })

  it('reports each choice for this entry only by default', () => {
    const { onChoose } = renderDialog(2)
    fireEvent.click(screen.getByRole('button', { name: 'Replace' }))
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }))
    expect(onChoose.mock.calls).toEqual([
      [{ clash: 'replace', all: false }],
      [{ clash: 'skip', all: false }],
    ])
  })

  it('applies the choice to the remaining clashes when asked to', () => {
    const { onChoose } = renderDialog(3)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Do this for the 3 other clashes' }))
    fireEvent.click(screen.getByRole('button', { name: 'Keep both' }))
    expect(onChoose).toHaveBeenCalledWith({ clash: 'keep-both', all: true })
  })

  it('cancels on Escape', () => {
    const { onChoose, onCancel } = renderDialog(1)
    fireEvent.keyDown(document.body, { key: 'Escape' })
    expect(onCancel).toHaveBeenCalledTimes(1)
    expect(onChoose).not.toHaveBeenCalled()
  })
})
