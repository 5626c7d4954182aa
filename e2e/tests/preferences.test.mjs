import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'

import { openApp, openLibrary } from './browser.mjs'

let app

before(async () => {
  app = await openApp()
})

after(async () => {
  await app?.close()
})

// The run script restarts the app after this file; after-restart/ checks what it set.
test('sort order is set before the restart', async () => {
  const { page } = app
  await openLibrary(page, 'photos')
  await page.locator('[data-testid="sort-select"]').selectOption('size')
  assert.equal(await page.locator('[data-testid="sort-select"]').inputValue(), 'size')
  // Preferences are written debounced; give the write time to land before the restart.
  await sleep(2000)
})
