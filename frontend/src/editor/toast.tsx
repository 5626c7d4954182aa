import { useEffect } from 'react'

/** How long a toast stays on screen. */
const TOAST_MS = 1800

export interface ToastMessage {
  /** A new id shows the toast again, even with the same text. */
  id: number
  text: string
  tone: 'info' | 'error'
}

export interface ToastProps {
  toast: ToastMessage | null
  onDone: () => void
}

/** Shows a short message at the bottom of the window, such as "Copied", that goes away by itself. */
export function Toast({ toast, onDone }: ToastProps) {
  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(onDone, toast.tone === 'error' ? TOAST_MS * 3 : TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast, onDone])

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-none fixed inset-x-0 bottom-6 z-[70] flex justify-center"
    >
      {toast && (
        <span
          key={toast.id}
          data-testid="toast"
          className={`max-w-lg rounded-md px-3 py-1.5 text-sm shadow-lg ${
            toast.tone === 'error'
              ? 'border border-red-800 bg-red-950 text-red-100'
              : 'border border-zinc-700 bg-zinc-800 text-zinc-50'
          }`}
        >
          {toast.text}
        </span>
      )}
    </div>
  )
}
