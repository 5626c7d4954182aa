import { Icon } from '@/components/icon'
import { dropTargetProps } from '@/lib/file-ops-context'
import { ancestorsOf, baseName } from '@/lib/paths'

export interface BreadcrumbsProps {
  libraryName: string
  /** Library id; with it each crumb is a drop target for moves and imports into its folder. */
  libraryId?: string
  /** Folder relative to the library root, "" for the root. */
  path: string
  onNavigate: (path: string) => void
}

/** The library name, then each folder down to the current one; all but the last go up there. */
export function Breadcrumbs({ libraryName, libraryId, path, onNavigate }: BreadcrumbsProps) {
  const crumbs = [{ path: '', name: libraryName }].concat(
    ancestorsOf(path).map((folder) => ({ path: folder, name: baseName(folder) })),
  )
  return (
    <nav aria-label="Folder path" data-testid="breadcrumbs" className="min-w-0 flex-1">
      <ol className="flex min-w-0 items-center gap-0.5">
        {crumbs.map((crumb, i) => {
          const current = i === crumbs.length - 1
          const drop = libraryId ? dropTargetProps({ library: libraryId, path: crumb.path }) : {}
          return (
            <li
              key={crumb.path}
              {...drop}
              className={`flex items-center gap-0.5 rounded data-[drop-hover=true]:bg-accent/30 data-[drop-hover=true]:ring-2 data-[drop-hover=true]:ring-accent ${current ? 'min-w-0' : 'max-w-48 shrink'}`}
            >
              {i > 0 && <Icon name="chevron-right" className="text-xs text-zinc-600" />}
              {current ? (
                <span
                  aria-current="page"
                  title={crumb.name}
                  className="truncate px-1.5 py-1 font-medium text-zinc-100"
                >
                  {crumb.name}
                </span>
              ) : (
                <button
                  type="button"
                  title={crumb.name}
                  onClick={() => onNavigate(crumb.path)}
                  className="truncate rounded px-1.5 py-1 text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
                >
                  {crumb.name}
                </button>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
