import { useId } from 'react'
import { useStoredState } from '@/hooks/use-stored-state'
import { useTheme } from '@/hooks/use-theme'
import { MAX_TILE_SIZE, MIN_TILE_SIZE, clampTileSize } from '@/lib/grid-math'
import { THEMES, isTheme, type Theme } from '@/lib/theme'
import {
  DEFAULT_TILE_SIZE,
  PREF_SHOW_NAMES,
  PREF_TILE_SIZE,
  isBoolean,
  isTileSize,
} from '@/lib/view-preferences'
import { CheckField } from '@/settings/check-field'
import { SettingsSection } from '@/settings/settings-section'
import { INPUT_CLASS } from '@/settings/styles'

const THEME_LABELS: Record<Theme, string> = {
  dark: 'Dark',
  light: 'Light',
  system: 'Same as the system',
}

/** Sets the theme and the gallery's thumbnail size and file names, applied as they change. */
export function AppearanceSection() {
  const [theme, setTheme] = useTheme()
  const [tileSize, setTileSize] = useStoredState(PREF_TILE_SIZE, DEFAULT_TILE_SIZE, isTileSize)
  const [showNames, setShowNames] = useStoredState(PREF_SHOW_NAMES, true, isBoolean)
  const themeId = useId()
  const sizeId = useId()
  const sizeHintId = useId()

  return (
    <SettingsSection
      title="Appearance"
      description="Changes apply at once and are kept for the next start."
    >
      <div className="flex max-w-md flex-col gap-5">
        <div className="flex flex-col gap-1">
          <label htmlFor={themeId} className="text-xs font-medium text-zinc-300">
            Theme
          </label>
          <select
            id={themeId}
            value={theme}
            data-testid="theme-select"
            onChange={(event) => {
              if (isTheme(event.target.value)) setTheme(event.target.value)
            }}
            className={`${INPUT_CLASS} w-56`}
          >
            {THEMES.map((value) => (
              <option key={value} value={value}>
                {THEME_LABELS[value]}
              </option>
            ))}
          </select>
        </div>

        <div className="flex flex-col gap-1">
          <label htmlFor={sizeId} className="text-xs font-medium text-zinc-300">
            Thumbnail size
          </label>
          <div className="flex items-center gap-3">
            <input
              id={sizeId}
              type="range"
              min={MIN_TILE_SIZE}
              max={MAX_TILE_SIZE}
              step={8}
              value={tileSize}
              aria-valuetext={`${tileSize} pixels`}
              aria-describedby={sizeHintId}
              data-testid="settings-thumb-size"
              onChange={(event) => setTileSize(clampTileSize(Number(event.target.value)))}
              className="w-56 accent-accent"
            />
            <span className="w-14 text-zinc-300 tabular-nums">{tileSize} px</span>
          </div>
          <p id={sizeHintId} className="text-xs text-zinc-400">
            The smallest width of a tile. The slider in the gallery and Ctrl + mouse wheel change it
            too.
          </p>
        </div>

        <CheckField
          label="Show file names"
          hint="Shows each file's name under its thumbnail."
          checked={showNames}
          onChange={setShowNames}
          testId="settings-show-names"
        />
      </div>
    </SettingsSection>
  )
}
