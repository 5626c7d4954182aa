// Videos and camera RAW files in the gallery and the viewer, on a temp folder of their own that
// the test adds as a library through the bound AddLibrary and removes at the end.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { request } from 'node:http'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { after, before, test } from 'node:test'

import { openApp, openLibrary, outDir } from './browser.mjs'

let app
let dir
let library

function ffmpeg(...args) {
  execFileSync('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args])
}

// rawFile returns a CR2-like TIFF: IFD0 with orientation 6 (turn 90° clockwise) and the JPEG
// preview as JPEGInterchangeFormat, the layout camera RAW files use for their previews.
function rawFile(jpeg) {
  const entries = [
    [0x0112, 3, 1, 6], // Orientation, SHORT
    [0x0201, 4, 1, 8 + 2 + 3 * 12 + 4], // JPEGInterchangeFormat, LONG: offset of the JPEG
    [0x0202, 4, 1, jpeg.length], // JPEGInterchangeFormatLength
  ]
  const head = Buffer.alloc(8 + 2 + entries.length * 12 + 4)
  head.write('II', 0, 'latin1')
  head.writeUInt16LE(42, 2)
  head.writeUInt32LE(8, 4)
  head.writeUInt16LE(entries.length, 8)
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12
    head.writeUInt16LE(tag, at)
    head.writeUInt16LE(type, at + 2)
    head.writeUInt32LE(count, at + 4)
    if (type === 3) head.writeUInt16LE(value, at + 8)
    else head.writeUInt32LE(value, at + 8)
  })
  return Buffer.concat([head, jpeg])
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'media-e2e-'))
  ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25:duration=4', '-c:v', 'libvpx', '-b:v', '300k', join(dir, 'clip.webm'))
  ffmpeg('-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=2', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', join(dir, 'phone clip.mp4'))
  ffmpeg('-f', 'lavfi', '-i', 'smptebars=size=480x320', '-frames:v', '1', join(dir, 'preview.jpg'))
  writeFileSync(join(dir, 'IMG_0001.CR2'), rawFile(readFileSync(join(dir, 'preview.jpg'))))
  rmSync(join(dir, 'preview.jpg'))
  writeFileSync(join(dir, 'NOPREVIEW.NEF'), rawFile(Buffer.from([0xff, 0xd8, 0xff, 0xc3, 0, 11, 8, 0, 16, 0, 16, 1, 1, 0x11, 0, 0xff, 0xd9])))

  app = await openApp()
  library = await app.page.evaluate((path) => window.go.app.Gallery.AddLibrary(path), dir)
  await app.page.reload()
})

after(async () => {
  if (library) await app?.page.evaluate((id) => window.go.app.Gallery.RemoveLibrary(id), library.id)
  await app?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('video and RAW tiles show their pictures and badges', async () => {
  const { page } = app
  await openLibrary(page, basename(dir))
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="tile"][data-state="loaded"] img').length >= 3,
    null,
    { timeout: 60_000 },
  )
  const tiles = await page.$$eval('[data-testid="tile"]', (all) =>
    Object.fromEntries(
      all.map((t) => {
        const img = t.querySelector('img')
        return [
          t.dataset.name,
          {
            kind: t.dataset.kind,
            state: t.dataset.state,
            badge: t.querySelector('[data-testid="tile-badge"]')?.dataset.badge ?? '',
            badgeText: t.querySelector('[data-testid="tile-badge"]')?.textContent ?? '',
            width: img?.naturalWidth ?? 0,
            height: img?.naturalHeight ?? 0,
            text: t.textContent,
          },
        ]
      }),
    ),
  )
  for (const name of ['clip.webm', 'phone clip.mp4']) {
    assert.equal(tiles[name].kind, 'video', `${name} kind`)
    assert.equal(tiles[name].state, 'loaded', `${name} state`)
    assert.equal(tiles[name].badge, 'video', `${name} badge`)
    assert.ok(tiles[name].width > tiles[name].height, `${name} frame ${tiles[name].width}x${tiles[name].height}, want landscape`)
  }
  // The badges show the lengths read from the container headers.
  assert.equal(tiles['clip.webm'].badgeText, '0:04')
  assert.equal(tiles['phone clip.mp4'].badgeText, '0:02')
  const raw = tiles['IMG_0001.CR2']
  assert.equal(raw.kind, 'image')
  assert.equal(raw.state, 'loaded')
  assert.equal(raw.badge, 'raw')
  // The RAW file's orientation 6 turns the 480x320 preview upright.
  assert.ok(raw.height > raw.width, `RAW thumbnail ${raw.width}x${raw.height}, want portrait`)

  await page.waitForFunction(
    () => document.querySelector('[data-testid="tile"][data-name="NOPREVIEW.NEF"]')?.dataset.state === 'error',
    null,
    { timeout: 30_000 },
  )
  const noPreview = await page.locator('[data-testid="tile"][data-name="NOPREVIEW.NEF"]').textContent()
  assert.match(noPreview, /No embedded preview in NOPREVIEW\.NEF/)
  await page.screenshot({ path: join(outDir, 'media-gallery.png') })
})

test('viewer plays a video from the loopback server', async () => {
  const { page } = app
  await page.locator('[data-testid="tile"][data-name="clip.webm"]').dblclick()
  const video = page.locator('[data-testid="viewer-video"]')
  await video.waitFor()
  const src = await video.getAttribute('src')
  assert.match(src, /^http:\/\/127\.0\.0\.1:\d+\/[\w-]+\/[0-9a-f]+\/clip\.webm$/)
  assert.equal(await video.evaluate((v) => v.controls), true)

  await video.evaluate((v) => {
    v.muted = true
    return v.play()
  })
  await page.waitForFunction(
    () => {
      const v = document.querySelector('[data-testid="viewer-video"]')
      return v instanceof HTMLVideoElement && v.currentTime > 1
    },
    null,
    { timeout: 30_000 },
  )
  const duration = await video.evaluate((v) => v.duration)
  assert.ok(Math.abs(duration - 4) < 0.2, `duration=${duration}, want about 4 s`)
  await page.screenshot({ path: join(outDir, 'media-viewer-video.png') })

  // A seek far into the clip is a Range request the server must serve.
  await video.evaluate((v) => {
    v.currentTime = 3.5
  })
  await page.waitForFunction(() => document.querySelector('[data-testid="viewer-video"]').currentTime >= 3.5)
  await page.keyboard.press('Escape')
  await page.locator('[data-testid="viewer"]').waitFor({ state: 'detached' })
})

test('viewer notes that a RAW file shows its camera preview', async () => {
  const { page } = app
  await page.locator('[data-testid="tile"][data-name="IMG_0001.CR2"]').dblclick()
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="viewer-image"]')
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0
  })
  const size = await page.locator('[data-testid="viewer-image"]').evaluate((img) => [img.naturalWidth, img.naturalHeight])
  assert.deepEqual(size, [320, 480], 'the preview turned upright')
  assert.match(await page.locator('[data-testid="viewer-raw-note"]').textContent(), /Embedded camera preview; the RAW data is not decoded/)
  await page.screenshot({ path: join(outDir, 'media-viewer-raw.png') })
  await page.keyboard.press('Escape')
  await page.locator('[data-testid="viewer"]').waitFor({ state: 'detached' })
})

test('editor opens a RAW file on its embedded preview', async () => {
  const { page } = app
  await page.locator('[data-testid="tile"][data-name="IMG_0001.CR2"]').click()
  await page.keyboard.press('e')
  await page.locator('[data-testid="editor"]').waitFor()
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="editor-preview"]')
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0
  })
  const [width, height] = await page
    .locator('[data-testid="editor-preview"]')
    .evaluate((img) => [img.naturalWidth, img.naturalHeight])
  assert.ok(height > width, `editor preview ${width}x${height}, want the upright portrait`)
  assert.match(await page.locator('[data-testid="editor-raw-preview"]').textContent(), /embedded camera preview/)
  await page.screenshot({ path: join(outDir, 'media-editor-raw.png') })
  await page.locator('[data-testid="editor-close"]').click()
  await page.locator('[data-testid="editor"]').waitFor({ state: 'detached' })
})

test('the media server rejects a wrong token and a foreign host', async () => {
  const { page } = app
  const url = await page.evaluate((id) => window.go.app.Media.VideoURL(id, 'clip.webm'), library.id)
  const good = await fetch(url, { headers: { Range: 'bytes=0-99' } })
  assert.equal(good.status, 206)
  assert.equal((await good.arrayBuffer()).byteLength, 100)
  const token = new URL(url).pathname.split('/')[1]
  const wrong = await fetch(url.replace(token, 'x'.repeat(token.length)))
  assert.equal(wrong.status, 404)

  // A page that rebinds its own DNS name to 127.0.0.1 sends that name as Host.
  const foreign = await new Promise((resolve, reject) => {
    const u = new URL(url)
    request({ host: '127.0.0.1', port: u.port, path: u.pathname, headers: { Host: 'rebound.example' } }, (res) => {
      res.resume()
      resolve(res.statusCode)
    })
      .on('error', reject)
      .end()
  })
  assert.equal(foreign, 403)
  assert.equal(app.errors.length, 0, `page errors: ${app.errors.join('\n')}`)
})
