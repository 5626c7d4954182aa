export type SettingsSectionId =
  'libraries' | 'profiles' | 'appearance' | 'keyboard' | 'api' | 'about'

/** The settings page's sections, in the order of its navigation. */
export const SECTIONS: readonly { id: SettingsSectionId; title: string }[] = [
  { id: 'libraries', title: 'Libraries' },
  { id: 'profiles', title: 'imagor profiles' },
  { id: 'appearance', title: 'Appearance' },
  { id: 'keyboard', title: 'Keyboard' },
  { id: 'api', title: 'API' },
  { id: 'about', title: 'About' },
]
