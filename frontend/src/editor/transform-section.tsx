import type { EditorState } from '@/api/editor'
import { PanelSection } from '@/editor/panel-section'
import { ToolButton } from '@/editor/tool-button'
import type { ChangeState } from '@/lib/editor-state'

export interface TransformSectionProps {
  state: EditorState
  changed: boolean
  onChange: ChangeState
  onReset: () => void
}

/** Turns the rotation by quarter turns, clockwise for a positive step. */
function turn(rotate: number, step: 90 | -90): number {
  return (((rotate + step) % 360) + 360) % 360
}

/** Renders the transform section: flips and quarter turns. */
export function TransformSection({ state, changed, onChange, onReset }: TransformSectionProps) {
  return (
    <PanelSection title="Transform" changed={changed} onReset={onReset} testId="section-transform">
      <div className="flex flex-wrap gap-1.5">
        <ToolButton
          label="Flip horizontally"
          icon="flip-h"
          pressed={state.flipH}
          onClick={() => onChange('', (s) => ({ ...s, flipH: !s.flipH }))}
          testId="flip-h"
        >
          Flip H
        </ToolButton>
        <ToolButton
          label="Flip vertically"
          icon="flip-v"
          pressed={state.flipV}
          onClick={() => onChange('', (s) => ({ ...s, flipV: !s.flipV }))}
          testId="flip-v"
        >
          Flip V
        </ToolButton>
        <ToolButton
          label="Rotate 90° counter-clockwise"
          icon="rotate-left"
          onClick={() => onChange('', (s) => ({ ...s, rotate: turn(s.rotate, -90) }))}
          testId="rotate-left"
        />
        <ToolButton
          label="Rotate 90° clockwise"
          icon="rotate-right"
          onClick={() => onChange('', (s) => ({ ...s, rotate: turn(s.rotate, 90) }))}
          testId="rotate-right"
        />
        <span className="self-center text-xs text-zinc-400 tabular-nums" aria-live="polite">
          {state.rotate}° clockwise
        </span>
      </div>
    </PanelSection>
  )
}
