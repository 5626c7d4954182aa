import type { Clash, FileFailure } from '@/api/files'

/** A choice in the clash dialog; all applies it to the remaining clashes too. */
export interface ClashChoice {
  clash: Exclude<Clash, ''>
  all: boolean
}

/**
 * Asks about each EXISTS failure in turn and returns the policy per path. ask gets the path and
 * the number of clashes after it; a choice with all set answers the rest without asking. A
 * null answer (the dialog was cancelled) skips that path and every one after it.
 */
export async function resolveClashes(
  failures: readonly FileFailure[],
  ask: (path: string, remaining: number) => Promise<ClashChoice | null>,
): Promise<Record<string, Clash>> {
  const clashing = failures.filter((f) => f.code === 'EXISTS').map((f) => f.path)
  const out: Record<string, Clash> = {}
  let forAll: Clash | null = null
  for (let i = 0; i < clashing.length; i++) {
    const path = clashing[i]
    if (forAll !== null) {
      out[path] = forAll
      continue
    }
    const choice = await ask(path, clashing.length - i - 1)
    if (choice === null) {
      forAll = 'skip'
      out[path] = 'skip'
      continue
    }
    out[path] = choice.clash
    if (choice.all) forAll = choice.clash
  }
  return out
}
