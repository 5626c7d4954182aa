import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'

import { openApp, openLibrary, outDir } from './browser.mjs'
import { answerFileDialog, readClipboard, waitForWindow } from './desktop.mjs'

let app

before(async () => {
  app = await openApp()
})

after(async () => {
  await app?.close()
})

const pathText = (page) => page.locator('[data-testid="editor-path"]').innerText()

async function waitForPath(page, predicate, what) {
  const deadline = Date.now() + 15_000
  let last = ''
  while (Date.now() < deadline) {
    last = await pathText(page)
    if (predicate(last)) return last
    await sleep(100)
  }
  throw new Error(`editor path never ${what}; last: ${last}`)
}

async function previewLoaded(page) {
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="editor-preview"]')
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0
  })
}

test('editor crops, resizes and copies a URL of a real photo', async () => {
  const { page } = app
  await openLibrary(page, 'photos')
  // A 16:10 photo, so the 16:9 preset must really crop it.
  const tile = page.locator('[data-testid="tile"][data-name="Autumn.jpg"]')
  await tile.click()
  await page.keyboard.press('e')
  await page.locator('[data-testid="editor"]').waitFor()
  await previewLoaded(page)
  const start = await pathText(page)

  // Drag the bottom-right crop handle inwards; the path gains a crop.
  await page.locator('[data-testid="crop-toggle"]').click()
  const handle = page.locator('[data-testid="crop-handle-se"]')
  const box = await handle.boundingBox()
  assert.ok(box, 'crop handle not on screen')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.down()
  await page.mouse.move(box.x - 120, box.y - 90, { steps: 8 })
  await page.mouse.up()
  await page.keyboard.press('Enter')
  const cropped = await waitForPath(page, (p) => p !== start, 'changed after the crop drag')
  assert.match(cropped, /\d+x\d+:\d+x\d+|crop\(/, `no crop in ${cropped}`)

  // 16:9 gives exact integer sizes.
  await page.locator('[data-testid="crop-toggle"]').click()
  await page.locator('[data-testid="aspect-16-9"]').click()
  const width = Number(await page.locator('[data-testid="crop-width"]').inputValue())
  const height = Number(await page.locator('[data-testid="crop-height"]').inputValue())
  assert.ok(Number.isInteger(width), `crop width ${width} is not an integer`)
  assert.ok(Number.isInteger(height), `crop height ${height} is not an integer`)
  assert.equal(width * 9, height * 16, `crop ${width}x${height} is not 16:9`)
  await page.keyboard.press('Enter')
  const sixteenNine = await waitForPath(page, (p) => p !== cropped, 'changed after 16:9')
  assert.match(sixteenNine, /\d+x\d+:\d+x\d+|crop\(/, `no crop in ${sixteenNine}`)

  // WebP at quality 70: the path contains both and the preview frame is a WebP.
  await page.locator('[data-testid="format-select"]').selectOption('webp')
  await waitForPath(page, (p) => p.includes('format(webp)'), 'got format(webp)')
  await page.locator('[data-testid="quality-input"]').fill('70')
  await page.locator('[data-testid="quality-input"]').press('Tab')
  const webp = await waitForPath(page, (p) => p.includes('quality(70)'), 'got quality(70)')
  await previewLoaded(page)
  const preview = await page.locator('[data-testid="editor-preview"]').evaluate(async (img) => {
    const response = await fetch(img.currentSrc || img.src)
    return { type: response.headers.get('content-type'), width: img.naturalWidth, height: img.naturalHeight }
  })
  assert.equal(preview.type, 'image/webp')
  assert.ok(Math.abs(preview.width / preview.height - 16 / 9) < 0.02, `preview ${preview.width}x${preview.height} is not 16:9`)
  await page.screenshot({ path: join(outDir, 'editor.png') })

  // Two undos take back quality and format.
  await page.locator('[data-testid="undo"]').click()
  await page.locator('[data-testid="undo"]').click()
  const undone = await waitForPath(page, (p) => !p.includes('quality(70)') && !p.includes('format(webp)'), 'lost the last two edits')
  assert.notEqual(undone, webp)

  // Copying puts the exact path on the X clipboard.
  await page.locator('[data-testid="copy-path"]').click()
  await sleep(300)
  assert.equal(readClipboard().trim(), (await pathText(page)).trim())
})

test('export goes through the real GTK save dialog', async () => {
  const { page } = app
  await page.locator('[data-testid="format-select"]').selectOption('png')
  await waitForPath(page, (p) => p.includes('format(png)'), 'got format(png)')
  const dir = mkdtempSync(join(tmpdir(), 'studio-export-'))
  const target = join(dir, 'exported.png')
  await page.locator('[data-testid="export"]').click()
  const dialog = await waitForWindow('Export')
  await answerFileDialog(dialog, target)
  const deadline = Date.now() + 20_000
  while (!existsSync(target) && Date.now() < deadline) await sleep(200)
  assert.ok(existsSync(target), `nothing written at ${target}`)
  const [format, width, height] = execFileSync('identify', ['-format', '%m %w %h', target], { encoding: 'utf8' }).split(' ')
  assert.equal(format, 'PNG')
  assert.equal(Number(width) * 9, Number(height) * 16, `exported ${width}x${height} is not the 16:9 crop`)
})

test('no page errors in the editor', () => {
  assert.deepEqual(app.errors, [])
})
