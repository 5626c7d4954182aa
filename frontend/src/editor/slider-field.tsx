import { useEffect, useId, useRef } from 'react'
import { NumberField } from '@/editor/number-field'

export interface SliderFieldProps {
  label: string
  value: number
  min: number
  max: number
  step?: number
  /** Upper limit of the number box when it allows more than the slider, as for blur. */
  inputMax?: number
  /** The value as read out, such as "+20 %"; aria-valuetext. */
  format?: (value: number) => string
  onChange: (value: number) => void
  /** A pointer drag on the slider starts: its changes form one undo step. */
  onGestureStart: () => void
  onGestureEnd: () => void
  testId?: string
  /** Test id of the number box. */
  inputTestId?: string
}

/** Renders a labelled range slider with a number box beside it. */
export function SliderField({
  label,
  value,
  min,
  max,
  step = 1,
  inputMax,
  format = String,
  onChange,
  onGestureStart,
  onGestureEnd,
  testId,
  inputTestId,
}: SliderFieldProps) {
  const id = useId()
  const dragging = useRef(false)
  const endRef = useRef(onGestureEnd)
  useEffect(() => {
    endRef.current = onGestureEnd
  })

  // The pointer may be released outside the slider, so the end is heard on the window.
  useEffect(() => {
    const end = () => {
      if (!dragging.current) return
      dragging.current = false
      endRef.current()
    }
    window.addEventListener('pointerup', end)
    window.addEventListener('pointercancel', end)
    return () => {
      window.removeEventListener('pointerup', end)
      window.removeEventListener('pointercancel', end)
      end()
    }
  }, [])

  const decimals = step < 1 ? 1 : 0
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-xs text-zinc-300">
          {label}
        </label>
        <NumberField
          label={`${label} value`}
          value={Number(value.toFixed(decimals))}
          min={min}
          max={inputMax ?? max}
          step={step}
          live
          onCommit={onChange}
          testId={inputTestId}
          className="w-16"
        />
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={Math.min(value, max)}
        aria-valuetext={format(value)}
        data-testid={testId}
        onPointerDown={() => {
          dragging.current = true
          onGestureStart()
        }}
        onChange={(event) => onChange(Number(event.target.value))}
        className="h-4 w-full accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      />
    </div>
  )
}
