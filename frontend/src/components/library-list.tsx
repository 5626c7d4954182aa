import type { Library } from '@/api/gallery'
import { Icon } from '@/components/icon'

export interface LibraryListProps {
  libraries: Library[]
  selectedId: string | null
  onSelect: (library: Library) => void
  /** Asks to remove the library; the caller confirms first. */
  onRemove: (library: Library) => void
}

export function LibraryList({ libraries, selectedId, onSelect, onRemove }: LibraryListProps) {
  return (
    <ul aria-label="Libraries" className="flex flex-col gap-0.5 px-2">
      {libraries.map((library) => {
        const selected = library.id === selectedId
        return (
          <li
            key={library.id}
            data-testid="library-item"
            className={`group flex items-center rounded-md ${
              selected ? 'bg-zinc-800 text-zinc-50' : 'text-zinc-300 hover:bg-zinc-800/60'
            }`}
          >
            <button
              type="button"
              title={library.path}
              aria-current={selected ? 'true' : undefined}
              onClick={() => onSelect(library)}
              className="flex h-8 min-w-0 flex-1 items-center gap-2 rounded-md px-2 text-left outline-none focus-visible:ring-2 focus-visible:ring-accent"
            >
              <Icon
                name={library.kind === 's3' ? 'cloud' : 'folder-outline'}
                className={selected ? 'text-accent-strong' : 'text-zinc-500'}
              />
              <span className="truncate font-medium">{library.name}</span>
            </button>
            <button
              type="button"
              aria-label={`Remove ${library.name}`}
              title={`Remove ${library.name} from the sidebar`}
              onClick={() => onRemove(library)}
              className="mr-1 flex h-6 w-6 shrink-0 items-center justify-center rounded text-zinc-500 opacity-0 group-hover:opacity-100 hover:bg-zinc-700 hover:text-zinc-100 focus-visible:opacity-100 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
            >
              <Icon name="close" className="text-xs" />
            </button>
          </li>
        )
      })}
    </ul>
  )
}
