import {
  useEffect,
  useLayoutEffect,
  useRef,
  type KeyboardEvent as ReactKeyboardEvent,
  type RefObject,
} from 'react'

/** The actions of the editor's keyboard shortcuts, as of the latest render. */
export interface EditorKeyActions {
  /** True while a dialog over the editor (leave, shortcuts) takes the keys. */
  paused: boolean
  toolOn: boolean
  /** The crop tool is on, so Enter applies the crop. */
  cropToolOn: boolean
  undo: () => void
  redo: () => void
  zoomIn: () => void
  zoomOut: () => void
  zoomFit: () => void
  zoomActualSize: () => void
  copyPath: () => void
  cancelTool: () => void
  applyCrop: () => void
  toggleCrop: () => void
  requestClose: () => void
  setShowOriginal: (on: boolean) => void
  openShortcuts: () => void
}

/** The key handlers for the editor's root element. */
export interface EditorKeyHandlers {
  onKeyDown: (event: ReactKeyboardEvent<HTMLDivElement>) => void
  onKeyUp: (event: ReactKeyboardEvent<HTMLDivElement>) => void
}

/** Reports whether the element takes typed text, so letter keys and undo belong to it. */
function isTextField(element: EventTarget | null): boolean {
  if (element instanceof HTMLTextAreaElement) return true
  if (!(element instanceof HTMLInputElement)) return false
  return !['range', 'checkbox', 'radio', 'color', 'button', 'submit'].includes(element.type)
}

/**
 * Reports whether Enter on the element keeps its own meaning while a tool is on. Elsewhere,
 * buttons included, Enter applies the crop or finishes the tool, so clicking an aspect preset
 * and pressing Enter applies it.
 */
function keepsEnter(element: EventTarget | null): boolean {
  return (
    isTextField(element) ||
    (element instanceof HTMLElement && element.matches('select, textarea, [data-keeps-enter]'))
  )
}

/** Runs the action for one key press, and prevents the default of the keys it handles. */
function handleEditorKey(event: KeyboardEvent, actions: EditorKeyActions): void {
  if (event.defaultPrevented || actions.paused) return
  const target = event.target
  const typing = isTextField(target)
  const key = event.key
  if (event.ctrlKey || event.metaKey) {
    if (event.altKey) return
    const lower = key.toLowerCase()
    if (lower === 'z' && !typing) {
      if (event.shiftKey) actions.redo()
      else actions.undo()
    } else if (lower === 'y' && !typing) {
      actions.redo()
    } else if (key === '+' || key === '=') {
      actions.zoomIn()
    } else if (key === '-' || key === '_') {
      actions.zoomOut()
    } else if (key === '0') {
      actions.zoomFit()
    } else if (key === '1') {
      actions.zoomActualSize()
    } else if (lower === 'c') {
      const selected = window.getSelection()?.toString() ?? ''
      const field = target instanceof HTMLElement && target.matches('input, select, textarea')
      if (selected || field) return
      actions.copyPath()
    } else {
      return
    }
    event.preventDefault()
    return
  }
  if (event.altKey) return
  switch (key) {
    case 'Escape':
      if (typing && target instanceof HTMLElement) target.blur()
      else if (actions.toolOn) actions.cancelTool()
      else actions.requestClose()
      break
    case 'Enter':
      if (!actions.toolOn || keepsEnter(target)) return
      if (actions.cropToolOn) actions.applyCrop()
      else actions.cancelTool()
      break
    case 'c':
    case 'C':
      if (typing) return
      actions.toggleCrop()
      break
    case '\\':
      if (typing) return
      actions.setShowOriginal(true)
      break
    case '?':
      if (typing) return
      actions.openShortcuts()
      break
    default:
      return
  }
  event.preventDefault()
}

/**
 * Sends the editor's keyboard shortcuts to actions, and returns the handlers for its root
 * element. Keys inside the editor arrive through React after the focused control had its turn.
 * With the focus outside it (on the page body), a window listener takes them. Both stop the
 * event, so a viewer open behind the editor never acts on the editor's keys. Holding \ shows
 * the original until the key is released or the window loses the focus.
 */
export function useEditorKeys(
  rootRef: RefObject<HTMLDivElement | null>,
  actions: EditorKeyActions,
): EditorKeyHandlers {
  const latest = useRef(actions)
  useLayoutEffect(() => {
    latest.current = actions
  })

  useEffect(() => {
    const root = rootRef.current
    const outside = (event: KeyboardEvent) => !root?.contains(event.target as Node | null)
    const onKeyDown = (event: KeyboardEvent) => {
      if (!outside(event)) return
      handleEditorKey(event, latest.current)
      event.stopPropagation()
    }
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === '\\') latest.current.setShowOriginal(false)
    }
    const onBlur = () => latest.current.setShowOriginal(false)
    window.addEventListener('keydown', onKeyDown, true)
    window.addEventListener('keyup', onKeyUp, true)
    window.addEventListener('blur', onBlur)
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      window.removeEventListener('keyup', onKeyUp, true)
      window.removeEventListener('blur', onBlur)
    }
  }, [rootRef])

  return {
    onKeyDown: (event) => {
      handleEditorKey(event.nativeEvent, latest.current)
      event.stopPropagation()
    },
    onKeyUp: (event) => {
      if (event.key === '\\') latest.current.setShowOriginal(false)
    },
  }
}
