import { IconButton } from '@/components/icon-button'

export interface SettingsButtonProps {
  /** Marks the button with a dot while the settings page shows a warning. */
  warning: boolean
  onClick: () => void
  className?: string
}

/** Renders the gear button that opens the settings page, as Ctrl+, (Cmd+, on macOS) does. */
export function SettingsButton({ warning, onClick, className = '' }: SettingsButtonProps) {
  return (
    <IconButton
      icon="settings"
      label={warning ? 'Settings (a warning needs attention)' : 'Settings'}
      testId="settings-open"
      onClick={onClick}
      className={`relative ${className}`}
    >
      {warning && (
        <span className="absolute top-1.5 right-1.5 h-2 w-2 rounded-full bg-amber-400 ring-2 ring-zinc-900" />
      )}
    </IconButton>
  )
}
