// Scroll offsets of the folders visited in this session, so going back to a folder shows the
// same place. Kept in memory only: a restart opens folders at the top.
const offsets = new Map<string, number>()

export function rememberScroll(key: string, offset: number): void {
  offsets.set(key, offset)
}

export function recalledScroll(key: string): number {
  return offsets.get(key) ?? 0
}

/** Forgets every offset. Tests call it because they reuse one folder key. */
export function forgetScrollOffsets(): void {
  offsets.clear()
}
