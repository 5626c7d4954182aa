import { describe, expect, it } from 'vitest'
import { s3ErrorField } from '@/settings/s3-error-field'

// Messages as the Go side words them, with the endpoint the tests use.
const AT = 'at http://127.0.0.1:7070'

const CASES = [
  {
    name: 'missing bucket',
    message: `test bucket "photos" ${AT}: bucket not found: check the bucket name, the region (us-east-1) and the endpoint: api error NotFound`,
    field: 'bucket',
  },
  { name: 'empty bucket name', message: 's3 library: bucket name is missing', field: 'bucket' },
  {
    name: 'wrong keys',
    message: `test bucket "photos" ${AT}: access denied: check the access key and the secret key, and that they may read this bucket: api error InvalidAccessKeyId`,
    field: 'keys',
  },
  {
    name: 'one key only',
    message:
      's3 library "photos": set both the access key and the secret key, or neither for a public bucket',
    field: 'keys',
  },
  {
    name: 'unreachable endpoint',
    message: `test bucket "photos" ${AT}: endpoint unreachable: check the endpoint URL and the network connection: dial tcp: connection refused`,
    field: 'endpoint',
  },
  {
    name: 'invalid endpoint',
    message:
      's3 library "photos": invalid endpoint "ftp://x": use a URL such as https://s3.example.com or http://127.0.0.1:7070',
    field: 'endpoint',
  },
  {
    name: 'other region',
    message: `test bucket "photos" ${AT}: bucket is in another region: use region eu-west-1: api error`,
    field: 'region',
  },
  {
    name: 'leading slash in prefix',
    message: 's3 library "photos": prefix "/a": invalid path: remove the leading slash',
    field: 'prefix',
  },
  {
    name: 'failed save',
    message: 'remember library "s3://photos/": library not saved: disk full',
    field: 'form',
  },
] as const

describe('s3ErrorField', () => {
  it.each(CASES)('$name', ({ message, field }) => {
    expect(s3ErrorField(message)).toBe(field)
  })
})
