import { createContext } from 'react'

/** A folder of a library that entries can be dropped, moved, pasted or imported into. */
export interface FolderTarget {
  library: string
  /** "" is the library root. */
  path: string
}

/** Data attributes that mark an element as a FolderTarget for drops. */
export const DROP_FOLDER_ATTR = 'data-drop-folder'
export const DROP_LIBRARY_ATTR = 'data-drop-library'

/** Returns the attributes that make an element a drop target for the folder. */
export function dropTargetProps(target: FolderTarget): Record<string, string> {
  return { [DROP_FOLDER_ATTR]: target.path, [DROP_LIBRARY_ATTR]: target.library }
}

/** Returns the folder target at or above element, or null. */
export function folderTargetOf(element: Element | null): FolderTarget | null {
  const marked = element?.closest(`[${DROP_FOLDER_ATTR}]`)
  if (!marked) return null
  const library = marked.getAttribute(DROP_LIBRARY_ATTR)
  const path = marked.getAttribute(DROP_FOLDER_ATTR)
  return library === null || path === null ? null : { library, path }
}

/** An entry the grid focuses when it next shows its folder, after a rename or a new folder. */
export interface PendingFocus {
  /** Grows with each request, so a grid takes each one once. */
  id: number
  library: string
  path: string
  /** Open the rename field on it, as for a new folder. */
  rename: boolean
}

/** The gallery's file operations; each reports its outcome to the user itself. */
export interface FileOps {
  /** Grows after every operation that changed files, so listings reload. */
  version: number
  /** The entry to focus after the last rename or new folder, or null. */
  focus: PendingFocus | null
  /** Paths copied with Copy (Cmd/Ctrl+Shift+C), which Paste puts into a folder. */
  clipboard: { library: string; paths: string[] } | null
  importFiles: (target: FolderTarget, sources: string[]) => void
  move: (library: string, paths: string[], target: FolderTarget) => void
  /** Copies paths of library into target, asking about name clashes. */
  copyTo: (library: string, paths: string[], target: FolderTarget) => void
  /** Asks for a folder in a picker, then moves or copies there. */
  pickFolder: (library: string, paths: string[], mode: 'move' | 'copy') => void
  duplicate: (library: string, paths: string[]) => void
  /** Moves to the trash, or deletes for good after asking twice (always for S3 libraries). */
  remove: (library: string, paths: string[], permanent: boolean) => void
  /** Resolves to the new path, or null when the rename failed and a message gave the reason. */
  rename: (library: string, path: string, newName: string) => Promise<string | null>
  /** Makes "New folder" (or the next free "New folder (n)") in parent; resolves to its path. */
  newFolder: (library: string, parent: string) => Promise<string | null>
  undo: () => void
  copy: (library: string, paths: string[]) => void
  paste: (target: FolderTarget) => void
  reveal: (library: string, path: string) => void
  openDefault: (library: string, path: string) => void
  copyPath: (library: string, path: string) => void
}

/** null where no provider is mounted, as in the grid's own tests. */
export const FileOpsContext = createContext<FileOps | null>(null)
