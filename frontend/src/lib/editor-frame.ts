// Loads preview frames off-screen, so the editor swaps a frame in only once it is decoded and the
// previous one stays until then.

/** Frames kept decoded, so an <img> that switches to one of them paints it at once. */
const KEPT_FRAMES = 4
const kept: HTMLImageElement[] = []

/** Returns the message of a failed /imagor/ response: its JSON message, else the status text. */
async function failureMessage(url: string): Promise<string> {
  try {
    const response = await fetch(url)
    if (response.ok) return `The preview ${url} could not be decoded`
    const body: unknown = await response.json().catch(() => null)
    if (typeof body === 'object' && body !== null) {
      const message = (body as { message?: unknown }).message
      if (typeof message === 'string' && message) return message
    }
    return `The preview failed with HTTP ${response.status} ${response.statusText}`.trim()
  } catch (err) {
    return `The preview could not be loaded: ${err instanceof Error ? err.message : String(err)}`
  }
}

/**
 * Loads and decodes the image at url and returns its size in pixels; rejects with the engine's
 * message when it fails.
 */
export async function decodeFrame(url: string): Promise<{ width: number; height: number }> {
  const image = new Image()
  image.decoding = 'async'
  image.src = url
  try {
    await image.decode()
  } catch {
    throw new Error(await failureMessage(url))
  }
  kept.push(image)
  if (kept.length > KEPT_FRAMES) kept.shift()
  return { width: image.naturalWidth, height: image.naturalHeight }
}
