import type { Box, EditorSource, EditorState } from '@/api/editor'
import { BackgroundSection } from '@/editor/background-section'
import { CropSection } from '@/editor/crop-section'
import { EffectsSection } from '@/editor/effects-section'
import { OutputSection } from '@/editor/output-section'
import { SizeSection } from '@/editor/size-section'
import { TransformSection } from '@/editor/transform-section'
import {
  cropSize,
  resetSection,
  sectionChanged,
  type ChangeState,
  type EditorTool,
  type SectionId,
} from '@/lib/editor-state'

export interface ControlsPanelProps {
  state: EditorState
  source: EditorSource
  onChange: ChangeState
  onGestureStart: () => void
  onGestureEnd: () => void
  tool: EditorTool
  /** The box the crop fields show. */
  cropBox: Box
  aspect: string
  onAspect: (id: string) => void
  onCropField: (field: keyof Box, value: number) => void
  onApplyCrop: () => void
  onCancelCrop: () => void
  keepRatio: boolean
  onKeepRatioChange: (on: boolean) => void
  onToggleTool: (tool: 'focal' | 'redact') => void
}

/** Renders the editor's side panel: one section per group of edits, each with its own reset. */
export function ControlsPanel(props: ControlsPanelProps) {
  const { state, source, onChange } = props
  const reset = (section: SectionId) => () => {
    if (section === 'crop') props.onCancelCrop()
    onChange('', (s) => resetSection(s, section))
  }
  const gesture = { onGestureStart: props.onGestureStart, onGestureEnd: props.onGestureEnd }
  return (
    <aside
      aria-label="Edits"
      data-testid="controls-panel"
      className="flex w-80 shrink-0 flex-col overflow-y-auto border-l border-zinc-800 bg-zinc-900"
    >
      <CropSection
        source={source}
        box={props.cropBox}
        cropping={props.tool === 'crop'}
        changed={sectionChanged(state, 'crop')}
        aspect={props.aspect}
        onAspect={props.onAspect}
        onField={props.onCropField}
        onApply={props.onApplyCrop}
        onCancel={props.onCancelCrop}
        onReset={reset('crop')}
      />
      <SizeSection
        state={state}
        base={cropSize(state, source)}
        changed={sectionChanged(state, 'size')}
        onChange={onChange}
        keepRatio={props.keepRatio}
        onKeepRatioChange={props.onKeepRatioChange}
        picking={props.tool === 'focal'}
        onPickFocal={() => props.onToggleTool('focal')}
        onReset={reset('size')}
      />
      <TransformSection
        state={state}
        changed={sectionChanged(state, 'transform')}
        onChange={onChange}
        onReset={reset('transform')}
      />
      <EffectsSection
        state={state}
        changed={sectionChanged(state, 'effects')}
        onChange={onChange}
        {...gesture}
        redacting={props.tool === 'redact'}
        onRedactTool={() => props.onToggleTool('redact')}
        onReset={reset('effects')}
      />
      <BackgroundSection
        state={state}
        changed={sectionChanged(state, 'background')}
        onChange={onChange}
        onReset={reset('background')}
      />
      <OutputSection
        state={state}
        sourceFormat={source.format}
        changed={sectionChanged(state, 'output')}
        onChange={onChange}
        {...gesture}
        onReset={reset('output')}
      />
    </aside>
  )
}
