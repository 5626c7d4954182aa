// Starts Debian's Chromium through playwright-core for the end-to-end tests, with the flags that
// keep it off the network, and collects page errors other than the dev server's known noise.
import { chromium } from 'playwright-core'

export const baseURL = process.env.BASE_URL ?? 'http://127.0.0.1:34115'
export const outDir = process.env.OUT ?? 'out'

// The dev server's ipc.js throws this once in a plain browser. When its websocket drops and
// reconnects on a loaded machine, Wails' runtime logs "reading 'send'" for a binding called in
// between. The production window talks to Go without a websocket. Chromium also logs every non-2xx
// response as a console error; the tests check those statuses themselves (error tiles).
const knownNoise = [
  /reading 'nodes'/,
  /reading 'send'\)\n\s+at \w+ \(http:\/\/127\.0\.0\.1:\d+\/wails\/ipc\.js/,
  /favicon\.ico/,
  /^Failed to load resource: the server responded/,
]

export async function openApp() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/lib/chromium/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  const errors = []
  page.on('pageerror', (err) => {
    if (!knownNoise.some((re) => re.test(err.message))) errors.push(err.message)
  })
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !knownNoise.some((re) => re.test(msg.text()))) {
      errors.push(msg.text())
    }
  })
  await page.goto(baseURL + '/')
  // Playwright starts Chromium with a fresh temporary profile and removes it on close.
  const close = () => browser.close()
  return { browser, page, errors, close }
}

// Opens the library whose name is given, from the sidebar.
export async function openLibrary(page, name) {
  await page.locator('[data-testid="library-item"]', { hasText: name }).first().click()
  await page.waitForSelector('[data-testid="tile"]')
}

// Counts every element in the document.
export function domNodes(page) {
  return page.evaluate(() => document.getElementsByTagName('*').length)
}
