import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'
import { createPortal } from 'react-dom'
import type { Profile } from '@/api/editor'

export interface TileMenuProps {
  /** Position the menu opens at, in CSS pixels of the window. */
  x: number
  y: number
  /** Name of the image, for the menu's accessible name. */
  name: string
  profiles: readonly Profile[]
  onEdit: () => void
  onCopyPath: () => void
  onCopySigned: (profileId: string) => void
  onClose: () => void
}

const ITEM_CLASS =
  'flex h-8 w-full items-center gap-2 rounded px-2.5 text-left text-sm text-zinc-100 outline-none ' +
  'hover:bg-zinc-700/70 focus-visible:bg-zinc-700 disabled:text-zinc-400 disabled:hover:bg-transparent'

function focusItem(menu: HTMLElement | null, step: number) {
  if (!menu) return
  const items = Array.from(menu.querySelectorAll<HTMLElement>(':scope > [role="menuitem"]'))
  if (items.length === 0) return
  const at = items.indexOf(document.activeElement as HTMLElement)
  let next = (at + step + items.length) % items.length
  if (at < 0) next = step > 0 ? 0 : items.length - 1
  items[next].focus()
}

/**
 * Shows the context menu of an image tile: Edit, Copy imagor path, and Copy signed URL with a
 * submenu of the profiles. Arrow keys move, Right opens the submenu, and Escape or a click
 * outside closes it.
 */
export function TileMenu({
  x,
  y,
  name,
  profiles,
  onEdit,
  onCopyPath,
  onCopySigned,
  onClose,
}: TileMenuProps) {
  const rootRef = useRef<HTMLDivElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const subRef = useRef<HTMLDivElement>(null)
  const [subOpen, setSubOpen] = useState(false)
  const [position, setPosition] = useState({ left: x, top: y })

  // Keep the menu inside the window.
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
    focusItem(menuRef.current, 1)
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) onClose()
    }
    window.addEventListener('pointerdown', onPointerDown, true)
    window.addEventListener('blur', onClose)
    return () => {
      window.removeEventListener('pointerdown', onPointerDown, true)
      window.removeEventListener('blur', onClose)
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus()
    }
  }, [onClose])

  useEffect(() => {
    if (subOpen) focusItem(subRef.current, 1)
  }, [subOpen])

  const run = (action: () => void) => {
    onClose()
    action()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation()
    const inSub = subRef.current?.contains(document.activeElement) ?? false
    switch (event.key) {
      case 'ArrowDown':
        focusItem(inSub ? subRef.current : menuRef.current, 1)
        break
      case 'ArrowUp':
        focusItem(inSub ? subRef.current : menuRef.current, -1)
        break
      case 'ArrowRight':
        if (!inSub && document.activeElement?.getAttribute('aria-haspopup') === 'menu') {
          if (profiles.length > 0) setSubOpen(true)
        }
        break
      case 'ArrowLeft':
        if (inSub) {
          setSubOpen(false)
          menuRef.current?.querySelector<HTMLElement>('[aria-haspopup="menu"]')?.focus()
        }
        break
      case 'Escape':
        onClose()
        break
      case 'Tab':
        onClose()
        return
      default:
        return
    }
    event.preventDefault()
  }

  return createPortal(
    <div ref={rootRef} onKeyDown={onKeyDown} onContextMenu={(event) => event.preventDefault()}>
      <div
        ref={menuRef}
        role="menu"
        aria-label={`Actions for ${name}`}
        data-testid="tile-menu"
        className="fixed z-[65] w-60 rounded-md border border-zinc-700 bg-zinc-800 p-1 shadow-2xl"
        style={position}
      >
        <button type="button" role="menuitem" className={ITEM_CLASS} onClick={() => run(onEdit)}>
          <span className="flex-1">Edit</span>
          <kbd className="font-sans text-xs text-zinc-400">E</kbd>
        </button>
        <button
          type="button"
          role="menuitem"
          className={ITEM_CLASS}
          onClick={() => run(onCopyPath)}
        >
          Copy imagor path
        </button>
        <button
          type="button"
          role="menuitem"
          aria-haspopup="menu"
          aria-expanded={subOpen}
          aria-disabled={profiles.length === 0}
          title={profiles.length === 0 ? 'Add an imagor profile in the settings first' : undefined}
          className={ITEM_CLASS}
          onClick={() => profiles.length > 0 && setSubOpen((on) => !on)}
          onMouseEnter={() => profiles.length > 0 && setSubOpen(true)}
        >
          <span className="flex-1">Copy signed URL</span>
          <span aria-hidden="true" className="text-zinc-400">
            ▸
          </span>
        </button>
        {subOpen && (
          <div
            ref={subRef}
            role="menu"
            aria-label="Profiles"
            data-testid="tile-menu-profiles"
            className="absolute top-16 left-full ml-1 w-56 rounded-md border border-zinc-700 bg-zinc-800 p-1 shadow-2xl"
          >
            {profiles.map((p) => (
              <button
                key={p.id}
                type="button"
                role="menuitem"
                className={ITEM_CLASS}
                onClick={() => run(() => onCopySigned(p.id))}
              >
                <span className="truncate">{p.name}</span>
              </button>
            ))}
          </div>
        )}
      </div>
    </div>,
    document.body,
  )
}
