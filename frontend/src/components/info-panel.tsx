import type { Entry } from '@/api/gallery'
import { formatBytes, formatDate } from '@/lib/format'
import type { MetaState } from '@/lib/meta-store'

export interface InfoPanelProps {
  entry: Entry
  meta: MetaState
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/** Shows the viewer's side panel: file facts and imagor's metadata, with EXIF as a table. */
export function InfoPanel({ entry, meta }: InfoPanelProps) {
  const facts: [string, string][] = [
    ['Name', entry.name],
    ['Path', entry.path],
    ['File size', formatBytes(entry.size)],
    ['Modified', formatDate(entry.modTime)],
  ]
  let exif: [string, string][] = []
  if (meta.status === 'loaded') {
    const { width, height, format, content_type: contentType, pages, orientation } = meta.meta
    if (width && height) facts.splice(1, 0, ['Dimensions', `${width} × ${height} px`])
    if (format) facts.push(['Format', contentType ? `${format} (${contentType})` : format])
    if (pages && pages > 1) facts.push(['Frames', String(pages)])
    if (orientation && orientation > 1) facts.push(['Orientation', String(orientation)])
    exif = Object.entries(meta.meta.exif ?? {})
      .map(([key, value]): [string, string] => [key, formatValue(value)])
      .sort(([a], [b]) => a.localeCompare(b))
  }

  return (
    <aside
      aria-label="Image information"
      data-testid="viewer-info"
      className="flex w-80 shrink-0 flex-col overflow-y-auto border-l border-zinc-800 bg-zinc-900 p-4 select-text"
    >
      <h2 className="mb-3 text-sm font-semibold text-zinc-100">Information</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1.5 text-xs">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-400">{label}</dt>
            <dd className="break-all text-zinc-200">{value}</dd>
          </div>
        ))}
      </dl>

      <h3 className="mt-5 mb-2 text-xs font-semibold tracking-wide text-zinc-400 uppercase">
        EXIF
      </h3>
      {meta.status === 'loading' && <p className="text-xs text-zinc-400">Loading metadata…</p>}
      {meta.status === 'error' && (
        <p role="alert" className="text-xs text-red-300">
          {meta.message}
        </p>
      )}
      {meta.status === 'loaded' && exif.length === 0 && (
        <p className="text-xs text-zinc-400">This image has no EXIF data.</p>
      )}
      {exif.length > 0 && (
        <table className="w-full table-fixed text-xs">
          <tbody>
            {exif.map(([key, value]) => (
              <tr key={key} className="border-t border-zinc-800 align-top">
                <th
                  scope="row"
                  className="w-2/5 truncate py-1 pr-2 text-left font-normal text-zinc-400"
                  title={key}
                >
                  {key}
                </th>
                <td className="py-1 break-all text-zinc-200">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  )
}
