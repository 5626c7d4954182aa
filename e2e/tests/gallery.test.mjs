import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { domNodes, openApp, openLibrary, outDir } from './browser.mjs'

const require = createRequire(import.meta.url)
let app

before(async () => {
  app = await openApp()
})

after(async () => {
  await app?.close()
})

test('photos folder fills with thumbnails', async () => {
  const { page } = app
  await openLibrary(page, 'photos')
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="tile"][data-state="loaded"]').length >= 12,
    null,
    { timeout: 60_000 },
  )
  const drawn = await page.$$eval('[data-testid="tile"] img', (imgs) =>
    imgs.filter((img) => img.complete && img.naturalWidth > 0).length,
  )
  assert.ok(drawn >= 12, `decoded thumbnails=${drawn}, want at least 12`)
  await page.screenshot({ path: join(outDir, 'gallery-photos.png') })
})

test('viewer opens a photo and moves to the next', async () => {
  const { page } = app
  const first = page.locator('[data-testid="tile"][data-kind="image"]').first()
  await first.dblclick()
  const image = page.locator('[data-testid="viewer-image"]')
  await image.waitFor()
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="viewer-image"]')
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0
  })
  const firstSrc = await image.getAttribute('src')
  const firstWidth = await image.evaluate((img) => img.naturalWidth)
  assert.ok(firstWidth > 256, `viewer image width=${firstWidth}, want more than a thumbnail`)

  await page.keyboard.press('ArrowRight')
  await page.waitForFunction(
    (src) => {
      const img = document.querySelector('[data-testid="viewer-image"]')
      return img instanceof HTMLImageElement && img.getAttribute('src') !== src && img.complete && img.naturalWidth > 0
    },
    firstSrc,
  )
  await page.screenshot({ path: join(outDir, 'viewer.png') })
  await page.keyboard.press('Escape')
  await page.locator('[data-testid="viewer"]').waitFor({ state: 'detached' })
})

test('broken files get error tiles that say why', async () => {
  const { page } = app
  await openLibrary(page, 'bad')
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="tile"][data-kind="image"][data-state="loading"]').length === 0 &&
      document.querySelectorAll('[data-testid="tile"][data-kind="image"]').length === 5,
    null,
    { timeout: 30_000 },
  )
  const states = await page.$$eval('[data-testid="tile"][data-kind="image"]', (tiles) =>
    Object.fromEntries(tiles.map((t) => [t.dataset.name, [t.dataset.state, t.textContent]])),
  )
  assert.equal(states['good.jpg'][0], 'loaded')
  assert.equal(states['empty.jpg'][0], 'error')
  assert.match(states['empty.jpg'][1], /zero bytes/i)
  assert.equal(states['random-bytes.jpg'][0], 'error')
  assert.match(states['random-bytes.jpg'][1], /not an image/i)
  assert.equal(states['text.png'][0], 'error')
  assert.equal(states['truncated.jpg'][0], 'error')
  assert.match(states['truncated.jpg'][1], /truncated/i)
  await page.screenshot({ path: join(outDir, 'gallery-bad.png') })
})

test('every odd file name shows its own image', async () => {
  const { page } = app
  await openLibrary(page, 'names')
  await page.waitForFunction(
    () =>
      document.querySelectorAll('[data-testid="tile"][data-kind="image"]').length >= 17 &&
      document.querySelectorAll('[data-testid="tile"][data-kind="image"][data-state="loading"]').length === 0,
    null,
    { timeout: 30_000 },
  )
  const failed = await page.$$eval('[data-testid="tile"][data-kind="image"]:not([data-state="loaded"])', (tiles) =>
    tiles.map((t) => `${t.dataset.name}: ${t.textContent}`),
  )
  assert.deepEqual(failed, [])
  const markup = await page.$$eval('b, i', (els) => els.filter((el) => el.textContent === 'bold').length)
  assert.equal(markup, 0, 'a file name was rendered as markup')
  const names = await page.$$eval('[data-testid="tile"]', (tiles) => tiles.map((t) => t.dataset.name))
  for (const want of ['a+b.jpg', '100%.jpg', '%2B.jpg', '<b>bold<i>.jpg', 'Привет.jpg', ' leading space.jpg', 'fit-in']) {
    assert.ok(names.includes(want), `tile for ${JSON.stringify(want)} missing in ${JSON.stringify(names)}`)
  }
})

test('10,000 images scroll with few DOM nodes', async () => {
  const { page } = app
  await openLibrary(page, 'many')
  const grid = page.locator('[data-testid="gallery-grid"]')
  const counts = {}
  for (const at of ['top', 'middle', 'end']) {
    await grid.evaluate((el, where) => {
      const max = el.scrollHeight - el.clientHeight
      el.scrollTop = where === 'top' ? 0 : where === 'middle' ? max / 2 : max
    }, at)
    await page.waitForTimeout(400)
    await page.waitForSelector('[data-testid="tile"]')
    counts[at] = await domNodes(page)
  }
  const lastName = await page.$$eval('[data-testid="tile"]', (tiles) => tiles.map((t) => t.dataset.name))
  for (const [at, n] of Object.entries(counts)) {
    assert.ok(n < 500, `DOM nodes at the ${at}=${n}, want fewer than 500`)
  }
  assert.ok(lastName.includes('IMG_10000.jpg'), 'the last image is not shown at the end of the grid')
  console.log(`dom nodes: ${JSON.stringify(counts)}`)
})

test('killing the engine mid-scroll costs a few tiles, not the app', async () => {
  const { page } = app
  const before = await page.evaluate(() => window.go.app.Gallery.EngineInfo())
  assert.ok(before.pid > 0)
  const grid = page.locator('[data-testid="gallery-grid"]')
  await grid.evaluate((el) => {
    el.scrollTop = el.scrollHeight / 4
  })
  process.kill(before.pid, 'SIGKILL')
  for (const fraction of [0.3, 0.35, 0.4]) {
    await grid.evaluate((el, f) => {
      el.scrollTop = el.scrollHeight * f
    }, fraction)
    await page.waitForTimeout(300)
  }
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="tile"][data-state="loaded"]').length >= 10,
    null,
    { timeout: 30_000 },
  )
  const afterInfo = await page.evaluate(() => window.go.app.Gallery.EngineInfo())
  assert.notEqual(afterInfo.pid, before.pid, 'engine pid unchanged after SIGKILL')
})

test('no serious accessibility violations', async () => {
  const { page } = app
  await openLibrary(page, 'photos')
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') })
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  })
  assert.deepEqual(violations, [])
})

test('no page errors', () => {
  assert.deepEqual(app.errors, [])
})
