import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import { openApp, outDir } from './browser.mjs'

let app

before(async () => {
  app = await openApp()
})

after(async () => {
  await app?.close()
})

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function graphql(url, token, query, variables = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: 'Bearer ' + token,
    },
    body: JSON.stringify({ query, variables }),
  })
  return { status: response.status, body: await response.json() }
}

test('API section switch, token and rotation', async () => {
  const { page, errors } = app
  await page.locator('[data-testid="settings-open"]').click()
  await page.locator('[data-testid="settings-nav-api"]').click()
  const toggle = page.locator('[data-testid="api-enabled"]')
  await toggle.waitFor()
  assert.equal(await toggle.isChecked(), false, 'the API is off by default')

  const port = await freePort()
  await page.locator('[data-testid="api-port"]').fill(String(port))
  await page.locator('[data-testid="api-port-save"]').click()
  await page.locator('[data-testid="api-port-save"]:disabled').waitFor()
  // The switch is controlled: it shows the state Go reports, once the call returns.
  await toggle.click()
  const url = `http://127.0.0.1:${port}/graphql`
  await page.locator('[data-testid="api-state"]', { hasText: 'Running at ' + url }).waitFor()
  assert.equal(await page.locator('[data-testid="api-url"]').inputValue(), url)

  await page.getByRole('button', { name: 'Show' }).click()
  const token = await page.locator('[data-testid="api-token"]').inputValue()
  assert.match(token, /^[0-9a-f]{64}$/)
  await page.screenshot({ path: `${outDir}/settings-api.png` })

  // A real script's view: the libraries of the running app, and a signed thumbnail.
  const { status, body } = await graphql(url, token, '{ libraries { id name } }')
  assert.equal(status, 200)
  const photos = body.data.libraries.find((l) => l.name === 'photos')
  assert.ok(photos, 'the photos library is listed')
  const page1 = await graphql(
    url,
    token,
    'query($l: ID!) { folder(library: $l, path: "", first: 3) { entries { kind thumbnailUrl } } }',
    { l: photos.id },
  )
  const thumb = page1.body.data.folder.entries.find((e) => e.kind === 'image').thumbnailUrl
  const image = await fetch(thumb)
  assert.equal(image.status, 200)
  assert.equal(image.headers.get('content-type'), 'image/webp')

  // A library added through the API shows in the sidebar without a reload, and leaves it again.
  await page.locator('[data-testid="settings-close"]').click()
  const dir = await mkdtemp(join(tmpdir(), 'api-library-'))
  try {
    const added = await graphql(
      url,
      token,
      'mutation($p: String!) { addLibrary(path: $p) { id name } }',
      {
        p: dir,
      },
    )
    assert.equal(added.status, 200)
    const { id, name } = added.body.data.addLibrary
    const item = page.locator('[data-testid="library-item"]', {
      hasText: name,
    })
    await item.waitFor()
    await graphql(url, token, 'mutation($id: ID!) { removeLibrary(id: $id) }', {
      id,
    })
    await item.waitFor({ state: 'detached' })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  await page.locator('[data-testid="settings-open"]').click()
  await page.locator('[data-testid="settings-nav-api"]').click()

  await page.locator('[data-testid="api-rotate"]').click()
  await page.getByText('The old token no longer works').waitFor()
  assert.equal((await graphql(url, token, '{ libraries { id } }')).status, 401)
  const rotated = await page.locator('[data-testid="api-token"]').inputValue()
  assert.notEqual(rotated, token)
  assert.equal((await graphql(url, rotated, '{ libraries { id } }')).status, 200)

  await toggle.click()
  await page.locator('[data-testid="api-state"]', { hasText: 'Off.' }).waitFor()
  await assert.rejects(fetch(url), 'the server is stopped')
  assert.deepEqual(errors, [])
})
