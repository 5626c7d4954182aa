import { useId, type ReactNode } from 'react'

export interface SettingsSectionProps {
  title: string
  /** One or two sentences under the title. */
  description?: ReactNode
  /** Controls shown right of the title, such as an Add button. */
  actions?: ReactNode
  children: ReactNode
}

/** Renders one section of the settings page: a heading, its description and its content. */
export function SettingsSection({ title, description, actions, children }: SettingsSectionProps) {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div className="flex items-start gap-4">
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="text-lg font-semibold text-zinc-50">
            {title}
          </h2>
          {description && <p className="mt-1 max-w-2xl text-zinc-400">{description}</p>}
        </div>
        {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  )
}
