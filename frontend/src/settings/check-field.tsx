import { useId } from 'react'
import { CHECKBOX_CLASS } from '@/settings/styles'

export interface CheckFieldProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  /** Help text under the label. */
  hint?: string
  testId?: string
  disabled?: boolean
}

/** Renders a checkbox with its label to the right and optional help text under it. */
export function CheckField({ label, checked, onChange, hint, testId, disabled }: CheckFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
        className={CHECKBOX_CLASS}
      />
      <div className="min-w-0">
        <label htmlFor={id} className="text-zinc-200">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-xs text-zinc-400">
            {hint}
          </p>
        )}
      </div>
    </div>
  )
}
