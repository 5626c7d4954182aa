// Class lists shared by the settings page's controls, so every form looks and focuses alike.

export const INPUT_CLASS =
  'h-8 w-full min-w-0 rounded-md border border-zinc-700 bg-zinc-950/60 px-2 text-zinc-100 ' +
  'select-text placeholder:text-zinc-500 focus:border-accent focus:outline-none ' +
  'focus-visible:ring-2 focus-visible:ring-accent/50 disabled:opacity-50 ' +
  'aria-invalid:border-red-500'

export const BUTTON_CLASS =
  'inline-flex h-8 shrink-0 items-center justify-center gap-1.5 rounded-md border ' +
  'border-zinc-700 px-3 text-zinc-200 hover:bg-zinc-800 focus-visible:ring-2 ' +
  'focus-visible:ring-accent focus-visible:outline-none disabled:opacity-50'

export const PRIMARY_BUTTON_CLASS =
  'inline-flex h-8 shrink-0 items-center justify-center gap-1.5 rounded-md bg-accent px-3 ' +
  'font-medium text-zinc-950 hover:bg-accent-strong focus-visible:ring-2 ' +
  'focus-visible:ring-accent-strong focus-visible:ring-offset-2 ' +
  'focus-visible:ring-offset-zinc-900 focus-visible:outline-none disabled:opacity-50'

export const DANGER_BUTTON_CLASS =
  'inline-flex h-8 shrink-0 items-center justify-center gap-1.5 rounded-md border ' +
  'border-red-900/70 px-3 text-red-300 hover:bg-red-950/50 focus-visible:ring-2 ' +
  'focus-visible:ring-red-400 focus-visible:outline-none disabled:opacity-50'

export const CHECKBOX_CLASS =
  'mt-0.5 h-4 w-4 shrink-0 accent-accent focus-visible:outline-2 focus-visible:outline-offset-2 ' +
  'focus-visible:outline-accent'

export const ERROR_TEXT_CLASS = 'text-xs break-words text-red-300 select-text'
