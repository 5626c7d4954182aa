import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'

import { openApp } from '../tests/browser.mjs'

let app

before(async () => {
  app = await openApp()
})

after(async () => {
  await app?.close()
})

// The app was restarted with the same data folder and no folder on its command line.
test('libraries and sort order survive a restart', async () => {
  const { page } = app
  await page.waitForSelector('[data-testid="library-item"]')
  const names = await page.$$eval('[data-testid="library-item"]', (items) => items.map((i) => i.textContent?.trim()))
  for (const want of ['photos', 'bad', 'names', 'many']) {
    assert.ok(names.some((n) => n?.startsWith(want)), `library ${want} missing after restart: ${JSON.stringify(names)}`)
  }
  await page.locator('[data-testid="library-item"]', { hasText: 'photos' }).first().click()
  await page.waitForSelector('[data-testid="tile"]')
  assert.equal(await page.locator('[data-testid="sort-select"]').inputValue(), 'size')
})
