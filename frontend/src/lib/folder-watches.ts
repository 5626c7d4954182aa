import { watchFolders } from '@/api/gallery'

interface WatchedSet {
  library: string
  paths: string[]
}

function keyOf(set: WatchedSet): string {
  return [set.library, ...set.paths].join('\u0000')
}

/**
 * The folders each part of the window shows. They are sent to Go one call at a time, so a close
 * and the next open cannot overtake each other. Calls made in the same tick are merged, and only
 * the latest set of each view is sent.
 */
export class FolderWatches {
  private readonly send: typeof watchFolders
  private readonly wanted = new Map<string, WatchedSet>()
  private readonly sent = new Map<string, string>()
  private sending: Promise<void> | null = null

  constructor(send = watchFolders) {
    this.send = send
  }

  /** Makes paths of library the folders view shows; resolves once Go watches them. */
  set(view: string, library: string, paths: readonly string[]): Promise<void> {
    this.wanted.set(view, { library, paths: library === '' ? [] : [...paths] })
    this.sending ??= this.run().finally(() => {
      this.sending = null
    })
    return this.sending
  }

  private async run(): Promise<void> {
    await Promise.resolve()
    for (;;) {
      const next = [...this.wanted].find(([view, set]) => this.sent.get(view) !== keyOf(set))
      if (!next) return
      const [view, set] = next
      this.sent.set(view, keyOf(set))
      try {
        await this.send(view, set.library, set.paths)
      } catch (err) {
        // The listing still works without live updates; the next set tries again.
        this.sent.delete(view)
        console.warn(`Could not watch the folders of ${view}`, err)
        return
      }
    }
  }
}

/** The window's folder watches. */
export const folderWatches = new FolderWatches()
