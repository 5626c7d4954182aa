import { useLayoutEffect, useRef, useState } from 'react'
import { nameProblem, stemLength } from '@/lib/rename'

export interface RenameFieldProps {
  name: string
  isFolder: boolean
  onCommit: (newName: string) => void
  onCancel: () => void
}

/**
 * Renders an inline field for a new name. It starts with the stem selected, so typing replaces
 * the name and keeps the extension unless the user selects it on purpose. Enter or leaving the
 * field renames. Escape, or an unchanged name, cancels.
 */
export function RenameField({ name, isFolder, onCommit, onCancel }: RenameFieldProps) {
  const ref = useRef<HTMLInputElement>(null)
  const [value, setValue] = useState(name)
  const done = useRef(false)
  const problem = value === name ? '' : nameProblem(value)

  useLayoutEffect(() => {
    const input = ref.current
    if (!input) return
    input.focus({ preventScroll: true })
    input.setSelectionRange(0, stemLength(name, isFolder))
  }, [name, isFolder])

  const finish = (commit: boolean) => {
    if (done.current) return
    if (commit && problem) return
    done.current = true
    if (commit && value !== name) onCommit(value)
    else onCancel()
  }

  return (
    <span className="absolute right-0 bottom-0 left-0 z-10">
      <input
        ref={ref}
        aria-label={`New name for ${name}`}
        aria-invalid={problem !== ''}
        data-testid="rename-field"
        value={value}
        spellCheck={false}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation()
          if (event.key === 'Enter') finish(true)
          else if (event.key === 'Escape') finish(false)
        }}
        onBlur={() => finish(!problem)}
        onClick={(event) => event.stopPropagation()}
        onDoubleClick={(event) => event.stopPropagation()}
        onPointerDown={(event) => event.stopPropagation()}
        className={`h-6 w-full rounded border bg-zinc-950 px-1 text-center text-xs text-zinc-50 outline-none ${
          problem ? 'border-red-500' : 'border-accent'
        }`}
      />
      {problem && (
        <span
          role="alert"
          className="absolute top-full right-0 left-0 mt-1 rounded bg-red-950 px-1 text-[11px] text-red-100"
        >
          {problem}
        </span>
      )}
    </span>
  )
}
