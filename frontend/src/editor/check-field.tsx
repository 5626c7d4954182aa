export interface CheckFieldProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  testId?: string
  disabled?: boolean
}

/** Renders a labelled checkbox. */
export function CheckField({ label, checked, onChange, testId, disabled }: CheckFieldProps) {
  return (
    <label className="flex items-center gap-2 text-xs text-zinc-300">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
        className="h-3.5 w-3.5 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      />
      {label}
    </label>
  )
}
