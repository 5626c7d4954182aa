// Folder paths relative to a library root: slash-separated, "" for the root.

/** Returns the parent of path, or null for the root. */
export function parentPath(path: string): string | null {
  if (path === '') return null
  const slash = path.lastIndexOf('/')
  return slash < 0 ? '' : path.slice(0, slash)
}

/** Returns the folders from the root's first child down to path: "a/b" gives ["a", "a/b"]. */
export function ancestorsOf(path: string): string[] {
  if (path === '') return []
  const parts = path.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

/** Returns the last segment of path. */
export function baseName(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? path : path.slice(slash + 1)
}

/** Reports whether folder is path itself or one of its ancestors. */
export function containsPath(folder: string, path: string): boolean {
  if (folder === '') return true
  return path === folder || path.startsWith(`${folder}/`)
}

export function folderKey(library: string, path: string): string {
  return `${library}\u0000${path}`
}
