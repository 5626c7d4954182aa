// Helpers that reach the X display the app's real window is on: the clipboard through xclip and
// native GTK dialogs through xdotool.
import { execFileSync } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

// Returns the text of the X clipboard, which the app sets through the Wails runtime.
export function readClipboard() {
  return execFileSync('xclip', ['-o', '-selection', 'clipboard'], { encoding: 'utf8' })
}

// Waits for a visible window whose title matches name and returns its id.
export async function waitForWindow(name, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--name', name], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .filter(Boolean)
      if (ids.length > 0) return ids[ids.length - 1]
    } catch {
      // xdotool exits 1 while no window matches.
    }
    await sleep(200)
  }
  throw new Error(`no window titled ${name} within ${timeoutMs} ms`)
}

// Answers a GTK file chooser: Ctrl+L opens the location field, then the path and Enter.
export async function answerFileDialog(windowId, path) {
  execFileSync('xdotool', ['windowfocus', '--sync', windowId])
  execFileSync('xdotool', ['key', '--window', windowId, 'ctrl+l'])
  await sleep(300)
  execFileSync('xdotool', ['key', '--window', windowId, 'ctrl+a'])
  execFileSync('xdotool', ['type', '--window', windowId, '--delay', '10', path])
  await sleep(200)
  execFileSync('xdotool', ['key', '--window', windowId, 'Return'])
}
