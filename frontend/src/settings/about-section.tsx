import { useEffect, useState } from 'react'
import { errorMessage } from '@/api/gallery'
import { about as fetchAbout, type About, type KeyStatus } from '@/api/settings'
import { SettingsSection } from '@/settings/settings-section'
import { ERROR_TEXT_CLASS } from '@/settings/styles'

export interface AboutSectionProps {
  /** Null while it is loading or when it failed to load. */
  keyStatus: KeyStatus | null
}

type AboutState =
  { status: 'loading' } | { status: 'ready'; about: About } | { status: 'error'; message: string }

/** Shows the versions of the app, imagor, libvips and Go, and where the secrets key is kept. */
export function AboutSection({ keyStatus }: AboutSectionProps) {
  const [state, setState] = useState<AboutState>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    fetchAbout()
      .then((about) => !cancelled && setState({ status: 'ready', about }))
      .catch(
        (err: unknown) => !cancelled && setState({ status: 'error', message: errorMessage(err) }),
      )
    return () => {
      cancelled = true
    }
  }, [])

  const about = state.status === 'ready' ? state.about : null
  const pending = state.status === 'loading' ? 'Loading…' : 'Unknown'
  const engineValue = (value: string | undefined) =>
    value || (about?.error ? 'Unavailable' : pending)
  const rows: [string, string, string?][] = [
    ['Imagor Studio', about?.app || pending],
    ['imagor', engineValue(about?.imagor)],
    ['libvips', engineValue(about?.vips), 'about-vips'],
    ['Go', about?.go || pending],
    ['Platform', about?.platform || pending],
  ]
  let keyText = 'Loading…'
  if (keyStatus?.source === 'keychain') keyText = 'In the system keychain'
  else if (keyStatus) keyText = 'In a key file in the app’s data folder'
  if (keyStatus?.warning) keyText += ', as the warning at the top says'
  rows.push(['Secrets key', keyText])

  return (
    <SettingsSection
      title="About"
      description="Imagor Studio Desktop: a gallery and non-destructive editor for images served through imagor URLs."
    >
      <dl className="grid max-w-xl grid-cols-[10rem_1fr] gap-x-4 gap-y-2 select-text">
        {rows.map(([label, value, testId]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-400">{label}</dt>
            <dd data-testid={testId} className="break-words text-zinc-100">
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {about?.error && (
        <p role="alert" className={ERROR_TEXT_CLASS}>
          The image engine did not report its versions: {about.error}
        </p>
      )}
      {state.status === 'error' && (
        <p role="alert" className={ERROR_TEXT_CLASS}>
          {state.message}
        </p>
      )}
    </SettingsSection>
  )
}
