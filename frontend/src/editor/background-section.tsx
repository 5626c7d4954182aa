import { useId } from 'react'
import type { BackgroundKind, EditorState } from '@/api/editor'
import { NumberField } from '@/editor/number-field'
import { PanelSection } from '@/editor/panel-section'
import { LIMITS, type ChangeState } from '@/lib/editor-state'

export interface BackgroundSectionProps {
  state: EditorState
  changed: boolean
  onChange: ChangeState
  onReset: () => void
}

const KINDS: readonly { value: BackgroundKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'color', label: 'Colour' },
  { value: 'transparent', label: 'Transparent' },
]

const SIDES = ['left', 'top', 'right', 'bottom'] as const

/** Renders the background and padding section. */
export function BackgroundSection({ state, changed, onChange, onReset }: BackgroundSectionProps) {
  const name = useId()
  const colorId = useId()
  const { background, padding } = state
  return (
    <PanelSection
      title="Background & padding"
      changed={changed}
      onReset={onReset}
      testId="section-background"
    >
      <div role="radiogroup" aria-label="Background" className="flex gap-3">
        {KINDS.map((kind) => (
          <label key={kind.value} className="flex items-center gap-1.5 text-xs text-zinc-300">
            <input
              type="radio"
              name={name}
              value={kind.value}
              checked={background.kind === kind.value}
              data-testid={`background-${kind.value}`}
              onChange={() =>
                onChange('', (s) => ({ ...s, background: { ...s.background, kind: kind.value } }))
              }
              className="accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            />
            {kind.label}
          </label>
        ))}
      </div>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={colorId} className="text-xs text-zinc-300">
          Background colour
        </label>
        <div className="flex items-center gap-2">
          <span className="text-xs text-zinc-400 tabular-nums">{background.color}</span>
          <input
            id={colorId}
            type="color"
            value={background.color || '#ffffff'}
            data-testid="background-picker"
            onChange={(event) => {
              const color = event.target.value
              onChange('background.color', (s) => ({ ...s, background: { kind: 'color', color } }))
            }}
            className="h-7 w-10 cursor-pointer rounded border border-zinc-700 bg-zinc-950 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
          />
        </div>
      </div>
      <p className="-mt-1.5 text-[11px] text-zinc-400">
        Fills transparent pixels, the rest of a fit-in box and the padding. Padding without a colour
        is white.
      </p>
      <div role="group" aria-label="Padding in output pixels" className="grid grid-cols-4 gap-1.5">
        {SIDES.map((side) => (
          <NumberField
            key={side}
            label={`Padding ${side}`}
            caption={side[0].toUpperCase() + side.slice(1)}
            value={padding[side]}
            {...LIMITS.padding}
            onCommit={(value) =>
              onChange(`padding.${side}`, (s) => ({
                ...s,
                padding: { ...s.padding, [side]: value },
              }))
            }
            testId={`padding-${side}`}
          />
        ))}
      </div>
    </PanelSection>
  )
}
