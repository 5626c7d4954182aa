import { useId, useState, type FormEvent } from 'react'
import { errorMessage, type Library } from '@/api/gallery'
import { SIGNERS, isSigner, saveProfile, type Profile, type Signer } from '@/api/settings'
import { CheckField } from '@/settings/check-field'
import {
  draftFromProfile,
  inputFromDraft,
  parseTruncate,
  type ProfileDraft,
  type ServedLibrary,
} from '@/settings/profile-draft'
import { ProfileSecretField } from '@/settings/profile-secret-field'
import {
  BUTTON_CLASS,
  CHECKBOX_CLASS,
  DANGER_BUTTON_CLASS,
  ERROR_TEXT_CLASS,
  INPUT_CLASS,
  PRIMARY_BUTTON_CLASS,
} from '@/settings/styles'
import { TextField } from '@/settings/text-field'

const SIGNER_LABELS: Record<Signer, string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
}

export interface ProfileFormProps {
  /** The profile to edit, or null for a new one. */
  profile: Profile | null
  /** The open libraries, one row each for its path prefix. */
  libraries: Library[]
  onSaved: (profile: Profile) => void
  onCancel: () => void
  /** Asks to delete the profile, which the caller confirms. A new profile has no Delete. */
  onDelete?: () => void
}

/** Adds or edits an imagor profile: the server, how it signs URLs and where it keeps files. */
export function ProfileForm({ profile, libraries, onSaved, onCancel, onDelete }: ProfileFormProps) {
  const [draft, setDraft] = useState<ProfileDraft>(() => draftFromProfile(profile, libraries))
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const [truncateError, setTruncateError] = useState('')
  const signerId = useId()
  const librariesId = useId()

  const update = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => {
    setDraft((old) => ({ ...old, [key]: value }))
  }

  const updateLibrary = (id: string, change: Partial<ServedLibrary>) => {
    setDraft((old) => {
      const libraries = new Map(old.libraries)
      const row = libraries.get(id) ?? { served: false, pathPrefix: '' }
      libraries.set(id, { ...row, ...change })
      return { ...old, libraries }
    })
  }

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (saving) return
    const truncate = parseTruncate(draft.truncate)
    if (truncate === null) {
      setTruncateError('Give 0 (no truncation) or a positive whole number of characters.')
      return
    }
    setTruncateError('')
    setError('')
    setSaving(true)
    saveProfile(inputFromDraft(draft, truncate))
      .then(onSaved)
      .catch((err: unknown) => {
        setError(errorMessage(err))
        setSaving(false)
      })
  }

  const open = new Set(libraries.map((l) => l.id))
  const hidden = [...draft.libraries].filter(([id, row]) => row.served && !open.has(id)).length

  return (
    <form
      aria-label={profile ? `Edit ${profile.name}` : 'Add an imagor profile'}
      data-testid="profile-form"
      noValidate
      onSubmit={save}
      className="flex flex-col gap-4 rounded-lg border border-zinc-800 bg-zinc-900 p-4"
    >
      <div className="grid grid-cols-2 gap-x-4 gap-y-3">
        <TextField
          label="Name"
          value={draft.name}
          onChange={(value) => update('name', value)}
          placeholder="Production"
          testId="profile-name"
          autoFocus
        />
        <TextField
          label="Base URL"
          type="url"
          value={draft.baseUrl}
          onChange={(value) => update('baseUrl', value)}
          placeholder="https://img.example.com"
          hint="Where the imagor server answers, with any path in front of its URLs."
          testId="profile-base-url"
        />
        <div className="col-span-2">
          <ProfileSecretField
            secretSet={draft.secretSet}
            mode={draft.secretMode}
            value={draft.secret}
            onModeChange={(mode) => update('secretMode', mode)}
            onValueChange={(value) => update('secret', value)}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={signerId} className="text-xs font-medium text-zinc-300">
            Signer
          </label>
          <select
            id={signerId}
            value={draft.signer}
            data-testid="profile-signer"
            onChange={(event) => {
              if (isSigner(event.target.value)) update('signer', event.target.value)
            }}
            className={INPUT_CLASS}
          >
            {SIGNERS.map((signer) => (
              <option key={signer} value={signer}>
                {SIGNER_LABELS[signer]}
              </option>
            ))}
          </select>
          <p className="text-xs text-zinc-400">
            imagor&rsquo;s IMAGOR_SIGNER_TYPE; SHA-1 by default.
          </p>
        </div>
        <TextField
          label="Truncate signature"
          type="number"
          min={0}
          step={1}
          value={draft.truncate}
          onChange={(value) => update('truncate', value)}
          hint="Characters kept (IMAGOR_SIGNER_TRUNCATE); 0 keeps the whole signature."
          testId="profile-truncate"
          error={truncateError || undefined}
        />
        <div className="col-span-2 flex flex-col gap-2">
          <CheckField
            label="Server escapes file names (imagor's default safe characters)"
            hint="Turn off for a server started with “--” as its safe characters, which opens names as they are."
            checked={draft.escapesNames}
            onChange={(checked) => update('escapesNames', checked)}
            testId="profile-escapes-names"
          />
          <CheckField
            label="Render previews on this server"
            hint="The editor asks this server for its previews instead of the built-in engine."
            checked={draft.rendersPreviews}
            onChange={(checked) => update('rendersPreviews', checked)}
            testId="profile-renders-previews"
          />
        </div>
      </div>

      <fieldset aria-describedby={librariesId} className="flex flex-col gap-2">
        <legend className="text-xs font-medium text-zinc-300">Libraries on this server</legend>
        <p id={librariesId} className="text-xs text-zinc-400">
          Tick each library the server can read, with the path under which it keeps that
          library&rsquo;s files, such as photos/2026/.
        </p>
        {libraries.length === 0 && <p className="text-zinc-400">No library is open.</p>}
        {libraries.map((library) => {
          const row = draft.libraries.get(library.id) ?? { served: false, pathPrefix: '' }
          return (
            <div
              key={library.id}
              data-testid="profile-library"
              className="grid grid-cols-[minmax(0,14rem)_1fr] items-center gap-3"
            >
              <label className="flex min-w-0 items-center gap-2 text-zinc-200">
                <input
                  type="checkbox"
                  checked={row.served}
                  onChange={(event) => updateLibrary(library.id, { served: event.target.checked })}
                  className={CHECKBOX_CLASS}
                />
                <span className="truncate" title={library.path}>
                  {library.name}
                </span>
              </label>
              <input
                type="text"
                value={row.pathPrefix}
                disabled={!row.served}
                placeholder="photos/2026/"
                aria-label={`Path prefix of ${library.name} on the server`}
                spellCheck={false}
                autoComplete="off"
                onChange={(event) => updateLibrary(library.id, { pathPrefix: event.target.value })}
                className={INPUT_CLASS}
              />
            </div>
          )
        })}
        {hidden > 0 && (
          <p className="text-xs text-zinc-400">
            {hidden === 1
              ? 'One library that is not open keeps its prefix.'
              : `${hidden} libraries that are not open keep their prefixes.`}
          </p>
        )}
      </fieldset>

      {error && (
        <p role="alert" data-testid="profile-error" className={ERROR_TEXT_CLASS}>
          {error}
        </p>
      )}

      <div className="flex items-center gap-2">
        <button
          type="submit"
          data-testid="profile-save"
          disabled={saving}
          className={PRIMARY_BUTTON_CLASS}
        >
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={onCancel} className={BUTTON_CLASS}>
          Cancel
        </button>
        {onDelete && (
          <button type="button" onClick={onDelete} className={`${DANGER_BUTTON_CLASS} ml-auto`}>
            Delete
          </button>
        )}
      </div>
    </form>
  )
}
