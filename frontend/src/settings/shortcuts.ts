/** One row of the keyboard table: the keys, any of which does the action. */
export interface Shortcut {
  keys: readonly string[]
  action: string
}

export interface ShortcutGroup {
  title: string
  /** Where the keys work, such as "when the grid has focus". */
  context: string
  shortcuts: readonly Shortcut[]
}

/**
 * Returns every shortcut of the app, read from the key handlers: app.tsx, gallery-grid.tsx and
 * grid-math.ts, top-bar.tsx, folder-tree.tsx, viewer.tsx, confirm-dialog.tsx and the editor's
 * number fields. mac shows ⌘ where the app also accepts Cmd for Ctrl.
 */
export function shortcutGroups(mac: boolean): ShortcutGroup[] {
  const command = mac ? '⌘' : 'Ctrl'
  return [
    {
      title: 'Anywhere',
      context: 'in the main window',
      shortcuts: [
        { keys: [`${command} + ,`], action: 'Open Settings' },
        { keys: ['Esc'], action: 'Leave Settings and go back to the gallery' },
      ],
    },
    {
      title: 'Gallery',
      context: 'when the thumbnail grid has focus',
      shortcuts: [
        { keys: ['←', '→', '↑', '↓'], action: 'Move the selection by one tile or one row' },
        { keys: ['Home', 'End'], action: 'Select the first or the last item' },
        { keys: ['Page Up', 'Page Down'], action: 'Move the selection by one screen' },
        { keys: ['Enter', 'Space'], action: 'Open the selected folder or image' },
        { keys: ['Backspace', 'Alt + ↑'], action: 'Go to the parent folder' },
        { keys: ['Ctrl + mouse wheel'], action: 'Make the thumbnails larger or smaller' },
        { keys: ['Esc'], action: 'Clear the name filter, in the filter field' },
      ],
    },
    {
      title: 'Folder tree',
      context: 'when the sidebar’s folder tree has focus',
      shortcuts: [
        { keys: ['↑', '↓'], action: 'Go to the previous or the next folder' },
        { keys: ['Home', 'End'], action: 'Go to the first or the last folder' },
        { keys: ['→'], action: 'Expand the folder, or go to its first subfolder' },
        { keys: ['←'], action: 'Collapse the folder, or go to its parent' },
        { keys: ['Enter', 'Space'], action: 'Show the folder in the grid' },
      ],
    },
    {
      title: 'Viewer',
      context: 'while an image is open over the window',
      shortcuts: [
        { keys: ['←', '→'], action: 'Show the previous or the next image' },
        { keys: ['+', '='], action: 'Zoom in' },
        { keys: ['-', '_'], action: 'Zoom out' },
        { keys: ['1'], action: 'Show actual pixels (100 %)' },
        { keys: ['0'], action: 'Fit the image to the window' },
        { keys: ['F'], action: 'Enter or leave full screen' },
        { keys: ['S'], action: 'Start the slideshow; any key stops it' },
        { keys: ['I'], action: 'Show or hide the image information' },
        { keys: ['Esc'], action: 'Close the viewer' },
        { keys: ['Mouse wheel'], action: 'Zoom around the pointer' },
        { keys: ['Double-click'], action: 'Switch between fit and actual pixels' },
        { keys: ['Drag'], action: 'Pan the image' },
      ],
    },
    {
      title: 'Editor',
      context: 'in the editor’s number fields',
      shortcuts: [
        { keys: ['Enter'], action: 'Apply the typed value' },
        { keys: ['Esc'], action: 'Take back the typing; a second Esc reaches the editor' },
      ],
    },
    {
      title: 'Dialogs',
      context: 'while a question is shown',
      shortcuts: [{ keys: ['Esc'], action: 'Cancel' }],
    },
  ]
}
