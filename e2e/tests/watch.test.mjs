// Live folders: files that another process adds, renames, rewrites and deletes in the open folder
// show up in the grid without a reload, and a folder deleted while shown gets its empty state.
// The test works on its own temporary folder, opened as a library through the bound AddLibrary.
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { after, before, test } from 'node:test'

import { openApp, outDir } from './browser.mjs'

const photos = join(process.env.FIXTURES ?? '../build/testdata/e2e', 'photos')
let app
let dir
let library

// tileNames returns the names of the tiles in the grid.
function tileNames(page) {
  return page.$$eval('[data-testid="tile"]', (tiles) => tiles.map((t) => t.dataset.name))
}

// waitForTiles waits until the grid shows every name in present and none in absent, and returns
// how long that took.
async function waitForTiles(page, present, absent = []) {
  const start = Date.now()
  await page.waitForFunction(
    ([want, gone]) => {
      const names = new Set([...document.querySelectorAll('[data-testid="tile"]')].map((t) => t.dataset.name))
      return want.every((n) => names.has(n)) && gone.every((n) => !names.has(n))
    },
    [present, absent],
    { timeout: 15_000 },
  )
  return Date.now() - start
}

before(async () => {
  app = await openApp()
  dir = mkdtempSync(join(tmpdir(), 'imagor-watch-'))
  mkdirSync(join(dir, 'album'))
  const jpgs = readdirSync(photos).filter((n) => /\.jpg$/i.test(n))
  copyFileSync(join(photos, jpgs[0]), join(dir, 'album', 'seed.jpg'))
  library = await app.page.evaluate((path) => window.go.app.Gallery.AddLibrary(path), dir)
  // The sidebar lists libraries added through the window; one added behind its back shows after
  // a reload. Everything after this runs without one.
  await app.page.reload()
  await app.page.locator('[data-testid="library-item"]', { hasText: basename(dir) }).first().click()
  await app.page.waitForSelector('[data-testid="tile"][data-name="album"]')
  await app.page.evaluate(() => {
    window.notReloaded = true
  })
})

after(async () => {
  if (library) await app?.page.evaluate((id) => window.go.app.Gallery.RemoveLibrary(id), library.id).catch(() => {})
  await app?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test('images another process adds appear without a reload', async () => {
  const { page, errors } = app
  const jpgs = readdirSync(photos).filter((n) => /\.jpg$/i.test(n))
  const added = ['new-1.jpg', 'new-2.jpg', 'new-3.jpg']
  added.forEach((name, i) => copyFileSync(join(photos, jpgs[i + 1]), join(dir, name)))
  const latency = await waitForTiles(page, added)
  console.log(`three copied images shown ${latency} ms after the copy`)

  await page.waitForFunction(
    (names) => names.every((n) => document.querySelector(`[data-testid="tile"][data-name="${n}"][data-state="loaded"]`)),
    added,
    { timeout: 30_000 },
  )
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page reloaded')
  const names = await tileNames(page)
  assert.equal(names[0], 'album', `folders first: ${names}`)
  assert.deepEqual(names.slice(1).sort(), added)
  await page.screenshot({ path: join(outDir, 'watch-added.png') })
  assert.deepEqual(errors, [])
})

test('a rename, a rewrite and a delete show up in place', async () => {
  const { page } = app
  const thumbnail = (name) =>
    page.$eval(`[data-testid="tile"][data-name="${name}"] img`, (img) => img.getAttribute('src'))
  const before = await thumbnail('new-3.jpg')

  renameSync(join(dir, 'new-1.jpg'), join(dir, 'renamed.jpg'))
  rmSync(join(dir, 'new-2.jpg'))
  // An editor's save: a temporary file renamed over the original.
  const pngs = readdirSync(photos).filter((n) => /\.png$/i.test(n))
  copyFileSync(join(photos, pngs[0]), join(dir, 'new-3.jpg.part'))
  renameSync(join(dir, 'new-3.jpg.part'), join(dir, 'new-3.jpg'))

  await waitForTiles(page, ['renamed.jpg', 'new-3.jpg'], ['new-1.jpg', 'new-2.jpg', 'new-3.jpg.part'])
  await page.waitForFunction(
    (old) => {
      const img = document.querySelector('[data-testid="tile"][data-name="new-3.jpg"] img')
      return img && img.getAttribute('src') !== old
    },
    before,
    { timeout: 15_000 },
  )
  const names = await tileNames(page)
  assert.equal(names.filter((n) => n === 'renamed.jpg').length, 1, `renamed.jpg shown once: ${names}`)
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page reloaded')
  await page.waitForSelector('[data-testid="tile"][data-name="new-3.jpg"][data-state="loaded"]', { timeout: 30_000 })
  await page.screenshot({ path: join(outDir, 'watch-changed.png') })
})

test('deleting the open folder shows its empty state and a way back', async () => {
  const { page, errors } = app
  await page.locator('[data-testid="tile"][data-name="album"]').dblclick()
  await page.waitForSelector('[data-testid="tile"][data-name="seed.jpg"]')

  rmSync(join(dir, 'album'), { recursive: true })
  const gone = page.locator('[data-testid="folder-gone"]')
  await gone.waitFor({ timeout: 15_000 })
  assert.match(await gone.textContent(), /This folder was deleted or its disk was removed/)
  await page.screenshot({ path: join(outDir, 'watch-deleted.png') })

  // The empty state stays put: no error, no listing loop.
  await page.waitForTimeout(1500)
  assert.equal(await gone.count(), 1)
  assert.equal(await page.locator('[data-testid="folder-error"]').count(), 0)

  await page.locator('[data-testid="folder-back"]').click()
  await waitForTiles(page, ['renamed.jpg'], ['album'])
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page reloaded')
  assert.deepEqual(errors, [])
})

test('a library folder that disappears comes back by itself', async () => {
  const { page } = app
  const moved = `${dir}-away`
  renameSync(dir, moved)
  const gone = page.locator('[data-testid="folder-gone"]')
  await gone.waitFor({ timeout: 15_000 })
  assert.equal(await page.locator('[data-testid="folder-back"]').count(), 0, 'a way back above the library root')

  renameSync(moved, dir)
  await waitForTiles(page, ['renamed.jpg', 'new-3.jpg'])
  await page.screenshot({ path: join(outDir, 'watch-back.png') })
})
