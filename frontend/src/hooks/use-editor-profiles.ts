import { useEffect, useState } from 'react'
import { profiles as fetchProfiles, type Profile } from '@/api/editor'
import { errorMessage } from '@/api/gallery'

/** The imagor URL profiles for the URL panel, or why they could not be read. */
export interface EditorProfiles {
  profiles: Profile[]
  error: string | null
}

/** Fetches the imagor URL profiles once, when the editor opens. */
export function useEditorProfiles(): EditorProfiles {
  const [profileList, setProfileList] = useState<Profile[]>([])
  const [profilesError, setProfilesError] = useState<string | null>(null)

  useEffect(() => {
    let cancelled = false
    fetchProfiles().then(
      (list) => {
        if (!cancelled) setProfileList(list)
      },
      (err: unknown) => {
        if (!cancelled) setProfilesError(errorMessage(err))
      },
    )
    return () => {
      cancelled = true
    }
  }, [])

  return { profiles: profileList, error: profilesError }
}
