import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as galleryApi from '@/api/gallery'
import { addS3Library, testS3, type Library, type S3Input } from '@/api/gallery'
import { S3Form } from '@/settings/s3-form'

vi.mock('@/api/gallery', async (importOriginal) => {
  const actual = await importOriginal<typeof galleryApi>()
  return { ...actual, testS3: vi.fn(), addS3Library: vi.fn() }
})

const ENDPOINT = 'http://127.0.0.1:7070'
const ADDED: Library = { id: 's3lib', kind: 's3', name: 'photos', path: 's3://photos/' }

function renderForm() {
  const onAdded = vi.fn()
  render(<S3Form onAdded={onAdded} onCancel={vi.fn()} />)
  return { onAdded }
}

async function fillIn() {
  await userEvent.type(screen.getByTestId('s3-bucket'), 'photos')
  await userEvent.type(screen.getByTestId('s3-endpoint'), ENDPOINT)
  await userEvent.click(screen.getByLabelText('Path-style URLs'))
  await userEvent.type(screen.getByTestId('s3-access-key'), ' AKIA ')
  await userEvent.type(screen.getByTestId('s3-secret-key'), ' secret ')
}

/** Returns the label of the field whose error message is shown, by aria-describedby. */
function fieldOfError(): HTMLElement | undefined {
  const error = screen.getByTestId('s3-error')
  return screen
    .getAllByRole('textbox')
    .concat(screen.getAllByLabelText(/key/i))
    .find((input) => input.getAttribute('aria-describedby')?.split(' ').includes(error.id))
}

beforeEach(() => {
  vi.mocked(testS3).mockResolvedValue()
  vi.mocked(addS3Library).mockResolvedValue(ADDED)
})

describe('S3Form', () => {
  it('tests the typed settings', async () => {
    renderForm()
    await fillIn()
    await userEvent.click(screen.getByTestId('s3-test'))
    const expected: S3Input = {
      name: '',
      bucket: 'photos',
      prefix: '',
      region: '',
      endpoint: ENDPOINT,
      pathStyle: true,
      accessKey: 'AKIA',
      // The secret key is sent exactly as typed.
      secretKey: ' secret ',
    }
    expect(testS3).toHaveBeenCalledWith(expected)
    expect(await screen.findByText('The bucket is reachable and readable.')).toBeInTheDocument()
    expect(screen.queryByTestId('s3-error')).not.toBeInTheDocument()
  })

  it('shows a missing bucket at the bucket', async () => {
    const message = `test bucket "photos" at ${ENDPOINT}: bucket not found: check the bucket name, the region (us-east-1) and the endpoint: NotFound`
    vi.mocked(testS3).mockRejectedValue(message)
    renderForm()
    await fillIn()
    await userEvent.click(screen.getByTestId('s3-test'))
    const error = await screen.findByTestId('s3-error')
    expect(error).toHaveTextContent(message)
    expect(error).toHaveClass('text-red-300')
    expect(fieldOfError()).toBe(screen.getByTestId('s3-bucket'))
    expect(screen.getByTestId('s3-bucket')).toHaveAttribute('aria-invalid', 'true')
  })

  it('shows denied access at the keys', async () => {
    vi.mocked(testS3).mockRejectedValue(
      `test bucket "photos" at ${ENDPOINT}: access denied: check the access key and the secret key, and that they may read this bucket: InvalidAccessKeyId`,
    )
    renderForm()
    await fillIn()
    await userEvent.click(screen.getByTestId('s3-test'))
    await screen.findByTestId('s3-error')
    expect(fieldOfError()).toBe(screen.getByTestId('s3-secret-key'))
  })

  it('shows an unreachable endpoint at the endpoint', async () => {
    vi.mocked(testS3).mockRejectedValue(
      `test bucket "photos" at ${ENDPOINT}: endpoint unreachable: check the endpoint URL and the network connection: connection refused`,
    )
    renderForm()
    await fillIn()
    await userEvent.click(screen.getByTestId('s3-test'))
    await screen.findByTestId('s3-error')
    expect(fieldOfError()).toBe(screen.getByTestId('s3-endpoint'))
    expect(screen.getAllByTestId('s3-error')).toHaveLength(1)
  })

  it('shows other errors under the form', async () => {
    vi.mocked(addS3Library).mockRejectedValue('remember library "s3://photos/": disk full')
    const { onAdded } = renderForm()
    await fillIn()
    await userEvent.click(screen.getByTestId('s3-add'))
    const error = await screen.findByTestId('s3-error')
    expect(error).toHaveTextContent('disk full')
    expect(fieldOfError()).toBeUndefined()
    expect(onAdded).not.toHaveBeenCalled()
  })

  it('adds the bucket once it works', async () => {
    const { onAdded } = renderForm()
    await fillIn()
    await userEvent.click(screen.getByTestId('s3-add'))
    await waitFor(() => expect(onAdded).toHaveBeenCalledWith(ADDED))
    expect(addS3Library).toHaveBeenCalledTimes(1)
  })
})
