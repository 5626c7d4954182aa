import { act, fireEvent, render } from '@testing-library/react'
import { useState, useSyncExternalStore } from 'react'
import { describe, expect, it } from 'vitest'
import { useFollowEntry } from '@/hooks/use-follow-entry'
import { ListingSource } from '@/lib/listing-source'
import { folderOnDisk, imageEntry } from '@/test/fake-gallery'

const QUERY = { library: 'lib', path: '', sort: 'name', desc: false, filter: '' } as const

/** Shows the name at the focused index of source, following it as the listing changes. */
function Focused({ source }: { source: ListingSource }) {
  useSyncExternalStore(source.subscribe, source.getVersion)
  const [index, setIndex] = useState(1)
  useFollowEntry(source, index, setIndex)
  return (
    <>
      <p data-testid="focused">{source.getEntry(index)?.name ?? ''}</p>
      <button type="button" onClick={() => setIndex(1)}>
        second
      </button>
    </>
  )
}

describe('useFollowEntry', () => {
  it('keeps the focused entry when entries are added and removed before it', async () => {
    const source = new ListingSource(QUERY, folderOnDisk(['b.jpg', 'd.jpg', 'f.jpg']).list, 100)
    await source.start()
    const { getByTestId, getByRole } = render(<Focused source={source} />)
    expect(getByTestId('focused').textContent).toBe('d.jpg')

    act(() => source.applyChanges([{ kind: 'added', path: 'a.jpg', entry: imageEntry('a.jpg') }]))
    expect(getByTestId('focused').textContent).toBe('d.jpg')
    act(() => source.applyChanges([{ kind: 'removed', path: 'a.jpg', entry: imageEntry('a.jpg') }]))
    act(() => source.applyChanges([{ kind: 'removed', path: 'b.jpg', entry: imageEntry('b.jpg') }]))
    expect(getByTestId('focused').textContent).toBe('d.jpg')

    // A move by the user is not undone.
    fireEvent.click(getByRole('button'))
    expect(getByTestId('focused').textContent).toBe('f.jpg')
  })

  it('stays at the index when the focused entry is removed', async () => {
    const source = new ListingSource(QUERY, folderOnDisk(['b.jpg', 'd.jpg', 'f.jpg']).list, 100)
    await source.start()
    const { getByTestId } = render(<Focused source={source} />)
    act(() => source.applyChanges([{ kind: 'removed', path: 'd.jpg', entry: imageEntry('d.jpg') }]))
    expect(getByTestId('focused').textContent).toBe('f.jpg')
  })
})
