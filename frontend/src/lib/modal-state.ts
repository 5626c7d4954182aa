/**
 * Returns whether a modal (the viewer, the editor or a dialog) is open. A modal takes the keys for
 * itself, so window-wide shortcuts such as Escape on the settings page and Ctrl+, wait for it.
 */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null
}
