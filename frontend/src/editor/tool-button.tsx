import type { ReactNode } from 'react'
import { EditorIcon, type EditorIconName } from '@/editor/editor-icon'

export interface ToolButtonProps {
  /** Accessible name and tooltip; put the shortcut in brackets. */
  label: string
  onClick: () => void
  icon?: EditorIconName
  /** Text shown beside the icon. */
  children?: ReactNode
  pressed?: boolean
  disabled?: boolean
  testId?: string
  variant?: 'plain' | 'primary'
  /** Enter activates this button even while a tool is on, where Enter otherwise applies it. */
  keepsEnter?: boolean
  className?: string
}

/** Renders a button of the editor's toolbar and panel: an icon, text or both. */
export function ToolButton({
  label,
  onClick,
  icon,
  children,
  pressed,
  disabled,
  testId,
  variant = 'plain',
  keepsEnter,
  className = '',
}: ToolButtonProps) {
  let colours = 'text-zinc-300 hover:bg-zinc-800 hover:text-zinc-50'
  if (variant === 'primary') colours = 'bg-sky-700 font-medium text-white hover:bg-sky-600'
  else if (pressed) colours = 'bg-accent/20 text-accent-strong'
  return (
    <button
      type="button"
      aria-label={children ? undefined : label}
      aria-pressed={pressed}
      title={label}
      disabled={disabled}
      data-testid={testId}
      data-keeps-enter={keepsEnter ? '' : undefined}
      onClick={onClick}
      className={`inline-flex h-8 min-w-8 shrink-0 items-center justify-center gap-1.5 rounded-md px-2 text-xs transition-colors focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none disabled:opacity-40 disabled:hover:bg-transparent ${colours} ${className}`}
    >
      {icon && <EditorIcon name={icon} className="text-base" />}
      {children}
    </button>
  )
}
