import { useId } from 'react'

export interface SelectFieldProps<T extends string> {
  label: string
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
  disabled?: boolean
  testId?: string
}

/** Renders a labelled select of a fixed list of values. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  testId,
}: SelectFieldProps<T>) {
  const id = useId()
  return (
    <div className="flex items-center justify-between gap-2">
      <label htmlFor={id} className="text-xs text-zinc-300">
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => {
          const next = options.find((o) => o.value === event.target.value)
          if (next) onChange(next.value)
        }}
        className="h-7 w-36 rounded-md border border-zinc-700 bg-zinc-950 px-1.5 text-xs text-zinc-100 focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/60 focus-visible:outline-none disabled:opacity-50"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}
