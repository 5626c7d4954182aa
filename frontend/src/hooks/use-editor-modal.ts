import { useLayoutEffect, type RefObject } from 'react'

/**
 * Makes everything else in the page inert while the element in ref is mounted: the app in #root
 * and any viewer or dialog portal that was open before it. Unlike useModal, it also covers the
 * viewer the editor may open over, and it puts back each element's own inert value.
 */
export function useEditorModal(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const others = Array.from(document.body.children).filter(
      (child): child is HTMLElement => child instanceof HTMLElement && !child.contains(element),
    )
    const before = others.map((child) => child.inert)
    for (const child of others) child.inert = true
    return () => {
      others.forEach((child, i) => {
        child.inert = before[i]
      })
    }
  }, [ref])
}
