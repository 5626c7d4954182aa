import { useId, useState, type ReactNode } from 'react'
import { Icon } from '@/components/icon'

export interface PanelSectionProps {
  title: string
  /** The section has edits, so its reset button is enabled. */
  changed: boolean
  onReset: () => void
  children: ReactNode
  defaultOpen?: boolean
  testId?: string
}

/** Renders a collapsible section of the controls panel with its own reset button. */
export function PanelSection({
  title,
  changed,
  onReset,
  children,
  defaultOpen = true,
  testId,
}: PanelSectionProps) {
  const [open, setOpen] = useState(defaultOpen)
  const bodyId = useId()
  return (
    <section aria-label={title} data-testid={testId} className="border-b border-zinc-800">
      <div className="flex h-9 items-center gap-1 pr-2">
        <h3 className="min-w-0 flex-1">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((on) => !on)}
            className="flex h-9 w-full items-center gap-1.5 px-3 text-left text-xs font-semibold tracking-wide text-zinc-200 uppercase hover:text-zinc-50 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none focus-visible:ring-inset"
          >
            <Icon
              name="chevron-down"
              className={`text-zinc-400 transition-transform ${open ? '' : '-rotate-90'}`}
            />
            {title}
            {changed && (
              <>
                <span aria-hidden="true" className="ml-1 h-1.5 w-1.5 rounded-full bg-accent" />
                <span className="sr-only">(edited)</span>
              </>
            )}
          </button>
        </h3>
        <button
          type="button"
          disabled={!changed}
          onClick={onReset}
          aria-label={`Reset ${title.toLowerCase()}`}
          title={`Reset ${title.toLowerCase()}`}
          className="h-6 rounded px-1.5 text-[11px] text-zinc-400 hover:bg-zinc-800 hover:text-zinc-100 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none disabled:opacity-40 disabled:hover:bg-transparent"
        >
          Reset
        </button>
      </div>
      <div id={bodyId} hidden={!open} className="flex flex-col gap-3 px-3 pt-1 pb-4">
        {children}
      </div>
    </section>
  )
}
