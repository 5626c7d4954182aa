import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { RenameField } from '@/components/rename-field'
import { stemLength } from '@/lib/rename'

function renderField(name: string, isFolder = false) {
  const onCommit = vi.fn()
  const onCancel = vi.fn()
  render(<RenameField name={name} isFolder={isFolder} onCommit={onCommit} onCancel={onCancel} />)
  const input = screen.getByRole('textbox', { name: `New name for ${name}` })
  if (!(input instanceof HTMLInputElement)) throw new Error('the rename field is not an input')
  return { input, onCommit, onCancel }
}

function selected(input: HTMLInputElement): string {
  return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0)
}

describe('stemLength', () => {
  it('leaves the extension out of the stem', () => {
    expect(stemLength('photo 1.jpg', false)).toBe(7)
    expect(stemLength('archive.tar.gz', false)).toBe(11)
  })

  it('selects whole names of folders, dot files and names without a dot', () => {
    expect(stemLength('trip.2024', true)).toBe(9)
    expect(stemLength('.hidden', false)).toBe(7)
    expect(stemLength('README', false)).toBe(6)
  })
})

describe('RenameField', () => {
  it('starts focused with only the stem selected', () => {
    const { input } = renderField('beach day.jpeg')
    expect(input).toHaveFocus()
    expect(selected(input)).toBe('beach day')
  })

  it('keeps the extension when the user types over the selection', async () => {
    const { input, onCommit } = renderField('beach day.jpeg')
    await userEvent.keyboard('sunset{Enter}')
    expect(input.value).toBe('sunset.jpeg')
    expect(onCommit).toHaveBeenCalledWith('sunset.jpeg')
  })

  it('changes the extension only when it is edited on purpose', async () => {
    const { input, onCommit } = renderField('a.png')
    await userEvent.clear(input)
    await userEvent.type(input, 'a.webp{Enter}')
    expect(onCommit).toHaveBeenCalledWith('a.webp')
  })

  it('cancels on Escape and when the name is unchanged', () => {
    const first = renderField('x.jpg')
    fireEvent.keyDown(first.input, { key: 'Escape' })
    expect(first.onCancel).toHaveBeenCalledTimes(1)
    expect(first.onCommit).not.toHaveBeenCalled()
  })

  it('does not commit a name with a slash and says why', async () => {
    const { input, onCommit } = renderField('x.jpg')
    await userEvent.clear(input)
    await userEvent.type(input, 'a/b.jpg{Enter}')
    expect(onCommit).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toHaveTextContent('A name cannot contain “/”.')
  })
})
