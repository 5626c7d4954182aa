// In-window measurement of the gallery, injected by the windowbench build (windowbench.go). It
// waits for the first thumbnail, then scrolls the grid from top to end and reports the DOM size
// at each step through the bound WindowBench.Report method, which adds the WebKitWebProcess RSS.
;(() => {
  const grid = document.querySelector('[data-testid="gallery-grid"]')
  if (window.__windowBench || !grid || !window.go?.app?.WindowBench) return
  window.__windowBench = true
  const bench = window.go.app.WindowBench
  const frames = (n) =>
    new Promise((resolve) => {
      const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step))
      requestAnimationFrame(step)
    })
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  // WebKit has no performance.memory, so the report gives -1 for it.
  const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : -1)
  const shown = () => [...grid.querySelectorAll('img')].some((img) => img.complete && img.naturalWidth > 0)
  const sample = () => ({
    dom_nodes: document.getElementsByTagName('*').length,
    tiles: grid.querySelectorAll('[data-testid="tile"]').length,
    js_heap_bytes: heap(),
  })
  const run = async () => {
    while (!shown()) await frames(1)
    await frames(2) // the frame that paints it
    await bench.Report('first-thumbnail', sample())
    const steps = 10
    for (let i = 0; i <= steps; i++) {
      grid.scrollTop = ((grid.scrollHeight - grid.clientHeight) * i) / steps
      await frames(2)
      await sleep(700)
      await bench.Report(`scroll-${i}`, sample())
    }
    await bench.Report('done', sample())
  }
  run().catch((err) => bench.Report('error', { message_length: String(err).length }))
})()
