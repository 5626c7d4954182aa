import { vi } from 'vitest'

// jsdom does no layout: these stubs give every element a fixed client size and make
// ResizeObserver report it once, which is what @tanstack/react-virtual and useElementSize read.

export function stubLayout(width: number, height: number): void {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(width)
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(height)
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(width)
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(height)
  // A scroll container is as tall as its first child, whose height the virtualizer sets inline.
  vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (
    this: HTMLElement,
  ) {
    const content = parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '')
    return Number.isFinite(content) ? Math.max(content, height) : height
  })

  class FixedResizeObserver {
    private readonly callback: ResizeObserverCallback
    constructor(callback: ResizeObserverCallback) {
      this.callback = callback
    }
    observe(target: Element) {
      const entry = { target, contentRect: { width, height } } as unknown as ResizeObserverEntry
      this.callback([entry], this)
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', FixedResizeObserver)

  // jsdom has no Element.scrollTo; the virtualizer scrolls with it.
  Element.prototype.scrollTo = function scrollTo(
    this: Element,
    options?: ScrollToOptions | number,
    y?: number,
  ) {
    const top = typeof options === 'number' ? y : options?.top
    if (top !== undefined) this.scrollTop = top
    // Browsers fire scroll events on the next frame, never inside the call.
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0)
  }
}

/** Scrolls element to top and lets the virtualizer see the scroll event. */
export function scrollTo(element: Element, top: number): void {
  element.scrollTop = top
  element.dispatchEvent(new Event('scroll'))
}
