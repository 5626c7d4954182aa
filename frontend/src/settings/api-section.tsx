import { useEffect, useId, useState } from 'react'
import { errorMessage } from '@/api/gallery'
import { copyText } from '@/api/runtime'
import {
  apiStatus,
  rotateApiToken,
  setApiEnabled,
  setApiPort,
  type ApiStatus,
} from '@/api/settings'
import { Icon } from '@/components/icon'
import { CheckField } from '@/settings/check-field'
import { SettingsSection } from '@/settings/settings-section'
import { BUTTON_CLASS, ERROR_TEXT_CLASS, INPUT_CLASS } from '@/settings/styles'

const DESCRIPTION =
  'A GraphQL API on this computer for scripts: list folders, build signed URLs, render and ' +
  'move files. Only programs on this computer that have the token can use it.'

type Copied = 'url' | 'token' | null

interface CopyRowProps {
  label: string
  value: string
  /** Shows the value as dots until the user asks to see it. */
  secret?: boolean
  copied: boolean
  onCopy: () => void
  testId: string
}

/** Renders a read-only value with a copy button, and a show button for a secret. */
function CopyRow({ label, value, secret = false, copied, onCopy, testId }: CopyRowProps) {
  const id = useId()
  const [shown, setShown] = useState(false)
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-zinc-400">
        {label}
      </label>
      <div className="flex max-w-2xl gap-2">
        <input
          id={id}
          readOnly
          type={secret && !shown ? 'password' : 'text'}
          value={value}
          data-testid={testId}
          onFocus={(event) => event.target.select()}
          className={`${INPUT_CLASS} font-mono text-xs`}
        />
        {secret && (
          <button type="button" className={BUTTON_CLASS} onClick={() => setShown(!shown)}>
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
        <button
          type="button"
          aria-label={`Copy the ${label.toLowerCase()}`}
          data-testid={`${testId}-copy`}
          className={BUTTON_CLASS}
          onClick={onCopy}
        >
          <Icon name={copied ? 'check' : 'copy'} />
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  )
}

/**
 * Shows the loopback GraphQL API: the switch that serves it, its port, its URL and token with
 * copy buttons, and a button that replaces the token.
 */
export function ApiSection() {
  const portId = useId()
  const [status, setStatus] = useState<ApiStatus | null>(null)
  const [port, setPort] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [copied, setCopied] = useState<Copied>(null)
  const [rotated, setRotated] = useState(false)

  useEffect(() => {
    let cancelled = false
    apiStatus()
      .then((s) => {
        if (cancelled) return
        setStatus(s)
        setPort(String(s.port))
      })
      .catch((err: unknown) => !cancelled && setError(errorMessage(err)))
    return () => {
      cancelled = true
    }
  }, [])

  const update = async (action: () => Promise<ApiStatus>) => {
    setBusy(true)
    setError('')
    try {
      const next = await action()
      setStatus(next)
      setPort(String(next.port))
    } catch (err: unknown) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const copy = async (field: Exclude<Copied, null>, text: string) => {
    if (await copyText(text)) setCopied(field)
    else setError('Copying to the clipboard failed. Select the text and copy it by hand.')
  }

  const portNumber = Number(port)
  const portValid = Number.isInteger(portNumber) && portNumber >= 1024 && portNumber <= 65535
  const base = status?.url.replace(/\/graphql$/, '') ?? ''

  return (
    <SettingsSection title="API" description={DESCRIPTION}>
      <CheckField
        label="Serve the API on 127.0.0.1"
        checked={status?.enabled ?? false}
        disabled={status === null || busy}
        testId="api-enabled"
        hint="Off by default. The same API runs without a window with: imagor-studio serve FOLDER"
        onChange={(enabled) => void update(() => setApiEnabled(enabled))}
      />

      <div className="flex max-w-2xl items-end gap-2">
        <div className="flex w-40 flex-col gap-1">
          <label htmlFor={portId} className="text-zinc-400">
            Port
          </label>
          <input
            id={portId}
            inputMode="numeric"
            value={port}
            aria-invalid={port !== '' && !portValid}
            data-testid="api-port"
            onChange={(event) => setPort(event.target.value.trim())}
            className={INPUT_CLASS}
          />
        </div>
        <button
          type="button"
          className={BUTTON_CLASS}
          data-testid="api-port-save"
          disabled={status === null || busy || !portValid || portNumber === status.port}
          onClick={() => void update(() => setApiPort(portNumber))}
        >
          Save port
        </button>
      </div>
      {port !== '' && !portValid && (
        <p className={ERROR_TEXT_CLASS}>Give a port from 1024 to 65535.</p>
      )}

      {status?.override && <p className="text-xs text-zinc-400">{status.override}</p>}

      {status?.running ? (
        <p data-testid="api-state" className="text-emerald-300">
          Running at {status.url}
        </p>
      ) : (
        <p data-testid="api-state" className="text-zinc-400">
          {status?.enabled ? 'Not running.' : 'Off.'}
        </p>
      )}

      {status && (
        <div className="flex flex-col gap-3">
          {status.running && (
            <CopyRow
              label="URL"
              value={status.url}
              copied={copied === 'url'}
              onCopy={() => void copy('url', status.url)}
              testId="api-url"
            />
          )}
          <CopyRow
            label="Token"
            value={status.token}
            secret
            copied={copied === 'token'}
            onCopy={() => void copy('token', status.token)}
            testId="api-token"
          />
          <div className="flex items-center gap-3">
            <button
              type="button"
              className={BUTTON_CLASS}
              data-testid="api-rotate"
              disabled={busy}
              onClick={() =>
                void update(async () => {
                  const next = await rotateApiToken()
                  setRotated(true)
                  setCopied(null)
                  return next
                })
              }
            >
              <Icon name="retry" />
              New token
            </button>
            {rotated && (
              <p className="text-xs text-zinc-400">
                The old token no longer works; give scripts the new one.
              </p>
            )}
          </div>
        </div>
      )}

      {status?.running && (
        <div className="flex max-w-2xl flex-col gap-1 text-xs text-zinc-400">
          <p>
            Send <code>Authorization: Bearer TOKEN</code> with every request, for example:
          </p>
          <pre className="overflow-x-auto rounded-md bg-zinc-900 p-2 text-zinc-200 select-text">
            {`curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\\n  -d '{"query":"{ libraries { id name } }"}' ${status.url}`}
          </pre>
          <p>
            {base}/graphql in a browser is a small query page that works offline. GraphiQL at {base}
            /graphiql loads its scripts from a CDN, so it needs the internet.
          </p>
        </div>
      )}

      {(error || status?.error) && (
        <p role="alert" data-testid="api-error" className={ERROR_TEXT_CLASS}>
          {error || status?.error}
        </p>
      )}
    </SettingsSection>
  )
}
