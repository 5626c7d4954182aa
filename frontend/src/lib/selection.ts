// Multi-selection of the gallery grid, kept by path so a listing that changes under it (a file
// added or removed by a file operation or the watcher) keeps the right entries selected.

export interface Selection {
  paths: ReadonlySet<string>
  /** Index that Shift+click ranges start from, or null. */
  anchor: number | null
}

export const EMPTY_SELECTION: Selection = { paths: new Set(), anchor: null }

export interface ClickModifiers {
  /** Cmd on macOS, Ctrl elsewhere: add or remove one entry. */
  toggle: boolean
  /** Shift: select from the anchor to here. */
  range: boolean
}

/** Returns the path of the entry at index, or undefined while its page is not loaded. */
export type PathAt = (index: number) => string | undefined

/** Returns the paths from index first to last, both included, that are loaded. */
function pathsBetween(first: number, last: number, pathAt: PathAt): string[] {
  const out: string[] = []
  for (let i = Math.min(first, last); i <= Math.max(first, last); i++) {
    const path = pathAt(i)
    if (path !== undefined) out.push(path)
  }
  return out
}

/** Returns the selection after a click on the entry at index with the given modifiers. */
export function clickSelection(
  selection: Selection,
  index: number,
  pathAt: PathAt,
  modifiers: ClickModifiers,
): Selection {
  const path = pathAt(index)
  if (path === undefined) return selection
  if (modifiers.range) {
    const anchor = selection.anchor ?? index
    const range = pathsBetween(anchor, index, pathAt)
    const paths = modifiers.toggle ? new Set([...selection.paths, ...range]) : new Set(range)
    return { paths, anchor }
  }
  if (modifiers.toggle) {
    const paths = new Set(selection.paths)
    if (paths.has(path)) paths.delete(path)
    else paths.add(path)
    return { paths, anchor: index }
  }
  return { paths: new Set([path]), anchor: index }
}

/** Returns the selection of every loaded entry of a folder of total entries. */
export function selectAll(total: number, pathAt: PathAt): Selection {
  return { paths: new Set(pathsBetween(0, total - 1, pathAt)), anchor: null }
}

/**
 * Returns the paths an action applies to: the selection when the entry acted on is in it, else
 * that entry alone, as file managers do for a right click outside the selection.
 */
export function actionPaths(selection: Selection, path: string): string[] {
  return selection.paths.has(path) ? [...selection.paths] : [path]
}

/** Returns the selection with from replaced by to, after a rename or move. */
export function renameInSelection(selection: Selection, from: string, to: string): Selection {
  if (!selection.paths.has(from)) return selection
  const paths = new Set(selection.paths)
  paths.delete(from)
  paths.add(to)
  return { ...selection, paths }
}

/** Returns the selection without the given paths, after they were deleted or moved away. */
export function withoutPaths(selection: Selection, gone: readonly string[]): Selection {
  if (!gone.some((p) => selection.paths.has(p))) return selection
  const paths = new Set(selection.paths)
  for (const p of gone) paths.delete(p)
  return { ...selection, paths }
}
