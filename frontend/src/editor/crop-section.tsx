import type { Box } from '@/api/editor'
import { NumberField } from '@/editor/number-field'
import { PanelSection } from '@/editor/panel-section'
import { ToolButton } from '@/editor/tool-button'
import { ASPECT_PRESETS, type Size } from '@/lib/editor-crop'

export interface CropSectionProps {
  source: Size
  /** The box the fields show: the draft while cropping, else the crop or the whole image. */
  box: Box
  cropping: boolean
  /** The state has a crop. */
  changed: boolean
  aspect: string
  onAspect: (id: string) => void
  onField: (field: keyof Box, value: number) => void
  onApply: () => void
  onCancel: () => void
  onReset: () => void
}

/** Renders the crop section: aspect presets, the box in numbers, and apply or cancel while cropping. */
export function CropSection({
  source,
  box,
  cropping,
  changed,
  aspect,
  onAspect,
  onField,
  onApply,
  onCancel,
  onReset,
}: CropSectionProps) {
  const fields: { field: keyof Box; label: string; max: number; min: number }[] = [
    { field: 'left', label: 'Left', min: 0, max: source.width - 1 },
    { field: 'top', label: 'Top', min: 0, max: source.height - 1 },
    { field: 'width', label: 'Width', min: 1, max: source.width },
    { field: 'height', label: 'Height', min: 1, max: source.height },
  ]
  return (
    <PanelSection title="Crop" changed={changed} onReset={onReset} testId="section-crop">
      <div role="group" aria-label="Aspect ratio" className="flex flex-wrap gap-1">
        {ASPECT_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            aria-pressed={aspect === preset.id}
            data-testid={`aspect-${preset.id}`}
            onClick={() => onAspect(preset.id)}
            className={`h-7 rounded-md border px-2 text-xs focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none ${
              aspect === preset.id
                ? 'border-accent/60 bg-accent/20 text-accent-strong'
                : 'border-zinc-700 text-zinc-300 hover:bg-zinc-800'
            }`}
          >
            {preset.label}
          </button>
        ))}
      </div>
      <div className="grid grid-cols-4 gap-1.5">
        {fields.map(({ field, label, min, max }) => (
          <NumberField
            key={field}
            label={`Crop ${field}`}
            caption={label}
            value={box[field]}
            min={min}
            max={max}
            onCommit={(value) => onField(field, value)}
            testId={`crop-${field}`}
          />
        ))}
      </div>
      <p className="text-[11px] text-zinc-400">
        In pixels of the image as shown, {source.width} × {source.height}, before the flips and the
        rotation.
      </p>
      {cropping && (
        <div className="flex gap-2">
          <ToolButton label="Apply the crop (Enter)" variant="primary" onClick={onApply}>
            Apply
          </ToolButton>
          <ToolButton label="Cancel cropping (Escape)" keepsEnter onClick={onCancel}>
            Cancel
          </ToolButton>
        </div>
      )}
    </PanelSection>
  )
}
