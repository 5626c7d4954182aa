/** The part of the S3 form that an error message is about; "form" when it names none. */
export type S3Field = 'bucket' | 'prefix' | 'region' | 'endpoint' | 'keys' | 'form'

// Phrases of the Go side's messages (backend/s3 and backend/library), tried in order. The
// endpoint and region phrases come first because those messages also mention the bucket.
const RULES: readonly [S3Field, readonly string[]][] = [
  ['endpoint', ['endpoint unreachable', 'invalid endpoint']],
  ['region', ['bucket is in another region']],
  ['keys', ['access denied', 'access key', 'secret key']],
  ['bucket', ['bucket not found', 'bucket name is missing', 'bucket name is empty']],
  ['prefix', ['prefix "']],
]

/** Returns the field that a TestS3 or AddS3Library error message is about. */
export function s3ErrorField(message: string): S3Field {
  const text = message.toLowerCase()
  for (const [field, phrases] of RULES) {
    if (phrases.some((phrase) => text.includes(phrase))) return field
  }
  return 'form'
}
