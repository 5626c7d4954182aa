// The sharp peer of the benchmark harness. It reads one request per line on standard input,
// "ID\tWIDTH\tHEIGHT\tQUALITY\tANIMATED\tPATH", renders a fit-inside WebP in memory and writes
// "ID\tBYTES\t" (or "ID\t0\tMESSAGE" on failure). Requests run as they arrive; the harness
// bounds how many are in flight. ANIMATED 1 keeps every frame, as imagor does for a GIF.
import { createInterface } from 'node:readline'

import sharp from 'sharp'

// No operation cache, so every request decodes its file, as in the other peers.
sharp.cache(false)

const render = async (width, height, quality, animated, path) => {
  const output = await sharp(path, { animated, limitInputPixels: false })
    .autoOrient()
    .resize(width, height, { fit: 'inside', withoutEnlargement: true })
    .keepMetadata()
    .webp({ quality })
    .toBuffer()
  return output.length
}

const reply = (line) => {
  process.stdout.write(line + '\n')
}

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const [id, width, height, quality, animated, path] = line.split('\t')
  render(Number(width), Number(height), Number(quality), animated === '1', path).then(
    (bytes) => reply(`${id}\t${bytes}\t`),
    (err) => reply(`${id}\t0\t${String(err.message).replace(/\s+/g, ' ')}`),
  )
})
