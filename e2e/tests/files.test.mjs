// File operations in the gallery, on a library in the test's own temporary folder. The steps are
// an OS drop that imports two files with a name clash, a rename, a pointer drag onto a folder
// tile, a tree node and a breadcrumb, undo of a move, a new folder, copy and paste, Move to…,
// a bulk move to the trash with the progress bar, and undo of that delete.
import assert from 'node:assert/strict'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { after, before, test } from 'node:test'

import { openApp, outDir } from './browser.mjs'

const fixtures = process.env.FIXTURES ?? '../build/testdata/e2e'
const BULK = 700
let app
let lib
let outside

function tile(page, name) {
  return page.locator(`[data-testid="tile"][data-name="${name}"]`)
}

async function center(locator) {
  const box = await locator.boundingBox()
  assert.ok(box, 'element has no box')
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

// drag presses on from and releases over to, moving the pointer in steps as a hand does.
async function drag(page, from, to) {
  const a = await center(from)
  const b = await center(to)
  await page.mouse.move(a.x, a.y)
  await page.mouse.down()
  await page.mouse.move(a.x + 10, a.y + 10, { steps: 3 })
  await page.mouse.move(b.x, b.y, { steps: 12 })
  await page.mouse.up()
}

before(async () => {
  lib = mkdtempSync(join(tmpdir(), 'imagor-files-'))
  outside = mkdtempSync(join(tmpdir(), 'imagor-files-src-'))
  const photos = join(fixtures, 'photos')
  const jpgs = readdirSync(photos)
    .filter((n) => n.endsWith('.jpg'))
    .slice(0, 3)
  jpgs.forEach((n, i) => copyFileSync(join(photos, n), join(lib, `photo ${i + 1}.jpg`)))
  mkdirSync(join(lib, 'Album'))
  mkdirSync(join(lib, 'bulk'))
  for (let i = 0; i < BULK; i++) writeFileSync(join(lib, 'bulk', `note ${i}.txt`), `note ${i}\n`)
  copyFileSync(join(photos, jpgs[1]), join(outside, 'photo 1.jpg'))
  copyFileSync(join(photos, jpgs[2]), join(outside, 'new photo.jpg'))

  app = await openApp()
  const added = await app.page.evaluate((dir) => window.go.app.Gallery.AddLibrary(dir), lib)
  await app.page.reload()
  await app.page.locator('[data-testid="library-item"]', { hasText: added.name }).first().click()
  await tile(app.page, 'photo 1.jpg').waitFor()
})

after(async () => {
  await app?.close()
  rmSync(lib, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

test('a drop onto the folder imports, asking about the clash', async () => {
  const { page } = app
  const box = await page.locator('section[aria-label="Gallery"]').boundingBox()
  const x = Math.round(box.x + box.width - 30)
  const y = Math.round(box.y + box.height - 30)
  const sources = [join(outside, 'photo 1.jpg'), join(outside, 'new photo.jpg')]
  // The Wails runtime reports an OS drop as this event, with the drop point and the paths.
  await page.evaluate(
    ([px, py, paths]) => window.runtime.EventsEmit('wails:file-drop', px, py, paths),
    [x, y, sources],
  )
  const dialog = page.locator('[data-testid="clash-dialog"]')
  await dialog.waitFor()
  assert.match(await dialog.innerText(), /“photo 1\.jpg” already exists/)
  await page.screenshot({ path: join(outDir, 'files-clash.png') })
  await dialog.getByRole('button', { name: 'Keep both' }).click()
  await tile(page, 'photo 1 (1).jpg').waitFor()
  await tile(page, 'new photo.jpg').waitFor()
  assert.ok(
    existsSync(join(lib, 'photo 1 (1).jpg')),
    'the clashing file was not kept beside the old one',
  )
  assert.ok(existsSync(join(lib, 'new photo.jpg')), 'the second file was not imported')
  assert.ok(existsSync(join(outside, 'photo 1.jpg')), 'an import source was removed')
})

test('rename selects the stem and keeps the extension', async () => {
  const { page } = app
  await tile(page, 'new photo.jpg').click()
  await page.keyboard.press('F2')
  const field = page.locator('[data-testid="rename-field"]')
  await field.waitFor()
  const selected = await field.evaluate((input) =>
    input.value.slice(input.selectionStart, input.selectionEnd),
  )
  assert.equal(selected, 'new photo')
  await page.keyboard.type('renamed')
  await page.screenshot({ path: join(outDir, 'files-rename.png') })
  await page.keyboard.press('Enter')
  await tile(page, 'renamed.jpg').waitFor()
  assert.ok(existsSync(join(lib, 'renamed.jpg')), 'renamed.jpg is not on disk')
  assert.ok(!existsSync(join(lib, 'new photo.jpg')), 'the old name is still on disk')
})

test('a pointer drag onto a folder tile moves the file', async () => {
  const { page } = app
  const from = await center(tile(page, 'renamed.jpg'))
  const to = await center(tile(page, 'Album'))
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 20, from.y + 10, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 12 })
  await page.locator('[data-testid="drag-ghost"]').waitFor()
  await page.screenshot({ path: join(outDir, 'files-drag.png') })
  await page.mouse.up()
  await tile(page, 'renamed.jpg').waitFor({ state: 'detached' })
  assert.ok(existsSync(join(lib, 'Album', 'renamed.jpg')), 'Album/renamed.jpg is not on disk')
})

test('Ctrl+Z undoes a move', async () => {
  const { page } = app
  const from = await center(tile(page, 'photo 3.jpg'))
  const to = await center(tile(page, 'Album'))
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(to.x, to.y, { steps: 12 })
  await page.mouse.up()
  await tile(page, 'photo 3.jpg').waitFor({ state: 'detached' })
  assert.ok(existsSync(join(lib, 'Album', 'photo 3.jpg')), 'Album/photo 3.jpg is not on disk')
  await page.keyboard.press('Control+z')
  await tile(page, 'photo 3.jpg').waitFor()
  assert.ok(existsSync(join(lib, 'photo 3.jpg')), 'undo did not move photo 3.jpg back')
  assert.ok(!existsSync(join(lib, 'Album', 'photo 3.jpg')), 'photo 3.jpg is still in Album')
})

test('the background menu makes a folder and names it', async () => {
  const { page } = app
  const box = await page.locator('section[aria-label="Gallery"]').boundingBox()
  await page.mouse.click(box.x + box.width - 40, box.y + box.height - 40, { button: 'right' })
  const menu = page.getByRole('menu', { name: 'File actions' })
  await menu.waitFor()
  await page.screenshot({ path: join(outDir, 'files-menu.png') })
  await menu.getByRole('menuitem', { name: /New folder/ }).click()
  const field = page.locator('[data-testid="rename-field"]')
  await field.waitFor()
  assert.equal(await field.inputValue(), 'New folder')
  await page.keyboard.type('Trip')
  await page.keyboard.press('Enter')
  await tile(page, 'Trip').waitFor()
  assert.ok(existsSync(join(lib, 'Trip')), 'the folder Trip is not on disk')
})

test('copy and paste put a copy into another folder', async () => {
  const { page } = app
  await tile(page, 'photo 2.jpg').click()
  await page.keyboard.press('Control+Shift+C')
  await tile(page, 'Trip').dblclick()
  await page.locator('[data-testid="folder-background"]').waitFor()
  await page.keyboard.press('Control+Shift+V')
  await tile(page, 'photo 2.jpg').waitFor()
  assert.ok(existsSync(join(lib, 'Trip', 'photo 2.jpg')), 'Trip/photo 2.jpg is not on disk')
  assert.ok(existsSync(join(lib, 'photo 2.jpg')), 'the original of the copy is gone')
  await page.screenshot({ path: join(outDir, 'files-pasted.png') })
  await page.keyboard.press('Backspace')
  await tile(page, 'bulk').waitFor()
})

test('drags onto a tree node and a breadcrumb move files', async () => {
  const { page } = app
  const treeTrip = page.locator('[data-testid="folder-tree"] [role="treeitem"][data-path="Trip"]')
  await drag(page, tile(page, 'photo 1 (1).jpg'), treeTrip)
  await tile(page, 'photo 1 (1).jpg').waitFor({ state: 'detached' })
  assert.ok(
    existsSync(join(lib, 'Trip', 'photo 1 (1).jpg')),
    'the drop onto the tree node did not move',
  )

  await tile(page, 'Trip').dblclick()
  await tile(page, 'photo 1 (1).jpg').waitFor()
  const root = page.locator('[data-testid="breadcrumbs"] li').first()
  await drag(page, tile(page, 'photo 1 (1).jpg'), root)
  await tile(page, 'photo 1 (1).jpg').waitFor({ state: 'detached' })
  assert.ok(existsSync(join(lib, 'photo 1 (1).jpg')), 'the drop onto the breadcrumb did not move')
  await page.keyboard.press('Backspace')
  await tile(page, 'bulk').waitFor()
})

test('Move to… picks the folder in a dialog', async () => {
  const { page } = app
  await tile(page, 'photo 1 (1).jpg').click({ button: 'right' })
  await page
    .getByRole('menu', { name: 'File actions' })
    .getByRole('menuitem', { name: 'Move to…' })
    .click()
  const picker = page.locator('[data-testid="folder-picker"]')
  await picker.waitFor()
  await picker.locator('[role="option"][data-path="Album"]').click()
  await page.screenshot({ path: join(outDir, 'files-picker.png') })
  await picker.getByRole('button', { name: 'Move here' }).click()
  await tile(page, 'photo 1 (1).jpg').waitFor({ state: 'detached' })
  assert.ok(
    existsSync(join(lib, 'Album', 'photo 1 (1).jpg')),
    'Album/photo 1 (1).jpg is not on disk',
  )
})

test('a bulk delete shows progress, and undo brings the files back', async () => {
  const { page } = app
  await tile(page, 'bulk').dblclick()
  await tile(page, 'note 0.txt').waitFor()
  await tile(page, 'note 0.txt').click()
  await page.keyboard.press('Control+a')
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid="tile"][data-selected]').length >= Math.min(n, 20),
    BULK,
  )
  await page.keyboard.press('Delete')
  const bar = page.locator('[data-testid="file-progress"]')
  await bar.waitFor()
  await page.screenshot({ path: join(outDir, 'files-progress.png') })
  const toast = page.locator('[data-testid="undo-toast"]')
  await toast.waitFor()
  assert.match(await toast.innerText(), new RegExp(`Moved ${BULK} items to the trash`))
  assert.equal(readdirSync(join(lib, 'bulk')).length, 0, 'files are left in the folder')
  // e2e/run.sh gives the app and the tests a trash of their own through XDG_DATA_HOME.
  assert.ok(process.env.XDG_DATA_HOME, 'XDG_DATA_HOME is unset: run the tests through e2e/run.sh')
  const trash = join(process.env.XDG_DATA_HOME, 'Trash')
  const infos = readdirSync(join(trash, 'info')).filter((n) => n.startsWith('note '))
  assert.ok(infos.length >= BULK, `trash has ${infos.length} note .trashinfo files, want ${BULK}`)
  await page.screenshot({ path: join(outDir, 'files-deleted.png') })

  await toast.getByRole('button', { name: 'Undo' }).click()
  await tile(page, 'note 0.txt').waitFor()
  const back = readdirSync(join(lib, 'bulk')).map((n) => basename(n))
  assert.equal(back.length, BULK, `undo put back ${back.length} files, want ${BULK}`)
  await page.screenshot({ path: join(outDir, 'files-undone.png') })
})

test('no page errors', () => {
  assert.deepEqual(app.errors, [])
})
