import type { EditorState, OutputFormat } from '@/api/editor'
import { CheckField } from '@/editor/check-field'
import { NumberField } from '@/editor/number-field'
import { PanelSection } from '@/editor/panel-section'
import { SelectField } from '@/editor/select-field'
import { SliderField } from '@/editor/slider-field'
import { LIMITS, type ChangeState } from '@/lib/editor-state'

export interface OutputSectionProps {
  state: EditorState
  /** imagor's name of the source format, for the "original" option. */
  sourceFormat: string
  changed: boolean
  onChange: ChangeState
  onGestureStart: () => void
  onGestureEnd: () => void
  onReset: () => void
}

/** Renders the output section: format, quality, size limit and metadata. */
export function OutputSection({
  state,
  sourceFormat,
  changed,
  onChange,
  onGestureStart,
  onGestureEnd,
  onReset,
}: OutputSectionProps) {
  const formats: { value: OutputFormat; label: string }[] = [
    { value: '', label: sourceFormat ? `Original (${sourceFormat.toUpperCase()})` : 'Original' },
    { value: 'jpeg', label: 'JPEG' },
    { value: 'png', label: 'PNG' },
    { value: 'webp', label: 'WebP' },
    { value: 'avif', label: 'AVIF' },
    { value: 'gif', label: 'GIF' },
    { value: 'tiff', label: 'TIFF' },
  ]
  return (
    <PanelSection title="Output" changed={changed} onReset={onReset} testId="section-output">
      <SelectField
        label="Format"
        value={state.format}
        options={formats}
        onChange={(format) => onChange('', (s) => ({ ...s, format }))}
        testId="format-select"
      />
      <SliderField
        label="Quality"
        value={state.quality}
        {...LIMITS.quality}
        format={(v) => (v === 0 ? "the encoder's default" : String(v))}
        onChange={(quality) => onChange('quality', (s) => ({ ...s, quality }))}
        onGestureStart={onGestureStart}
        onGestureEnd={onGestureEnd}
        testId="quality-slider"
        inputTestId="quality-input"
      />
      <p className="-mt-1.5 text-[11px] text-zinc-400">
        0 is the encoder&apos;s default; PNG ignores it.
      </p>
      <NumberField
        label="Maximum file size in bytes, 0 for no limit"
        caption="Max bytes (0 is off)"
        value={state.maxBytes}
        {...LIMITS.maxBytes}
        onCommit={(maxBytes) => onChange('maxBytes', (s) => ({ ...s, maxBytes }))}
        testId="max-bytes-input"
      />
      <CheckField
        label="Strip EXIF metadata"
        checked={state.stripExif}
        onChange={(stripExif) => onChange('', (s) => ({ ...s, stripExif }))}
        testId="strip-exif"
      />
      <CheckField
        label="Strip the ICC profile (convert to sRGB)"
        checked={state.stripIcc}
        onChange={(stripIcc) => onChange('', (s) => ({ ...s, stripIcc }))}
        testId="strip-icc"
      />
    </PanelSection>
  )
}
