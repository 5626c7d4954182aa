import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react'
import { createPortal } from 'react-dom'
import type { Library } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { useModal } from '@/hooks/use-modal'
import { FolderTreeStore } from '@/lib/folder-tree-store'

export interface FolderPickerProps {
  library: Library
  /** Such as "Move 3 items to". */
  title: string
  confirmLabel: string
  /** Folders that cannot be chosen, such as the moved folders themselves. */
  disabled?: ReadonlySet<string>
  onPick: (path: string) => void
  onCancel: () => void
}

interface PickerRow {
  path: string
  name: string
  level: number
  expanded: boolean
}

/** Lets the user choose a folder of a library in a modal tree, for Move to and Copy to. */
export function FolderPicker(props: FolderPickerProps) {
  const { library, title, confirmLabel, disabled, onPick, onCancel } = props
  const titleId = useId()
  const store = useMemo(() => new FolderTreeStore(library.id), [library.id])
  useSyncExternalStore(store.subscribe, store.getVersion)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set(['']))
  const [chosen, setChosen] = useState('')
  useModal()

  useEffect(() => {
    for (const path of expanded) store.load(path)
  }, [store, expanded])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      onCancel()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onCancel])

  const rows: PickerRow[] = [{ path: '', name: library.name, level: 0, expanded: true }]
  const walk = (path: string, level: number) => {
    const children = store.get(path)
    if (children?.status !== 'loaded') return
    for (const folder of children.folders) {
      const open = expanded.has(folder.path)
      rows.push({ path: folder.path, name: folder.name, level, expanded: open })
      if (open) walk(folder.path, level + 1)
    }
  }
  walk('', 1)

  const toggle = (path: string) =>
    setExpanded((old) => {
      const next = new Set(old)
      if (next.has(path)) next.delete(path)
      else next.add(path)
      return next
    })

  return createPortal(
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/60">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="folder-picker"
        className="flex max-h-[80vh] w-[28rem] flex-col rounded-lg border border-zinc-700 bg-zinc-900 p-5 shadow-2xl"
      >
        <h2 id={titleId} className="text-base font-semibold text-zinc-50">
          {title}
        </h2>
        <ul role="listbox" aria-label="Folders" className="mt-3 min-h-40 flex-1 overflow-y-auto">
          {rows.map((row) => {
            const off = disabled?.has(row.path) ?? false
            return (
              <li
                key={row.path}
                role="option"
                aria-selected={chosen === row.path}
                aria-disabled={off}
                data-path={row.path}
                onClick={() => !off && setChosen(row.path)}
                onDoubleClick={() => !off && onPick(row.path)}
                className={`flex h-7 cursor-default items-center gap-1 rounded-md pr-2 ${
                  chosen === row.path
                    ? 'bg-accent/25 text-zinc-50'
                    : 'text-zinc-300 hover:bg-zinc-800'
                } ${off ? 'opacity-40' : ''}`}
                style={{ paddingLeft: 4 + row.level * 14 }}
              >
                {row.level > 0 ? (
                  <button
                    type="button"
                    aria-label={row.expanded ? `Collapse ${row.name}` : `Expand ${row.name}`}
                    onClick={(event) => {
                      event.stopPropagation()
                      toggle(row.path)
                    }}
                    className="flex h-5 w-5 items-center justify-center rounded text-zinc-500 hover:bg-zinc-700"
                  >
                    <Icon
                      name={row.expanded ? 'chevron-down' : 'chevron-right'}
                      className="text-xs"
                    />
                  </button>
                ) : (
                  <span className="w-5" />
                )}
                <Icon name="folder" className="text-sm text-accent/70" />
                <span className="truncate">{row.name}</span>
              </li>
            )
          })}
        </ul>
        <div className="mt-4 flex justify-end gap-2">
          <button
            type="button"
            onClick={onCancel}
            className="h-8 rounded-md border border-zinc-700 px-3 text-zinc-200 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
          >
            Cancel
          </button>
          <button
            type="button"
            disabled={disabled?.has(chosen) ?? false}
            onClick={() => onPick(chosen)}
            className="h-8 rounded-md bg-accent px-3 font-medium text-zinc-950 hover:bg-accent-strong focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none disabled:opacity-50"
          >
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  )
}
