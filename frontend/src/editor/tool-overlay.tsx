import type { Box, Point } from '@/api/editor'
import { CropOverlay } from '@/editor/crop-overlay'
import { FocalOverlay } from '@/editor/focal-overlay'
import { RedactOverlay } from '@/editor/redact-overlay'
import type { ScreenRect, Size } from '@/lib/editor-crop'
import type { EditorTool } from '@/lib/editor-state'

export interface ToolOverlayProps {
  /** The rectangle the whole source is drawn in, in CSS pixels of the stage. */
  rect: ScreenRect
  tool: EditorTool
  source: Size
  /** The crop being drawn while the crop tool is on, else null. */
  cropDraft: Box | null
  /** Width and height terms of the crop's aspect ratio, or null for free. */
  ratio: readonly [number, number] | null
  onCropDraftChange: (box: Box) => void
  /** The crop of the edit, or the whole source when there is none. */
  crop: Box
  focal: Point | null
  onPickFocal: (point: Point) => void
  redact: readonly Box[]
  onAddRedact: (box: Box) => void
}

/** Draws the overlay of the tool that is on (crop, focal point or redaction), or nothing. */
export function ToolOverlay({
  rect,
  tool,
  source,
  cropDraft,
  ratio,
  onCropDraftChange,
  crop,
  focal,
  onPickFocal,
  redact,
  onAddRedact,
}: ToolOverlayProps) {
  if (tool === 'crop' && cropDraft) {
    return (
      <CropOverlay
        rect={rect}
        source={source}
        box={cropDraft}
        ratio={ratio}
        onChange={onCropDraftChange}
      />
    )
  }
  if (tool === 'focal') {
    return (
      <FocalOverlay rect={rect} source={source} crop={crop} focal={focal} onPick={onPickFocal} />
    )
  }
  if (tool === 'redact') {
    return <RedactOverlay rect={rect} source={source} boxes={redact} onAdd={onAddRedact} />
  }
  return null
}
