import { Icon, type IconName } from '@/components/icon'

export interface FolderStatusProps {
  kind: 'loading' | 'empty' | 'error'
  /** The error message, or the filter that matched nothing. */
  message?: string
  onRetry?: () => void
}

const ICONS: Record<FolderStatusProps['kind'], IconName> = {
  loading: 'folder-outline',
  empty: 'folder-outline',
  error: 'alert',
}

/** What the grid area shows while a folder loads, when it is empty and when it fails to list. */
export function FolderStatus({ kind, message, onRetry }: FolderStatusProps) {
  let title: string
  let detail: string | undefined
  if (kind === 'loading') {
    title = 'Loading…'
  } else if (kind === 'empty') {
    title = message ? 'No matching names' : 'This folder is empty'
    detail = message ? `No file or folder name contains “${message}”.` : undefined
  } else {
    title = 'The folder could not be listed'
    detail = message
  }
  return (
    <div
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={`folder-${kind}`}
      className="flex h-full flex-col items-center justify-center gap-3 p-8 text-center"
    >
      <Icon
        name={ICONS[kind]}
        className={`text-4xl ${kind === 'error' ? 'text-red-400' : 'text-zinc-600'} ${
          kind === 'loading' ? 'animate-pulse' : ''
        }`}
      />
      <p className="text-base font-medium text-zinc-200">{title}</p>
      {detail && <p className="max-w-lg break-words text-zinc-400 select-text">{detail}</p>}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-1 inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-700 px-3 text-zinc-200 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
        >
          <Icon name="retry" />
          Try again
        </button>
      )}
    </div>
  )
}
