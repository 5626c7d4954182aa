import { useId } from 'react'
import { Icon } from '@/components/icon'
import type { SecretMode } from '@/settings/profile-draft'
import { BUTTON_CLASS } from '@/settings/styles'
import { TextField } from '@/settings/text-field'

export interface ProfileSecretFieldProps {
  /** Whether Go has a secret stored for this profile. */
  secretSet: boolean
  mode: SecretMode
  value: string
  onModeChange: (mode: SecretMode) => void
  onValueChange: (value: string) => void
}

const HINT = "The server's imagor secret (IMAGOR_SECRET). Blank makes unsigned (unsafe) URLs."

/**
 * Edits the write-only secret of a profile. A stored secret is never shown: the field shows that
 * one is set and offers to replace or clear it.
 */
export function ProfileSecretField({
  secretSet,
  mode,
  value,
  onModeChange,
  onValueChange,
}: ProfileSecretFieldProps) {
  const labelId = useId()

  if (!secretSet || mode === 'replace') {
    return (
      <div className="flex flex-col gap-1.5">
        <TextField
          label={secretSet ? 'New secret' : 'Secret'}
          type="password"
          value={value}
          onChange={onValueChange}
          hint={secretSet ? 'Leave it blank to keep the current secret.' : HINT}
          testId="profile-secret"
          autoFocus={secretSet}
        />
        {secretSet && (
          <button
            type="button"
            onClick={() => {
              onValueChange('')
              onModeChange('keep')
            }}
            className={`${BUTTON_CLASS} self-start`}
          >
            Keep the current secret
          </button>
        )}
      </div>
    )
  }

  return (
    <div role="group" aria-labelledby={labelId} className="flex flex-col gap-1">
      <span id={labelId} className="text-xs font-medium text-zinc-300">
        Secret
      </span>
      <div className="flex items-center gap-2">
        {mode === 'clear' ? (
          <p className="flex-1 text-amber-300" data-testid="profile-secret-status">
            The secret will be cleared when you save, and URLs will be unsigned.
          </p>
        ) : (
          <p
            className="flex flex-1 items-center gap-1.5 text-zinc-200"
            data-testid="profile-secret-status"
          >
            <Icon name="key" className="text-accent" />
            Secret is set
          </p>
        )}
        {mode === 'clear' ? (
          <button type="button" onClick={() => onModeChange('keep')} className={BUTTON_CLASS}>
            Undo
          </button>
        ) : (
          <>
            <button
              type="button"
              data-testid="profile-secret-replace"
              onClick={() => onModeChange('replace')}
              className={BUTTON_CLASS}
            >
              Replace
            </button>
            <button
              type="button"
              data-testid="profile-secret-clear"
              onClick={() => onModeChange('clear')}
              className={BUTTON_CLASS}
            >
              Clear
            </button>
          </>
        )}
      </div>
      <p className="text-xs text-zinc-400">The secret is stored sealed and never shown again.</p>
    </div>
  )
}
