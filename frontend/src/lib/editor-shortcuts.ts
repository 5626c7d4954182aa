// Every keyboard shortcut of the app, for the overlay that ? opens. Keep it in step with the key
// handlers in gallery-grid.tsx, viewer.tsx and editor/editor-workspace.tsx.

export interface Shortcut {
  keys: string
  action: string
}

export interface ShortcutGroup {
  title: string
  shortcuts: readonly Shortcut[]
}

/** Returns "Cmd" on macOS and "Ctrl" elsewhere, as the modifier of the shortcuts. */
export function modifierName(): string {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
    ? 'Cmd'
    : 'Ctrl'
}

export function shortcutGroups(mod = modifierName()): ShortcutGroup[] {
  return [
    {
      title: 'Gallery',
      shortcuts: [
        { keys: 'Arrow keys, Page Up, Page Down, Home, End', action: 'Move between tiles' },
        { keys: 'Enter or Space', action: 'Open the folder or image' },
        { keys: 'E', action: 'Edit the focused image' },
        { keys: `${mod}+C`, action: "Copy the focused image's imagor path" },
        { keys: 'Shift+F10 or right click', action: 'Tile menu: edit, copy path, copy signed URL' },
        { keys: 'Backspace or Alt+Up', action: 'Go to the parent folder' },
        { keys: `${mod}+mouse wheel`, action: 'Change the tile size' },
        { keys: '?', action: 'Show these shortcuts' },
      ],
    },
    {
      title: 'Viewer',
      shortcuts: [
        { keys: 'Left, Right', action: 'Previous and next image' },
        { keys: '+, -', action: 'Zoom in and out' },
        { keys: '0, 1', action: 'Fit to the window, actual pixels' },
        { keys: 'E', action: 'Edit this image' },
        { keys: `${mod}+C`, action: "Copy this image's imagor path" },
        { keys: 'F', action: 'Full screen' },
        { keys: 'S', action: 'Slideshow (any key stops it)' },
        { keys: 'I', action: 'Image information' },
        { keys: 'Escape', action: 'Close the viewer' },
      ],
    },
    {
      title: 'Editor',
      shortcuts: [
        { keys: `${mod}+Z`, action: 'Undo' },
        { keys: `${mod}+Shift+Z or ${mod}+Y`, action: 'Redo' },
        { keys: 'C', action: 'Crop: start or leave' },
        { keys: 'Enter', action: 'Apply the crop or finish the tool' },
        { keys: 'Escape', action: 'Cancel the crop or tool, else close the editor' },
        {
          keys: 'Arrow keys, Shift+arrow keys',
          action: 'Move the focused crop box by 1 or 10 pixels',
        },
        { keys: '\\ (hold)', action: 'Show the original' },
        { keys: `${mod}++, ${mod}+-`, action: 'Zoom in and out' },
        { keys: `${mod}+0, ${mod}+1`, action: 'Fit, 100 %' },
        { keys: `${mod}+mouse wheel, drag`, action: 'Zoom around the pointer, pan when zoomed' },
        { keys: `${mod}+C`, action: 'Copy the imagor path (when no text is selected)' },
        { keys: '?', action: 'Show these shortcuts' },
      ],
    },
  ]
}
