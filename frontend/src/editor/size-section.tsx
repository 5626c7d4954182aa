import type { EditorState, HAlign, ResizeMode, VAlign } from '@/api/editor'
import { CheckField } from '@/editor/check-field'
import { NumberField } from '@/editor/number-field'
import { PanelSection } from '@/editor/panel-section'
import { SelectField } from '@/editor/select-field'
import { ToolButton } from '@/editor/tool-button'
import { LIMITS, type ChangeState } from '@/lib/editor-state'

export interface SizeSectionProps {
  state: EditorState
  /** Width and height of the crop (or the image) the resize starts from. */
  base: { width: number; height: number }
  changed: boolean
  onChange: ChangeState
  keepRatio: boolean
  onKeepRatioChange: (on: boolean) => void
  picking: boolean
  onPickFocal: () => void
  onReset: () => void
}

const MODES: readonly { value: ResizeMode; label: string }[] = [
  { value: 'fit-in', label: 'Fit in' },
  { value: 'cover', label: 'Cover' },
  { value: 'stretch', label: 'Stretch' },
  { value: 'smart', label: 'Smart crop' },
]

const MODE_HINTS: Record<ResizeMode, string> = {
  'fit-in': 'Scales down to fit inside the box, never enlarging.',
  cover: 'Covers the box and cuts the overflow, at the alignment or focal point.',
  stretch: 'Scales to exactly the box, changing the proportions.',
  smart: 'Covers the box and lets libvips keep the most interesting part.',
}

const H_ALIGNS: readonly { value: HAlign; label: string }[] = [
  { value: 'left', label: 'Left' },
  { value: 'center', label: 'Centre' },
  { value: 'right', label: 'Right' },
]

const V_ALIGNS: readonly { value: VAlign; label: string }[] = [
  { value: 'top', label: 'Top' },
  { value: 'middle', label: 'Middle' },
  { value: 'bottom', label: 'Bottom' },
]

/** Renders the size section: the resize box, its mode, alignment, focal point and upscaling. */
export function SizeSection({
  state,
  base,
  changed,
  onChange,
  keepRatio,
  onKeepRatioChange,
  picking,
  onPickFocal,
  onReset,
}: SizeSectionProps) {
  const setSide = (side: 'width' | 'height', value: number) => {
    onChange(side, (s) => {
      const next = { ...s, [side]: value }
      if (keepRatio && value > 0) {
        if (side === 'width')
          next.height = Math.max(1, Math.round((value * base.height) / base.width))
        else next.width = Math.max(1, Math.round((value * base.width) / base.height))
      }
      return next
    })
  }
  const covers = state.mode === 'cover' || state.mode === 'smart'
  const focalUsed = state.mode === 'cover' && state.width > 0 && state.height > 0
  // The Go side uses the focal point only for cover with both sides, and then no alignment.
  const alignable = covers && !(focalUsed && state.focal !== null)
  return (
    <PanelSection title="Size" changed={changed} onReset={onReset} testId="section-size">
      <div className="flex items-end gap-1.5">
        <NumberField
          label="Output width, 0 for automatic"
          caption="Width"
          value={state.width}
          min={LIMITS.side.min}
          max={LIMITS.side.max}
          onCommit={(v) => setSide('width', v)}
          testId="size-width"
          className="flex-1"
        />
        <ToolButton
          label={keepRatio ? 'Keep proportions: on' : 'Keep proportions: off'}
          icon={keepRatio ? 'lock' : 'unlock'}
          pressed={keepRatio}
          onClick={() => onKeepRatioChange(!keepRatio)}
          testId="size-lock"
        />
        <NumberField
          label="Output height, 0 for automatic"
          caption="Height"
          value={state.height}
          min={LIMITS.side.min}
          max={LIMITS.side.max}
          onCommit={(v) => setSide('height', v)}
          testId="size-height"
          className="flex-1"
        />
      </div>
      <p className="text-[11px] text-zinc-400">
        From {base.width} × {base.height}. 0 follows the proportions; both 0 keep the size.
      </p>
      <SelectField
        label="Mode"
        value={state.mode}
        options={MODES}
        onChange={(mode) => onChange('', (s) => ({ ...s, mode }))}
        testId="mode-select"
      />
      <p className="-mt-1.5 text-[11px] text-zinc-400">{MODE_HINTS[state.mode]}</p>
      <SelectField
        label="Horizontal alignment"
        value={state.hAlign}
        options={H_ALIGNS}
        disabled={!alignable}
        onChange={(hAlign) => onChange('', (s) => ({ ...s, hAlign }))}
      />
      <SelectField
        label="Vertical alignment"
        value={state.vAlign}
        options={V_ALIGNS}
        disabled={!alignable}
        onChange={(vAlign) => onChange('', (s) => ({ ...s, vAlign }))}
      />
      <div className="flex items-center gap-2">
        <ToolButton
          label="Pick the focal point on the image"
          icon="focal"
          pressed={picking}
          disabled={!focalUsed && !picking}
          onClick={onPickFocal}
          testId="focal-toggle"
        >
          Focal point
        </ToolButton>
        <span className="min-w-0 flex-1 truncate text-xs text-zinc-400 tabular-nums">
          {state.focal ? `${state.focal.x}, ${state.focal.y}` : 'none'}
        </span>
        {state.focal && (
          <ToolButton
            label="Clear the focal point"
            onClick={() => onChange('', (s) => ({ ...s, focal: null }))}
          >
            Clear
          </ToolButton>
        )}
      </div>
      {!focalUsed && (
        <p className="-mt-1.5 text-[11px] text-zinc-400">
          A focal point needs Cover with both width and height set.
        </p>
      )}
      <CheckField
        label="No upscale: never enlarge the image"
        checked={state.noUpscale}
        onChange={(noUpscale) => onChange('', (s) => ({ ...s, noUpscale }))}
      />
    </PanelSection>
  )
}
