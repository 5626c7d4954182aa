import { Icon, type IconName } from '@/components/icon'

export interface FolderStatusProps {
  /** "gone" is a folder that was deleted, or whose disk was removed, while it was shown. */
  kind: 'loading' | 'empty' | 'error' | 'gone'
  /** The error message, or the filter that matched nothing. */
  message?: string
  onRetry?: () => void
  /** The label of the way back from a gone folder, such as "Open Photos". */
  backLabel?: string
  onBack?: () => void
}

const ICONS: Record<FolderStatusProps['kind'], IconName> = {
  loading: 'folder-outline',
  empty: 'folder-outline',
  error: 'alert',
  gone: 'folder-outline',
}

const BUTTON =
  'mt-1 inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-700 px-3 text-zinc-200 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none'

/**
 * Shows the grid area's state while a folder loads, when it is empty, when it fails to list and
 * when it was deleted while shown.
 */
export function FolderStatus({ kind, message, onRetry, backLabel, onBack }: FolderStatusProps) {
  let title: string
  let detail: string | undefined
  if (kind === 'loading') {
    title = 'Loading…'
  } else if (kind === 'empty') {
    title = message ? 'No matching names' : 'This folder is empty'
    detail = message ? `No file or folder name contains “${message}”.` : undefined
  } else if (kind === 'gone') {
    title = 'This folder was deleted or its disk was removed'
    detail =
      message ??
      'It shows again by itself when it comes back, for example when the disk is plugged in again.'
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
      <div className="flex flex-wrap justify-center gap-2">
        {onBack && backLabel && (
          <button type="button" onClick={onBack} className={BUTTON} data-testid="folder-back">
            <Icon name="chevron-left" />
            {backLabel}
          </button>
        )}
        {onRetry && (
          <button type="button" onClick={onRetry} className={BUTTON}>
            <Icon name="retry" />
            Try again
          </button>
        )}
      </div>
    </div>
  )
}
