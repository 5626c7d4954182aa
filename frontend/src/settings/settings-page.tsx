import { useEffect, useRef, useState } from 'react'
import type { Library } from '@/api/gallery'
import type { KeyStatus } from '@/api/settings'
import { Icon, type IconName } from '@/components/icon'
import { modalOpen } from '@/lib/modal-state'
import { AboutSection } from '@/settings/about-section'
import { ApiSection } from '@/settings/api-section'
import { AppearanceSection } from '@/settings/appearance-section'
import { KeyboardSection } from '@/settings/keyboard-section'
import { LibrariesSection } from '@/settings/libraries-section'
import { ProfilesSection } from '@/settings/profiles-section'
import { SECTIONS, type SettingsSectionId } from '@/settings/sections'

const SECTION_ICONS: Record<SettingsSectionId, IconName> = {
  libraries: 'folder-outline',
  profiles: 'image',
  appearance: 'palette',
  keyboard: 'keyboard',
  api: 'key',
  about: 'info',
}

export interface SettingsPageProps {
  libraries: Library[]
  /** Null until Go has reported it. */
  keyStatus: KeyStatus | null
  /** Shows Cmd in place of Ctrl in the shortcut table on macOS. */
  mac: boolean
  initialSection?: SettingsSectionId
  /** Removes a library whose removal the user has confirmed, and refreshes the app's list. */
  onRemoveLibrary: (library: Library) => Promise<void>
  /** Refreshes the app's library list after a library was added here. */
  onLibraryAdded: (library: Library) => Promise<void>
  onClose: () => void
}

/**
 * Renders the settings page in place of the gallery: a list of sections on the left and the
 * chosen section on the right. Escape or the back button returns to the gallery.
 */
export function SettingsPage({
  libraries,
  keyStatus,
  mac,
  initialSection = 'libraries',
  onRemoveLibrary,
  onLibraryAdded,
  onClose,
}: SettingsPageProps) {
  const [section, setSection] = useState<SettingsSectionId>(initialSection)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    headingRef.current?.focus()
  }, [])

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || modalOpen()) return
      event.preventDefault()
      onClose()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onClose])

  let content
  switch (section) {
    case 'libraries':
      content = (
        <LibrariesSection
          libraries={libraries}
          onRemove={onRemoveLibrary}
          onAdded={onLibraryAdded}
        />
      )
      break
    case 'profiles':
      content = <ProfilesSection libraries={libraries} />
      break
    case 'appearance':
      content = <AppearanceSection />
      break
    case 'keyboard':
      content = <KeyboardSection mac={mac} />
      break
    case 'api':
      content = <ApiSection />
      break
    case 'about':
      content = <AboutSection keyStatus={keyStatus} />
      break
  }

  return (
    <main data-testid="settings" className="flex min-h-0 min-w-0 flex-1 flex-col bg-zinc-950">
      <header className="flex h-12 shrink-0 items-center gap-2 border-b border-zinc-800 bg-zinc-900 px-3">
        <button
          type="button"
          data-testid="settings-close"
          title="Back to the gallery (Esc)"
          onClick={onClose}
          className="inline-flex h-8 items-center gap-1 rounded-md px-2 text-zinc-300 hover:bg-zinc-800 hover:text-zinc-50 focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none"
        >
          <Icon name="chevron-left" />
          Gallery
        </button>
        <h1
          ref={headingRef}
          tabIndex={-1}
          className="text-base font-semibold text-zinc-50 outline-none"
        >
          Settings
        </h1>
      </header>

      {keyStatus?.warning && (
        <div
          data-testid="key-warning"
          className="flex shrink-0 items-start gap-2 border-b border-amber-900/60 bg-amber-950/40 px-4 py-2.5 text-amber-100"
        >
          <Icon name="alert" className="mt-0.5 text-amber-400" />
          <p className="min-w-0 flex-1 break-words select-text">
            <span className="font-semibold">Saved secrets are less protected: </span>
            {keyStatus.warning}
          </p>
        </div>
      )}

      <div className="flex min-h-0 flex-1">
        <nav
          aria-label="Settings sections"
          className="w-52 shrink-0 overflow-y-auto border-r border-zinc-800 bg-zinc-900 p-2"
        >
          <ul className="flex flex-col gap-0.5">
            {SECTIONS.map(({ id, title }) => {
              const current = id === section
              return (
                <li key={id}>
                  <button
                    type="button"
                    aria-current={current ? 'page' : undefined}
                    data-testid={`settings-nav-${id}`}
                    onClick={() => setSection(id)}
                    className={`flex h-8 w-full items-center gap-2 rounded-md px-2 text-left focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none ${
                      current
                        ? 'bg-zinc-800 font-medium text-zinc-50'
                        : 'text-zinc-300 hover:bg-zinc-800/60'
                    }`}
                  >
                    <Icon
                      name={SECTION_ICONS[id]}
                      className={current ? 'text-accent-strong' : 'text-zinc-400'}
                    />
                    {title}
                    {id === 'about' && keyStatus?.warning && (
                      <span
                        className="ml-auto h-2 w-2 rounded-full bg-amber-400"
                        aria-label="Warning"
                        role="img"
                      />
                    )}
                  </button>
                </li>
              )
            })}
          </ul>
        </nav>
        {/* Focusable, so the keyboard can scroll a section that has no control, such as the
            shortcut table. */}
        <div
          tabIndex={0}
          className="min-h-0 min-w-0 flex-1 overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-accent/50 focus-visible:ring-inset"
        >
          <div key={section} className="mx-auto max-w-3xl px-8 py-6">
            {content}
          </div>
        </div>
      </div>
    </main>
  )
}
