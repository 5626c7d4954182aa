import { useId, type Ref } from 'react'
import { ERROR_TEXT_CLASS, INPUT_CLASS } from '@/settings/styles'

export interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  type?: 'text' | 'password' | 'url' | 'number'
  placeholder?: string
  /** Help text under the input. */
  hint?: string
  /** A message about this field, shown in red under it. */
  error?: string
  errorTestId?: string
  testId?: string
  disabled?: boolean
  autoFocus?: boolean
  min?: number
  step?: number
  inputRef?: Ref<HTMLInputElement>
  className?: string
}

/** Renders a labelled input with optional help text and an error message tied to it. */
export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  placeholder,
  hint,
  error,
  errorTestId,
  testId,
  disabled,
  autoFocus,
  min,
  step,
  inputRef,
  className = '',
}: TextFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ')
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-xs font-medium text-zinc-300">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        autoFocus={autoFocus}
        min={min}
        step={step}
        spellCheck={false}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        autoCapitalize="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
        className={INPUT_CLASS}
      />
      {hint && (
        <p id={hintId} className="text-xs text-zinc-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" data-testid={errorTestId} className={ERROR_TEXT_CLASS}>
          {error}
        </p>
      )}
    </div>
  )
}
