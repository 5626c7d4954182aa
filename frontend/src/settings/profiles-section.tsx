import { useCallback, useEffect, useState } from 'react'
import { errorMessage, type Library } from '@/api/gallery'
import { deleteProfile, profiles as fetchProfiles, type Profile } from '@/api/settings'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { Icon } from '@/components/icon'
import { ProfileForm } from '@/settings/profile-form'
import { ProfileSummary } from '@/settings/profile-summary'
import { RemoteStatusList } from '@/settings/remote-status-list'
import { SettingsSection } from '@/settings/settings-section'
import { BUTTON_CLASS, ERROR_TEXT_CLASS } from '@/settings/styles'

export interface ProfilesSectionProps {
  libraries: Library[]
}

/** State of the form: closed, a new profile, or a stored profile edited in place of its row. */
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; profile: Profile }

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

  const closeForm = () => setEditing({ kind: 'none' })

  const afterSave = (profile: Profile) => {
    setEditing({ kind: 'none' })
    setSaved(`Saved ${profile.name}.`)
    void reload()
  }

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

      {editing.kind === 'new' && (
        <ProfileForm
          key="new"
          profile={null}
          libraries={libraries}
          onCancel={closeForm}
          onSaved={afterSave}
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
          {list.map((profile) => (
            <li
              key={profile.id}
              data-testid="profile-row"
              className={editing.kind === 'edit' && editing.profile.id === profile.id ? 'p-2' : ''}
            >
              {editing.kind === 'edit' && editing.profile.id === profile.id ? (
                <ProfileForm
                  profile={profile}
                  libraries={libraries}
                  onCancel={closeForm}
                  onSaved={afterSave}
                  onDelete={() => setDeleting(profile)}
                />
              ) : (
                <ProfileSummary
                  profile={profile}
                  libraries={libraries}
                  onEdit={() => {
                    setSaved('')
                    setEditing({ kind: 'edit', profile })
                  }}
                  onDelete={() => setDeleting(profile)}
                />
              )}
            </li>
          ))}
        </ul>
      )}

      <RemoteStatusList libraries={libraries} />

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
