import { useId, useState, type KeyboardEvent } from 'react'
import { clamp } from '@/lib/editor-state'

export interface NumberFieldProps {
  label: string
  value: number
  min: number
  max: number
  step?: number
  /** Called with the typed value, clamped to min and max. */
  onCommit: (value: number) => void
  /**
   * Commit every valid keystroke, for fields whose value is used as typed. Otherwise the value
   * is committed on Enter or when the field loses focus, for fields that snap or clamp it.
   */
  live?: boolean
  /** Short text shown above the input, such as "Left"; label stays the accessible name. */
  caption?: string
  suffix?: string
  testId?: string
  className?: string
}

const INPUT_CLASS =
  'h-7 w-full min-w-0 rounded-md border border-zinc-700 bg-zinc-950 px-1.5 text-right text-xs ' +
  'text-zinc-100 tabular-nums focus-visible:border-accent focus-visible:ring-2 ' +
  'focus-visible:ring-accent/60 focus-visible:outline-none'

/** Renders a numeric input that keeps what is typed while focused and commits a clamped number. */
export function NumberField({
  label,
  value,
  min,
  max,
  step = 1,
  onCommit,
  live = false,
  caption,
  suffix,
  testId,
  className = '',
}: NumberFieldProps) {
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)

  const parse = (text: string): number | null => {
    const n = Number(text.replace(',', '.'))
    return text.trim() === '' || !Number.isFinite(n) ? null : clamp(n, min, max)
  }

  const commit = (text: string) => {
    const n = parse(text)
    if (n !== null && n !== value) onCommit(n)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      commit(event.currentTarget.value)
      setDraft(null)
    } else if (event.key === 'Escape' && draft !== null) {
      // Escape takes back the typing first; a second Escape reaches the editor.
      event.stopPropagation()
      setDraft(null)
    }
  }

  return (
    <div className={`flex min-w-0 flex-col gap-0.5 ${className}`}>
      {caption && (
        <label htmlFor={id} className="text-[11px] text-zinc-400">
          {caption}
        </label>
      )}
      <div className="flex items-center gap-1">
        <input
          id={id}
          type="number"
          inputMode="decimal"
          aria-label={label}
          data-testid={testId}
          min={min}
          max={max}
          step={step}
          value={draft ?? String(value)}
          onChange={(event) => {
            setDraft(event.target.value)
            if (live) commit(event.target.value)
          }}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            commit(event.target.value)
            setDraft(null)
          }}
          className={INPUT_CLASS}
        />
        {suffix && <span className="text-[11px] text-zinc-400">{suffix}</span>}
      </div>
    </div>
  )
}
