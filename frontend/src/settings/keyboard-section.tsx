import { SettingsSection } from '@/settings/settings-section'
import { shortcutTables } from '@/settings/shortcuts'

export interface KeyboardSectionProps {
  /** Shows Cmd in place of Ctrl when the app runs on macOS. */
  mac: boolean
}

/** Shows the keyboard and mouse shortcuts, one table per part of the app. */
export function KeyboardSection({ mac }: KeyboardSectionProps) {
  return (
    <SettingsSection title="Keyboard" description="Shortcuts of the gallery, viewer and editor.">
      {shortcutTables(mac).map((table) => (
        <table
          key={table.title}
          data-testid="shortcut-table"
          className="w-full max-w-2xl table-fixed border-collapse"
        >
          <caption className="pb-1.5 text-left font-semibold text-zinc-100">{table.title}</caption>
          <colgroup>
            <col className="w-72" />
            <col />
          </colgroup>
          <thead className="sr-only">
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {table.shortcuts.map((shortcut) => (
              <tr key={shortcut.action} className="border-t border-zinc-800 align-top">
                <td className="py-1.5 pr-3">
                  <span className="flex flex-wrap items-center gap-1">
                    {shortcut.keys.map((key, i) => (
                      <span key={key} className="flex items-center gap-1">
                        {i > 0 && <span className="sr-only">, </span>}
                        <kbd className="rounded border border-zinc-700 bg-zinc-800 px-1.5 py-0.5 font-sans text-xs text-zinc-100">
                          {key}
                        </kbd>
                      </span>
                    ))}
                  </span>
                </td>
                <td className="py-1.5 text-zinc-300">{shortcut.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </SettingsSection>
  )
}
