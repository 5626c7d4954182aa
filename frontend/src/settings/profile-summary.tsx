import type { Library } from '@/api/gallery'
import type { Profile } from '@/api/settings'
import { Icon } from '@/components/icon'
import { BUTTON_CLASS, DANGER_BUTTON_CLASS } from '@/settings/styles'

const SIGNER_NAMES: Record<Profile['signer'], string> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
}

export interface ProfileSummaryProps {
  profile: Profile
  /** The open libraries, to name the ones the profile serves. */
  libraries: Library[]
  onEdit: () => void
  onDelete: () => void
}

/** Shows one profile in the list: its name, base URL, how it signs and what it serves. */
export function ProfileSummary({ profile, libraries, onEdit, onDelete }: ProfileSummaryProps) {
  const served = profile.libraries
    .map((l) => libraries.find((library) => library.id === l.library)?.name)
    .filter((name): name is string => name !== undefined)
  const facts = [
    profile.secretSet ? `Signed, ${SIGNER_NAMES[profile.signer]}` : 'Unsigned',
    profile.truncate > 0 ? `truncated to ${profile.truncate}` : '',
    profile.rendersPreviews ? 'renders previews' : '',
    served.length > 0 ? `serves ${served.join(', ')}` : 'serves no open library',
  ]
  return (
    <div className="flex items-center gap-3 px-3 py-2.5">
      <Icon name="image" className="text-lg text-accent" />
      <div className="min-w-0 flex-1">
        <p className="truncate font-medium text-zinc-100">{profile.name}</p>
        <p className="truncate text-xs text-zinc-400 select-text" title={profile.baseUrl}>
          {profile.baseUrl}
        </p>
        <p className="mt-0.5 truncate text-xs text-zinc-400">{facts.filter(Boolean).join(' · ')}</p>
      </div>
      <button
        type="button"
        aria-label={`Edit ${profile.name}`}
        onClick={onEdit}
        className={BUTTON_CLASS}
      >
        <Icon name="pencil" />
        Edit
      </button>
      <button
        type="button"
        aria-label={`Delete ${profile.name}`}
        onClick={onDelete}
        className={DANGER_BUTTON_CLASS}
      >
        <Icon name="trash" />
        Delete
      </button>
    </div>
  )
}
