export type SettingsSectionId = 'libraries' | 'profiles' | 'appearance' | 'keyboard' | 'about'

/** The settings page's sections, in the order of its navigation. */
export const SECTIONS: readonly { id: SettingsSectionId; title: string }[] = [
  { id: 'libraries', title: 'Libraries' },
  { id: 'profiles', title: 'imagor profiles' },
  { id: 'appearance', title: 'Appearance' },
  { id: 'keyboard', title: 'Keyboard' },
  { id: 'about', title: 'About' },
]
