import type { Library } from '@/api/gallery'
import type { Profile, ProfileInput, ProfileLibrary, Signer } from '@/api/settings'

/** Action of the secret field on save: keep, replace or clear the stored secret. */
export type SecretMode = 'keep' | 'replace' | 'clear'

/** One library row of the profile form. */
export interface ServedLibrary {
  served: boolean
  /** Path under which the server keeps this library's files, as typed, kept while unchecked. */
  pathPrefix: string
}

/** The profile form's values, as typed. */
export interface ProfileDraft {
  id: string
  name: string
  baseUrl: string
  signer: Signer
  /** Signature length as typed, checked to be a whole number of at least 0 on save. */
  truncate: string
  escapesNames: boolean
  rendersPreviews: boolean
  /** Rows by library id, in the profile's order and then the open libraries' order. */
  libraries: ReadonlyMap<string, ServedLibrary>
  /** Whether Go has a secret stored for the profile being edited. */
  secretSet: boolean
  secretMode: SecretMode
  /** The new secret while secretMode is "replace", or the secret of a profile without one. */
  secret: string
}

/** Returns the form values for profile, or for a new profile when profile is null. */
export function draftFromProfile(profile: Profile | null, open: readonly Library[]): ProfileDraft {
  const libraries = new Map<string, ServedLibrary>()
  for (const l of profile?.libraries ?? []) {
    libraries.set(l.library, { served: true, pathPrefix: l.pathPrefix })
  }
  for (const library of open) {
    if (!libraries.has(library.id)) libraries.set(library.id, { served: false, pathPrefix: '' })
  }
  return {
    id: profile?.id ?? '',
    name: profile?.name ?? '',
    baseUrl: profile?.baseUrl ?? '',
    signer: profile?.signer ?? 'sha1',
    truncate: String(profile?.truncate ?? 0),
    // imagor escapes names unless it is started with "--" as its safe characters.
    escapesNames: profile?.escapesNames ?? true,
    rendersPreviews: profile?.rendersPreviews ?? false,
    libraries,
    secretSet: profile?.secretSet ?? false,
    secretMode: 'keep',
    secret: '',
  }
}

/**
 * Returns the secret to send: null keeps the stored one (or stores none), "" clears it and any
 * other value replaces it. An empty "replace" keeps the stored secret, since Clear is the way
 * to remove it.
 */
export function secretToSend(draft: Pick<ProfileDraft, 'secretMode' | 'secret'>): string | null {
  if (draft.secretMode === 'clear') return ''
  return draft.secret === '' ? null : draft.secret
}

/** Parses the truncate field, or returns null when it is not a whole number of at least 0. */
export function parseTruncate(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return 0
  if (!/^\d+$/.test(trimmed)) return null
  return Number(trimmed)
}

/**
 * Returns what SaveProfile gets for draft. Libraries that are not open any more keep their rows,
 * so saving never drops a prefix the user cannot see.
 */
export function inputFromDraft(draft: ProfileDraft, truncate: number): ProfileInput {
  const libraries: ProfileLibrary[] = []
  for (const [library, row] of draft.libraries) {
    if (row.served) libraries.push({ library, pathPrefix: row.pathPrefix.trim() })
  }
  return {
    id: draft.id,
    name: draft.name.trim(),
    baseUrl: draft.baseUrl.trim(),
    secret: secretToSend(draft),
    signer: draft.signer,
    truncate,
    escapesNames: draft.escapesNames,
    rendersPreviews: draft.rendersPreviews,
    libraries,
  }
}
