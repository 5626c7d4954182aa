import { Icon } from '@/components/icon'

export interface Notice {
  id: number
  message: string
}

export interface NoticesProps {
  notices: Notice[]
  onDismiss: (id: number) => void
}

/** Dismissible error messages, such as paths that failed to open. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  if (notices.length === 0) return null
  return (
    <ul aria-label="Notices" className="flex flex-col gap-1.5 border-b border-zinc-800 px-3 py-2">
      {notices.map((notice) => (
        <li
          key={notice.id}
          role="alert"
          className="flex items-start gap-2 rounded-md border border-amber-900/60 bg-amber-950/40 px-3 py-2 text-amber-100"
        >
          <Icon name="alert" className="mt-0.5 text-amber-400" />
          <span className="min-w-0 flex-1 break-words select-text">{notice.message}</span>
          <button
            type="button"
            aria-label="Dismiss"
            title="Dismiss"
            onClick={() => onDismiss(notice.id)}
            className="flex h-5 w-5 shrink-0 items-center justify-center rounded text-amber-300 hover:bg-amber-900/60 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
          >
            <Icon name="close" className="text-xs" />
          </button>
        </li>
      ))}
    </ul>
  )
}
