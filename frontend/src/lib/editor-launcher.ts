import { createContext } from 'react'

/** An image of a library, as the gallery hands it to the editor's actions. */
export interface ImageRef {
  library: string
  path: string
  name: string
}

/** The editor's actions the gallery and the viewer call; the app provides them. */
export interface EditorLauncher {
  /** Opens the editor on an image. */
  edit: (image: ImageRef) => void
  /** Copies the imagor path of an image without edits and shows "Copied". */
  copyPath: (image: ImageRef) => void
  /** Opens the tile menu of an image at x, y (CSS pixels of the window). */
  openMenu: (image: ImageRef, x: number, y: number) => void
}

/** null where no app provides the editor, as in the gallery's own tests. */
export const EditorLauncherContext = createContext<EditorLauncher | null>(null)
