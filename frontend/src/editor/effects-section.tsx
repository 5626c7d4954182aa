import type { EditorState } from '@/api/editor'
import { CheckField } from '@/editor/check-field'
import { PanelSection } from '@/editor/panel-section'
import { SliderField } from '@/editor/slider-field'
import { ToolButton } from '@/editor/tool-button'
import { LIMITS, type ChangeState } from '@/lib/editor-state'

export interface EffectsSectionProps {
  state: EditorState
  changed: boolean
  onChange: ChangeState
  onGestureStart: () => void
  onGestureEnd: () => void
  redacting: boolean
  onRedactTool: () => void
  onReset: () => void
}

type NumberKey = 'brightness' | 'contrast' | 'saturation' | 'hue' | 'blur' | 'sharpen'

const signedPercent = (v: number) => `${v > 0 ? '+' : ''}${v} %`
const degrees = (v: number) => `${v}°`
const pixels = (v: number) => (v === 0 ? 'off' : `${v} pixels`)
const amount = (v: number) => (v === 0 ? 'off' : v.toFixed(1))

/** Renders the colour and effects section: tone sliders, blur, sharpen, shapes, trim and redaction. */
export function EffectsSection({
  state,
  changed,
  onChange,
  onGestureStart,
  onGestureEnd,
  redacting,
  onRedactTool,
  onReset,
}: EffectsSectionProps) {
  const gesture = { onGestureStart, onGestureEnd }
  const set = (key: NumberKey | 'roundCorner' | 'pixelate') => (value: number) =>
    onChange(key, (s) => ({ ...s, [key]: value }))
  const setRgb = (channel: 'r' | 'g' | 'b') => (value: number) =>
    onChange(`rgb.${channel}`, (s) => ({ ...s, rgb: { ...s.rgb, [channel]: value } }))
  const channelNames = { r: 'Red', g: 'Green', b: 'Blue' } as const

  return (
    <PanelSection
      title="Colour & effects"
      changed={changed}
      onReset={onReset}
      testId="section-effects"
    >
      <SliderField
        label="Brightness"
        value={state.brightness}
        {...LIMITS.tone}
        format={signedPercent}
        onChange={set('brightness')}
        testId="brightness-slider"
        {...gesture}
      />
      <SliderField
        label="Contrast"
        value={state.contrast}
        {...LIMITS.tone}
        format={signedPercent}
        onChange={set('contrast')}
        testId="contrast-slider"
        {...gesture}
      />
      <SliderField
        label="Saturation"
        value={state.saturation}
        {...LIMITS.tone}
        format={signedPercent}
        onChange={set('saturation')}
        testId="saturation-slider"
        {...gesture}
      />
      <SliderField
        label="Hue"
        value={state.hue}
        {...LIMITS.hue}
        format={degrees}
        onChange={set('hue')}
        testId="hue-slider"
        {...gesture}
      />
      <CheckField
        label="Grayscale"
        checked={state.grayscale}
        onChange={(grayscale) => onChange('', (s) => ({ ...s, grayscale }))}
        testId="grayscale"
      />
      <SliderField
        label="Blur"
        value={state.blur}
        min={0}
        max={20}
        inputMax={LIMITS.sigma.max}
        step={0.1}
        format={amount}
        onChange={set('blur')}
        testId="blur-slider"
        {...gesture}
      />
      <SliderField
        label="Sharpen"
        value={state.sharpen}
        min={0}
        max={10}
        inputMax={LIMITS.sigma.max}
        step={0.1}
        format={amount}
        onChange={set('sharpen')}
        testId="sharpen-slider"
        {...gesture}
      />
      <SliderField
        label="Round corners"
        value={state.roundCorner}
        min={0}
        max={500}
        inputMax={LIMITS.roundCorner.max}
        format={pixels}
        onChange={set('roundCorner')}
        testId="round-corner-slider"
        {...gesture}
      />
      <SliderField
        label="Pixelate"
        value={state.pixelate}
        min={0}
        max={100}
        inputMax={LIMITS.pixelate.max}
        format={pixels}
        onChange={set('pixelate')}
        testId="pixelate-slider"
        {...gesture}
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-xs font-medium text-zinc-300">RGB balance</legend>
        {(['r', 'g', 'b'] as const).map((channel) => (
          <SliderField
            key={channel}
            label={channelNames[channel]}
            value={state.rgb[channel]}
            {...LIMITS.tone}
            format={signedPercent}
            onChange={setRgb(channel)}
            testId={`rgb-${channel}-slider`}
            {...gesture}
          />
        ))}
      </fieldset>
      <CheckField
        label="Trim the border of the top-left pixel's colour"
        checked={state.trim}
        onChange={(trim) => onChange('', (s) => ({ ...s, trim }))}
        testId="trim"
      />
      <div className="flex flex-col gap-1.5">
        <div className="flex items-center gap-2">
          <ToolButton
            label="Draw redaction boxes on the image"
            icon="redact"
            pressed={redacting}
            onClick={onRedactTool}
            testId="redact-toggle"
          >
            Redact
          </ToolButton>
          <span className="text-xs text-zinc-400">
            {state.redact.length === 0
              ? 'No boxes'
              : `${state.redact.length} ${state.redact.length === 1 ? 'box' : 'boxes'}`}
          </span>
        </div>
        {state.redact.length > 0 && (
          <ul aria-label="Redaction boxes" className="flex flex-col gap-1">
            {state.redact.map((box, i) => (
              <li
                key={`${box.left},${box.top},${box.width},${box.height},${i}`}
                className="flex items-center gap-2 text-xs text-zinc-300 tabular-nums"
              >
                <span className="flex-1">
                  {box.width} × {box.height} at {box.left}, {box.top}
                </span>
                <ToolButton
                  label={`Remove redaction box ${i + 1}`}
                  onClick={() =>
                    onChange('', (s) => ({ ...s, redact: s.redact.filter((_, j) => j !== i) }))
                  }
                >
                  Remove
                </ToolButton>
              </li>
            ))}
          </ul>
        )}
      </div>
    </PanelSection>
  )
}
