import type { ReactNode } from 'react'
import { Icon, type IconName } from '@/components/icon'

export interface IconButtonProps {
  icon: IconName
  /** Accessible name, also shown as the tooltip. */
  label: string
  onClick: () => void
  /** For toggles: whether the option is on. */
  pressed?: boolean
  disabled?: boolean
  className?: string
  testId?: string
  children?: ReactNode
}

export function IconButton({
  icon,
  label,
  onClick,
  pressed,
  disabled,
  className = '',
  testId,
  children,
}: IconButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={label}
      disabled={disabled}
      data-testid={testId}
      onClick={onClick}
      className={`inline-flex h-8 min-w-8 items-center justify-center gap-1.5 rounded-md px-2 text-base transition-colors focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none disabled:opacity-40 ${
        pressed
          ? 'bg-accent/20 text-accent-strong'
          : 'text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100'
      } ${className}`}
    >
      <Icon name={icon} />
      {children}
    </button>
  )
}
