import type { Library } from '@/api/gallery'
import { EngineStatus } from '@/components/engine-status'
import { FolderTree } from '@/components/folder-tree'
import { LibraryList } from '@/components/library-list'
import { SettingsButton } from '@/settings/settings-button'

export interface SidebarProps {
  libraries: Library[]
  selected: Library | null
  currentPath: string
  onSelectLibrary: (library: Library) => void
  onRemoveLibrary: (library: Library) => void
  onNavigate: (path: string) => void
  onOpenSettings: () => void
  /** Marks the settings button with a dot while the settings page shows a warning. */
  settingsWarning: boolean
}

export function Sidebar({
  libraries,
  selected,
  currentPath,
  onSelectLibrary,
  onRemoveLibrary,
  onNavigate,
  onOpenSettings,
  settingsWarning,
}: SidebarProps) {
  return (
    <aside
      aria-label="Libraries and folders"
      className="flex w-64 shrink-0 flex-col border-r border-zinc-800 bg-zinc-900"
    >
      <div className="flex h-12 shrink-0 items-center gap-2 border-b border-zinc-800 px-4">
        <span className="h-2.5 w-2.5 rounded-full bg-accent shadow-[0_0_8px] shadow-accent/60" />
        <h1 className="font-semibold tracking-tight text-zinc-100">Imagor Studio</h1>
        <SettingsButton
          warning={settingsWarning}
          onClick={onOpenSettings}
          className="ml-auto -mr-2"
        />
      </div>

      <h2 className="px-4 pt-4 pb-1.5 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase">
        Libraries
      </h2>
      <LibraryList
        libraries={libraries}
        selectedId={selected?.id ?? null}
        onSelect={onSelectLibrary}
        onRemove={onRemoveLibrary}
      />

      {selected && (
        <>
          <h2 className="px-4 pt-5 pb-1.5 text-[11px] font-semibold tracking-wider text-zinc-400 uppercase">
            Folders
          </h2>
          <FolderTree
            key={selected.id}
            library={selected}
            currentPath={currentPath}
            onNavigate={onNavigate}
          />
        </>
      )}

      <footer className="mt-auto shrink-0 border-t border-zinc-800 px-4 py-2 text-[11px]">
        <EngineStatus />
      </footer>
    </aside>
  )
}
