// Wrapper around the Wails JS runtime. Outside Wails (plain `vite dev`, tests) window.runtime is
// missing, so each call degrades to a no-op with a warning instead of throwing.
import * as Runtime from '../../wailsjs/runtime/runtime'

declare global {
  interface Window {
    runtime?: unknown
  }
}

function hasRuntime(): boolean {
  return typeof window !== 'undefined' && window.runtime !== undefined
}

/**
 * Registers the handler for files dropped from the OS onto an element marked as drop target. x
 * and y are where the drop happened, in CSS pixels of the window.
 */
export function onFileDrop(handler: (paths: string[], x: number, y: number) => void): () => void {
  if (!hasRuntime()) {
    console.warn('Wails runtime not found: file drops are disabled')
    return () => {}
  }
  Runtime.OnFileDrop((x, y, paths) => handler(paths, x, y), true)
  return () => Runtime.OnFileDropOff()
}

/** Calls handler with the payload of each event the Go side emits under name. */
export function onEvent(name: string, handler: (payload: unknown) => void): () => void {
  if (!hasRuntime()) return () => {}
  return Runtime.EventsOn(name, (payload: unknown) => handler(payload))
}

export async function isFullscreen(): Promise<boolean> {
  if (!hasRuntime()) return Boolean(document.fullscreenElement)
  return Runtime.WindowIsFullscreen()
}

export function setFullscreen(on: boolean): void {
  if (!hasRuntime()) {
    console.warn('Wails runtime not found: full screen is not available')
    return
  }
  if (on) Runtime.WindowFullscreen()
  else Runtime.WindowUnfullscreen()
}

export async function copyText(text: string): Promise<boolean> {
  if (!hasRuntime()) return false
  return Runtime.ClipboardSetText(text)
}
