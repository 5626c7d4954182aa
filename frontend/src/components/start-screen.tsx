import type { Location } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { RecentFiles } from '@/components/recent-files'

export interface StartScreenProps {
  onOpenFolder: () => void
  onOpenRecent?: (location: Location) => void
}

/** Shown while no library is open. */
export function StartScreen({ onOpenFolder, onOpenRecent }: StartScreenProps) {
  return (
    <div className="flex h-full flex-col items-center justify-center gap-6 p-8 text-center">
      <div className="flex h-20 w-20 items-center justify-center rounded-2xl bg-zinc-900 ring-1 ring-zinc-800">
        <Icon name="image" className="text-4xl text-accent" />
      </div>
      <div>
        <h1 className="text-2xl font-semibold text-zinc-50">Imagor Studio</h1>
        <p className="mt-2 text-zinc-400">Browse a folder of images as a fast thumbnail gallery.</p>
      </div>
      <button
        type="button"
        data-testid="open-folder"
        onClick={onOpenFolder}
        className="inline-flex h-12 items-center gap-2.5 rounded-lg bg-accent px-6 text-base font-semibold text-zinc-950 shadow-lg shadow-accent/10 hover:bg-accent-strong focus-visible:ring-2 focus-visible:ring-accent-strong focus-visible:ring-offset-2 focus-visible:ring-offset-zinc-950 focus-visible:outline-none"
      >
        <Icon name="folder-plus" className="text-xl" />
        Open a folder
      </button>
      <p className="flex items-center gap-2 text-zinc-400">
        <Icon name="drop" />
        Or drop folders and images onto this window.
      </p>
      {onOpenRecent && <RecentFiles onOpen={onOpenRecent} />}
    </div>
  )
}
