import { useEffect, useState } from 'react'
import { recent, type Location, type RecentFile } from '@/api/gallery'
import { Icon } from '@/components/icon'

export interface RecentFilesProps {
  onOpen: (location: Location) => void
}

/** Lists the files opened lately, newest first; a file whose library is closed is shown dimmed. */
export function RecentFiles({ onOpen }: RecentFilesProps) {
  const [files, setFiles] = useState<RecentFile[]>([])

  useEffect(() => {
    Promise.resolve()
      .then(recent)
      .then((list) => setFiles(list.slice(0, 8)))
      .catch(() => setFiles([]))
  }, [])

  if (files.length === 0) return null
  return (
    <section aria-label="Recent files" className="w-full max-w-md text-left">
      <h2 className="mb-2 text-sm font-semibold tracking-wide text-zinc-400 uppercase">Recent</h2>
      <ul className="divide-y divide-zinc-800 rounded-lg border border-zinc-800">
        {files.map((file) => (
          <li key={`${file.library}/${file.path}`}>
            <button
              type="button"
              disabled={!file.available}
              title={file.available ? file.path : `${file.path}: its folder is not open`}
              onClick={() => {
                const slash = file.path.lastIndexOf('/')
                onOpen({
                  library: file.library,
                  path: slash < 0 ? '' : file.path.slice(0, slash),
                  select: file.path,
                })
              }}
              className="flex w-full items-center gap-3 px-3 py-2 text-zinc-200 hover:bg-zinc-900 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none disabled:text-zinc-400"
            >
              <Icon name="image" className="text-zinc-400" />
              <span className="min-w-0 flex-1 truncate">{file.name}</span>
              <span className="truncate text-sm text-zinc-400">{file.libraryName}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
