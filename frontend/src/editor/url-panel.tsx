import { useId, useState } from 'react'
import type { Profile } from '@/api/editor'
import { Icon } from '@/components/icon'
import { ToolButton } from '@/editor/tool-button'
import type { PreviewResult } from '@/hooks/use-editor-render'

export interface UrlPanelProps {
  result: PreviewResult | null
  profiles: readonly Profile[]
  /** The error of listing the profiles, or null. */
  profilesError: string | null
  profile: string
  onProfileChange: (id: string) => void
  onCopyPath: () => void
  onCopySigned: () => void
}

/**
 * Shows the imagor URL of the edit: the path with each part explained on hover, the signed URL
 * for the chosen profile, warnings, and the copy buttons.
 */
export function UrlPanel({
  result,
  profiles,
  profilesError,
  profile,
  onProfileChange,
  onCopyPath,
  onCopySigned,
}: UrlPanelProps) {
  const profileId = useId()
  const [hovered, setHovered] = useState<string | null>(null)
  const path = result?.path
  const parts = path?.parts ?? []
  const joined = parts.map((p) => p.text).join('')
  const warnings = [path?.warning, result?.frame.warning, result?.signedError].filter(
    (w, i, all): w is string => Boolean(w) && all.indexOf(w) === i,
  )
  const chosen = profiles.find((p) => p.id === profile)

  return (
    <section
      aria-label="imagor URL"
      className="flex max-h-[45%] shrink-0 flex-col gap-1.5 overflow-y-auto border-t border-zinc-800 bg-zinc-900 px-3 py-2"
    >
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={profileId} className="text-xs text-zinc-300">
          Profile
        </label>
        <select
          id={profileId}
          value={chosen ? profile : ''}
          data-testid="profile-select"
          onChange={(event) => onProfileChange(event.target.value)}
          className="h-7 max-w-56 rounded-md border border-zinc-700 bg-zinc-950 px-1.5 text-xs text-zinc-100 focus-visible:border-accent focus-visible:ring-2 focus-visible:ring-accent/60 focus-visible:outline-none"
        >
          <option value="">None: unsigned path</option>
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.secretSet ? '' : ' (no secret)'}
            </option>
          ))}
        </select>
        {path && (
          <span className="text-xs text-zinc-400 tabular-nums" data-testid="editor-output-size">
            {path.outputWidth} × {path.outputHeight} px
          </span>
        )}
        <span className="flex-1" />
        <ToolButton
          label="Copy the imagor path (Ctrl+C)"
          icon="link"
          onClick={onCopyPath}
          testId="copy-path"
        >
          Copy path
        </ToolButton>
        <ToolButton
          label={
            chosen
              ? `Copy the signed URL for ${chosen.name}`
              : 'Pick a profile to copy a signed URL'
          }
          icon="link"
          disabled={!chosen}
          onClick={onCopySigned}
          testId="copy-signed"
        >
          Copy signed URL
        </ToolButton>
      </div>
      <p
        data-testid="editor-path"
        className="font-mono text-xs leading-5 break-all text-zinc-100 select-text"
        onMouseLeave={() => setHovered(null)}
      >
        {path && joined === path.path
          ? parts.map((part, i) => (
              <span
                key={i}
                title={part.explanation}
                onMouseEnter={() => setHovered(part.explanation)}
                className="rounded-sm hover:bg-accent/25"
              >
                {part.text}
              </span>
            ))
          : (path?.path ?? '…')}
      </p>
      {path?.signedUrl && (
        <p className="flex gap-2 text-xs leading-5">
          <span className="shrink-0 text-zinc-400">Signed</span>
          <span
            data-testid="editor-signed-url"
            className="font-mono break-all text-zinc-200 select-text"
          >
            {path.signedUrl}
          </span>
        </p>
      )}
      <p className="min-h-4 text-[11px] text-zinc-400" aria-live="polite">
        {hovered ?? 'Point at a part of the path to see what it does.'}
      </p>
      {warnings.map((warning) => (
        <p
          key={warning}
          role="status"
          data-testid="editor-warning"
          className="flex items-start gap-1.5 rounded-md border border-amber-800/70 bg-amber-950/50 px-2 py-1 text-xs text-amber-100"
        >
          <Icon name="alert" className="mt-0.5 text-amber-400" />
          <span className="select-text">{warning}</span>
        </p>
      ))}
      {profilesError && (
        <p className="text-xs text-amber-200">The profiles could not be listed: {profilesError}</p>
      )}
      {parts.length > 0 && (
        <details className="text-xs text-zinc-300">
          <summary className="cursor-default text-zinc-400 hover:text-zinc-200 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none">
            Explain each part
          </summary>
          <dl className="mt-1 grid grid-cols-[minmax(0,auto)_1fr] gap-x-3 gap-y-1">
            {parts.map((part, i) => (
              <div key={i} className="contents">
                <dt className="font-mono break-all text-zinc-100">{part.text}</dt>
                <dd className="text-zinc-400">{part.explanation}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  )
}
