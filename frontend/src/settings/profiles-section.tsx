import { useCallback, useEffect, useState } from 'react'
import { errorMessage, type Library } from '@/api/gallery'
import { deleteProfile, profiles as fetchProfiles, type Profile } from '@/api/settings'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { Icon } from '@/components/icon'
import { ProfileForm } from '@/settings/profile-form'
import { SettingsSection } from '@/settings/settings-section'
import { BUTTON_CLASS, DANGER_BUTTON_CLASS, ERROR_TEXT_CLASS } from '@/settings/styles'

export interface ProfilesSectionProps {
  libraries: Library[]
}

/** Which profile the form shows: none, a new one, or the one with this id. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; profile: Profile }

const SIGNER_NAMES: Record<Profile['signer'], string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
}

/** Lists the imagor profiles and adds, edits or deletes them. */
export function ProfilesSection({ libraries }: ProfilesSectionProps) {
  const [list, setList] = useState<Profile[] | null>(null)
  const [editing, setEditing] = useState<Editing>({ kind: 'none' })
  const [deleting, setDeleting] = useState<Profile | null>(null)
  const [error, setError] = useState('')
  const [saved, setSaved] = useState('')

  const reload = useCallback(() => {
    return fetchProfiles()
      .then(setList)
      .catch((err: unknown) => setError(errorMessage(err)))
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const confirmDelete = (profile: Profile) => {
    setDeleting(null)
    setError('')
    deleteProfile(profile.id)
      .then(() => {
        if (editing.kind === 'edit' && editing.profile.id === profile.id) {
          setEditing({ kind: 'none' })
        }
        setSaved(`Deleted ${profile.name}.`)
        return reload()
      })
      .catch((err: unknown) => setError(errorMessage(err)))
  }

  const libraryName = (id: string) => libraries.find((l) => l.id === id)?.name

  return (
    <SettingsSection
      title="imagor profiles"
      description="The imagor servers that serve your images. The editor makes and signs URLs for them, with the path each server keeps a library under."
      actions={
        <button
          type="button"
          data-testid="profile-add"
          onClick={() => {
            setSaved('')
            setEditing({ kind: 'new' })
          }}
          className={BUTTON_CLASS}
        >
          <Icon name="plus" />
          Add profile
        </button>
      }
    >
      {error && (
        <p role="alert" className={ERROR_TEXT_CLASS}>
          {error}
        </p>
      )}
      <p role="status" className="sr-only">
        {saved}
      </p>

      {editing.kind !== 'none' && (
        <ProfileForm
          key={editing.kind === 'edit' ? editing.profile.id : 'new'}
          profile={editing.kind === 'edit' ? editing.profile : null}
          libraries={libraries}
          onCancel={() => setEditing({ kind: 'none' })}
          onSaved={(profile) => {
            setEditing({ kind: 'none' })
            setSaved(`Saved ${profile.name}.`)
            void reload()
          }}
          onDelete={editing.kind === 'edit' ? () => setDeleting(editing.profile) : undefined}
        />
      )}

      {list === null && !error && <p className="text-zinc-400">Loading profiles…</p>}
      {list?.length === 0 && editing.kind === 'none' && (
        <p className="text-zinc-400">
          No profile yet. Add one to copy signed imagor URLs from the editor.
        </p>
      )}
      {list && list.length > 0 && (
        <ul
          aria-label="imagor profiles"
          className="divide-y divide-zinc-800 rounded-lg border border-zinc-800"
        >
          {list.map((profile) => {
            const served = profile.libraries
              .map((l) => libraryName(l.library))
              .filter((name): name is string => name !== undefined)
            return (
              <li
                key={profile.id}
                data-testid="profile-row"
                className="flex items-center gap-3 px-3 py-2.5"
              >
                <Icon name="image" className="text-lg text-accent" />
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-zinc-100">{profile.name}</p>
                  <p className="truncate text-xs text-zinc-400 select-text" title={profile.baseUrl}>
                    {profile.baseUrl}
                  </p>
                  <p className="mt-0.5 truncate text-xs text-zinc-400">
                    {[
                      profile.secretSet ? `Signed, ${SIGNER_NAMES[profile.signer]}` : 'Unsigned',
                      profile.truncate > 0 ? `truncated to ${profile.truncate}` : '',
                      profile.rendersPreviews ? 'renders previews' : '',
                      served.length > 0 ? `serves ${served.join(', ')}` : 'serves no open library',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </div>
                <button
                  type="button"
                  aria-label={`Edit ${profile.name}`}
                  onClick={() => {
                    setSaved('')
                    setEditing({ kind: 'edit', profile })
                  }}
                  className={BUTTON_CLASS}
                >
                  <Icon name="pencil" />
                  Edit
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${profile.name}`}
                  onClick={() => setDeleting(profile)}
                  className={DANGER_BUTTON_CLASS}
                >
                  <Icon name="trash" />
                  Delete
                </button>
              </li>
            )
          })}
        </ul>
      )}

      {deleting && (
        <ConfirmDialog
          title={`Delete “${deleting.name}”?`}
          confirmLabel="Delete"
          onConfirm={() => confirmDelete(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>
            The profile and its stored secret are deleted from this app. The imagor server and the
            URLs already copied are not changed.
          </p>
        </ConfirmDialog>
      )}
    </SettingsSection>
  )
}
