/**
 * Returns the length of the part of name a rename field selects at first: the stem without the
 * extension, so typing keeps ".jpg". A folder, a name whose only dot leads (".hidden") and a name
 * without a dot select whole.
 */
export function stemLength(name: string, isFolder: boolean): number {
  if (isFolder) return name.length
  const dot = name.lastIndexOf('.')
  return dot <= 0 ? name.length : dot
}

/** Returns why newName cannot be a file name, or "" when it can. */
export function nameProblem(newName: string): string {
  if (newName.trim() === '') return 'Give a name.'
  if (newName === '.' || newName === '..') return '“.” and “..” are not names.'
  if (newName.includes('/')) return 'A name cannot contain “/”.'
  if (newName.includes('\u0000')) return 'A name cannot contain a NUL character.'
  return ''
}
