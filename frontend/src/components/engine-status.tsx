import { useEffect, useState } from 'react'
import { engineInfo, errorMessage, type EngineInfo } from '@/api/gallery'

type EngineState =
  | { status: 'loading' }
  | { status: 'ready'; info: EngineInfo }
  | { status: 'error'; message: string }

/** Shows the image engine's versions, or why it is not available, in the sidebar footer. */
export function EngineStatus() {
  const [state, setState] = useState<EngineState>({ status: 'loading' })

  useEffect(() => {
    let cancelled = false
    engineInfo()
      .then((info) => !cancelled && setState({ status: 'ready', info }))
      .catch(
        (err: unknown) => !cancelled && setState({ status: 'error', message: errorMessage(err) }),
      )
    return () => {
      cancelled = true
    }
  }, [])

  if (state.status === 'loading') {
    return <p className="text-zinc-400">Starting the image engine…</p>
  }
  if (state.status === 'error') {
    return (
      <p className="text-red-300/90" title={state.message}>
        Image engine unavailable: {state.message}
      </p>
    )
  }
  const { imagor, vips } = state.info
  return (
    <p className="truncate text-zinc-400" title={`imagor ${imagor}, libvips ${vips}`}>
      imagor {imagor} · libvips {vips}
    </p>
  )
}
