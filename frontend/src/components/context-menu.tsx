import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'

export interface MenuItem {
  label: string
  /** Shortcut shown at the right, such as "F2". */
  shortcut?: string
  danger?: boolean
  disabled?: boolean
  /** Draws a separator above the item. */
  separated?: boolean
  onSelect: () => void
}

export interface ContextMenuProps {
  /** Where the menu opens, in CSS pixels of the window. */
  x: number
  y: number
  /** Accessible name of the menu. */
  label: string
  items: readonly MenuItem[]
  onClose: () => void
}

const ITEM_CLASS =
  'flex h-8 w-full items-center gap-4 rounded px-2.5 text-left text-sm outline-none ' +
  'hover:bg-zinc-700/70 focus-visible:bg-zinc-700 disabled:text-zinc-500 disabled:hover:bg-transparent'

/**
 * Shows a menu of actions at x, y. Arrow keys, Home and End move between items; Enter picks one;
 * Escape, a click outside or leaving the window closes it.
 */
export function ContextMenu({ x, y, label, items, onClose }: ContextMenuProps) {
  const menuRef = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState({ left: x, top: y })

  useLayoutEffect(() => {
    const menu = menuRef.current
    if (!menu) return
    const { width, height } = menu.getBoundingClientRect()
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - height - 4)),
    })
  }, [x, y])

  useEffect(() => {
    const previous = document.activeElement
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not(:disabled)')?.focus()
    const onPointerDown = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose()
    }
    window.addEventListener('pointerdown', onPointerDown, true)
    window.addEventListener('blur', onClose)
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true)
      window.removeEventListener('blur', onClose)
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus()
    }
  }, [onClose])

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(
      menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not(:disabled)') ?? [],
    )
    const at = buttons.indexOf(document.activeElement as HTMLElement)
    let next = -1
    if (event.key === 'ArrowDown') next = (at + 1) % buttons.length
    else if (event.key === 'ArrowUp') next = (at - 1 + buttons.length) % buttons.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = buttons.length - 1
    else if (event.key === 'Escape' || event.key === 'Tab') onClose()
    else return
    event.preventDefault()
    event.stopPropagation()
    if (next >= 0) buttons[next]?.focus()
  }

  return createPortal(
    <div
      ref={menuRef}
      role="menu"
      aria-label={label}
      data-testid="context-menu"
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
      className="fixed z-[60] min-w-52 rounded-md border border-zinc-700 bg-zinc-800 p-1 text-zinc-100 shadow-2xl"
      style={position}
    >
      {items.map((item) => (
        <div key={item.label}>
          {item.separated && <div role="separator" className="my-1 h-px bg-zinc-700" />}
          <button
            type="button"
            role="menuitem"
            disabled={item.disabled}
            onClick={() => {
              onClose()
              item.onSelect()
            }}
            className={`${ITEM_CLASS} ${item.danger ? 'text-red-300' : ''}`}
          >
            <span className="flex-1">{item.label}</span>
            {item.shortcut && <span className="text-xs text-zinc-400">{item.shortcut}</span>}
          </button>
        </div>
      ))}
    </div>,
    document.body,
  )
}
