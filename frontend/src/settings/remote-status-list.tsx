import { useEffect, useState } from 'react'
import { errorMessage, type Library } from '@/api/gallery'
import { remoteStatus, type RemoteStatus } from '@/api/settings'

export interface RemoteStatusListProps {
  libraries: Library[]
}

/**
 * Shows, for each library whose previews a profile renders on its own server, whether that
 * server responds or why the local engine renders instead. The state exists once the gallery has
 * asked for a picture of that library.
 */
export function RemoteStatusList({ libraries }: RemoteStatusListProps) {
  const [statuses, setStatuses] = useState<RemoteStatus[]>([])
  const [error, setError] = useState('')

  useEffect(() => {
    remoteStatus()
      .then(setStatuses)
      .catch((err: unknown) => setError(errorMessage(err)))
  }, [])

  if (error) return <p className="text-sm text-red-300">{error}</p>
  if (statuses.length === 0) return null
  const nameOf = (id: string) => libraries.find((l) => l.id === id)?.name ?? id
  return (
    <div data-testid="remote-status" className="mt-4 space-y-1 text-sm">
      <h3 className="font-medium text-zinc-200">Previews rendered on your servers</h3>
      <ul className="space-y-1">
        {statuses.map((s) => (
          <li key={s.library} className={s.ok ? 'text-emerald-300' : 'text-amber-300'}>
            {nameOf(s.library)} → {s.baseUrl}: {s.ok ? 'working' : s.reason}
            {s.fallback > 0 && ` (${s.fallback} rendered locally after a failure)`}
          </li>
        ))}
      </ul>
    </div>
  )
}
