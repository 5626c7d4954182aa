import { useId, useState, type FormEvent } from 'react'
import { addS3Library, errorMessage, testS3, type Library, type S3Input } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { CheckField } from '@/settings/check-field'
import { s3ErrorField, type S3Field } from '@/settings/s3-error-field'
import { BUTTON_CLASS, ERROR_TEXT_CLASS, PRIMARY_BUTTON_CLASS } from '@/settings/styles'
import { TextField } from '@/settings/text-field'

export interface S3FormProps {
  /** Called with the new library once it is tested and saved. */
  onAdded: (library: Library) => void
  onCancel: () => void
}

type S3Status =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'adding' }
  | { kind: 'tested' }
  | { kind: 'error'; message: string; field: S3Field }

const EMPTY_INPUT: S3Input = {
  name: '',
  bucket: '',
  prefix: '',
  region: '',
  endpoint: '',
  pathStyle: false,
  accessKey: '',
  secretKey: '',
}

/** Trims what the user typed; the secret key is sent exactly as typed. */
function cleanInput(input: S3Input): S3Input {
  return {
    ...input,
    name: input.name.trim(),
    bucket: input.bucket.trim(),
    prefix: input.prefix.trim(),
    region: input.region.trim(),
    endpoint: input.endpoint.trim(),
    accessKey: input.accessKey.trim(),
  }
}

/**
 * Renders the form that opens an S3 bucket as a library. "Test connection" only checks the
 * bucket, and "Add" checks it again on the Go side and saves it. A failure is shown next to the
 * field it is about.
 */
export function S3Form({ onAdded, onCancel }: S3FormProps) {
  const [input, setInput] = useState<S3Input>(EMPTY_INPUT)
  const [status, setStatus] = useState<S3Status>({ kind: 'idle' })
  const statusId = useId()
  const busy = status.kind === 'testing' || status.kind === 'adding'

  const update = <K extends keyof S3Input>(key: K, value: S3Input[K]) => {
    setInput((old) => ({ ...old, [key]: value }))
    // A passed test no longer holds for the changed settings, but an error stays until the next
    // try.
    setStatus((old) => (old.kind === 'tested' ? { kind: 'idle' } : old))
  }

  const fail = (err: unknown) => {
    const message = errorMessage(err)
    setStatus({ kind: 'error', message, field: s3ErrorField(message) })
  }

  const runTest = () => {
    setStatus({ kind: 'testing' })
    testS3(cleanInput(input))
      .then(() => setStatus({ kind: 'tested' }))
      .catch(fail)
  }

  const add = (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setStatus({ kind: 'adding' })
    addS3Library(cleanInput(input)).then(onAdded).catch(fail)
  }

  const errorFor = (field: S3Field) =>
    status.kind === 'error' && status.field === field ? status.message : undefined

  return (
    <form
      aria-label="Add an S3 bucket"
      data-testid="s3-form"
      noValidate
      onSubmit={add}
      className="flex flex-col gap-4 rounded-lg border border-zinc-800 bg-zinc-900 p-4"
    >
      <div className="grid grid-cols-2 gap-x-4 gap-y-3">
        <TextField
          label="Name"
          value={input.name}
          onChange={(value) => update('name', value)}
          placeholder="The bucket name"
          hint="Shown in the sidebar."
          autoFocus
        />
        <TextField
          label="Bucket"
          value={input.bucket}
          onChange={(value) => update('bucket', value)}
          placeholder="my-photos"
          testId="s3-bucket"
          error={errorFor('bucket')}
          errorTestId="s3-error"
        />
        <TextField
          label="Prefix"
          value={input.prefix}
          onChange={(value) => update('prefix', value)}
          placeholder="photos/2026"
          hint="Blank opens the whole bucket."
          error={errorFor('prefix')}
          errorTestId="s3-error"
        />
        <TextField
          label="Region"
          value={input.region}
          onChange={(value) => update('region', value)}
          placeholder="us-east-1"
          hint="Blank means us-east-1."
          error={errorFor('region')}
          errorTestId="s3-error"
        />
        <TextField
          label="Endpoint"
          value={input.endpoint}
          onChange={(value) => update('endpoint', value)}
          type="url"
          placeholder="https://s3.example.com"
          hint="Blank for AWS S3; the URL of any other S3-compatible server."
          testId="s3-endpoint"
          error={errorFor('endpoint')}
          errorTestId="s3-error"
          className="col-span-2"
        />
        <div className="col-span-2">
          <CheckField
            label="Path-style URLs"
            hint="Sends requests to endpoint/bucket instead of bucket.endpoint. Most servers other than AWS S3 need it."
            checked={input.pathStyle}
            onChange={(checked) => update('pathStyle', checked)}
          />
        </div>
        <TextField
          label="Access key"
          value={input.accessKey}
          onChange={(value) => update('accessKey', value)}
          hint="Leave both keys blank for a public bucket."
          testId="s3-access-key"
        />
        <TextField
          label="Secret key"
          value={input.secretKey}
          onChange={(value) => update('secretKey', value)}
          type="password"
          hint="Saved sealed; it is never shown again."
          testId="s3-secret-key"
          error={errorFor('keys')}
          errorTestId="s3-error"
        />
      </div>

      <div className="flex items-center gap-2">
        <button
          type="button"
          data-testid="s3-test"
          disabled={busy}
          onClick={runTest}
          aria-describedby={statusId}
          className={BUTTON_CLASS}
        >
          Test connection
        </button>
        <button type="submit" data-testid="s3-add" disabled={busy} className={PRIMARY_BUTTON_CLASS}>
          Add
        </button>
        <button type="button" onClick={onCancel} className={BUTTON_CLASS}>
          Cancel
        </button>
        <p id={statusId} role="status" className="ml-2 min-w-0 flex-1 text-xs text-zinc-400">
          {status.kind === 'testing' && 'Testing the connection…'}
          {status.kind === 'adding' && 'Testing and saving…'}
          {status.kind === 'tested' && (
            <span className="inline-flex items-center gap-1 text-emerald-300">
              <Icon name="check" />
              The bucket is reachable and readable.
            </span>
          )}
        </p>
      </div>
      {errorFor('form') && (
        <p role="alert" data-testid="s3-error" className={ERROR_TEXT_CLASS}>
          {errorFor('form')}
        </p>
      )}
    </form>
  )
}
