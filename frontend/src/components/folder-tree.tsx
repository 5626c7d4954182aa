import {
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react'
import { onFolderChanges, onFolderResync } from '@/api/folder-events'
import { rescan, type Library } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { dropTargetProps } from '@/lib/file-ops-context'
import { FolderTreeStore } from '@/lib/folder-tree-store'
import { FOCUS_RESCAN_INTERVAL_MS } from '@/hooks/use-listing'
import { folderWatches } from '@/lib/folder-watches'
import { containsPath, parentPath } from '@/lib/paths'

export interface FolderTreeProps {
  library: Library
  /** The folder shown in the grid, highlighted in the tree. */
  currentPath: string
  onNavigate: (path: string) => void
}

interface TreeNode {
  path: string
  name: string
  level: number
  expanded: boolean
  /** False once the folder is known to have no subfolders. */
  expandable: boolean
}

/** The watched-folders view of the folder tree. */
const TREE_VIEW = 'tree'

/** Shows the library's subfolders as an ARIA tree, loading each folder as it expands. */
export function FolderTree({ library, currentPath, onNavigate }: FolderTreeProps) {
  const store = useMemo(() => new FolderTreeStore(library.id), [library.id])
  useSyncExternalStore(store.subscribe, store.getVersion)

  // The user's expand and collapse choices; folders without one are open when they contain the
  // current folder.
  const [toggles, setToggles] = useState<ReadonlyMap<string, boolean>>(new Map())
  const [focusPath, setFocusPath] = useState<string | null>(null)
  const treeRef = useRef<HTMLDivElement>(null)

  const isExpanded = (path: string) =>
    toggles.get(path) ?? (path !== currentPath && containsPath(path, currentPath))

  const nodes: TreeNode[] = []
  const pathsToLoad: string[] = ['']
  const walk = (path: string, level: number) => {
    const children = store.get(path)
    if (children?.status !== 'loaded') return
    for (const folder of children.folders) {
      const expanded = isExpanded(folder.path)
      const known = store.get(folder.path)
      const expandable = !(known?.status === 'loaded' && known.folders.length === 0)
      nodes.push({ path: folder.path, name: folder.name, level, expanded, expandable })
      if (expanded) {
        pathsToLoad.push(folder.path)
        walk(folder.path, level + 1)
      }
    }
  }
  walk('', 1)
  const pathsKey = pathsToLoad.join('\u0000')

  useEffect(() => {
    const paths = pathsKey.split('\u0000')
    for (const path of paths) store.load(path)
    // The root and the expanded folders are watched, so the tree follows the disk.
    void folderWatches.set(TREE_VIEW, library.id, paths)
  }, [store, pathsKey, library.id])

  useEffect(() => {
    const offChanges = onFolderChanges((batch) => {
      if (batch.library === library.id) store.applyChanges(batch.folder, batch.changes)
    })
    const offResync = onFolderResync((resync) => {
      if (resync.library === library.id) store.applyResync(resync)
    })
    let lastRescan = 0
    const onFocus = () => {
      if (Date.now() - lastRescan < FOCUS_RESCAN_INTERVAL_MS) return
      lastRescan = Date.now()
      const paths = store.loadedPaths()
      rescan(library.id, paths)
        .catch((err: unknown) => console.warn('Could not read the folders again', err))
        .finally(() => paths.forEach((path) => store.reload(path)))
    }
    window.addEventListener('focus', onFocus)
    return () => {
      offChanges()
      offResync()
      window.removeEventListener('focus', onFocus)
    }
  }, [store, library.id])

  useEffect(() => () => void folderWatches.set(TREE_VIEW, '', []), [])

  const activePath =
    focusPath !== null && nodes.some((n) => n.path === focusPath)
      ? focusPath
      : nodes.some((n) => n.path === currentPath)
        ? currentPath
        : (nodes[0]?.path ?? null)

  useEffect(() => {
    const tree = treeRef.current
    if (!tree || !tree.contains(document.activeElement) || activePath === null) return
    const item = tree.querySelector<HTMLElement>(`[data-path="${CSS.escape(activePath)}"]`)
    item?.focus()
  }, [activePath])

  const setExpanded = (path: string, expanded: boolean) => {
    setToggles((old) => new Map(old).set(path, expanded))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = nodes.findIndex((n) => n.path === activePath)
    if (at < 0) return
    const node = nodes[at]
    let next: string | null = null
    switch (event.key) {
      case 'ArrowDown':
        next = nodes[Math.min(nodes.length - 1, at + 1)].path
        break
      case 'ArrowUp':
        next = nodes[Math.max(0, at - 1)].path
        break
      case 'Home':
        next = nodes[0].path
        break
      case 'End':
        next = nodes[nodes.length - 1].path
        break
      case 'ArrowRight':
        if (node.expandable && !node.expanded) setExpanded(node.path, true)
        else if (node.expanded && nodes[at + 1]?.level === node.level + 1) next = nodes[at + 1].path
        break
      case 'ArrowLeft':
        if (node.expanded) setExpanded(node.path, false)
        else if (node.level > 1) next = parentPath(node.path)
        break
      case 'Enter':
      case ' ':
        onNavigate(node.path)
        break
      default:
        return
    }
    event.preventDefault()
    if (next !== null) setFocusPath(next)
  }

  const root = store.get('')
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-3">
      <div
        ref={treeRef}
        role="tree"
        aria-label={`Folders in ${library.name}`}
        data-testid="folder-tree"
        onKeyDown={onKeyDown}
      >
        {nodes.map((node) => {
          const current = node.path === currentPath
          return (
            <div
              key={node.path}
              role="treeitem"
              aria-level={node.level}
              aria-expanded={node.expandable ? node.expanded : undefined}
              aria-selected={current}
              aria-label={node.name}
              title={node.name}
              data-path={node.path}
              {...dropTargetProps({ library: library.id, path: node.path })}
              tabIndex={node.path === activePath ? 0 : -1}
              onClick={() => {
                setFocusPath(node.path)
                onNavigate(node.path)
              }}
              className={`flex h-7 items-center gap-1 rounded-md pr-2 outline-none focus-visible:ring-2 focus-visible:ring-accent data-[drop-hover=true]:bg-accent/30 data-[drop-hover=true]:ring-2 data-[drop-hover=true]:ring-accent ${
                current ? 'bg-accent/20 text-zinc-50' : 'text-zinc-300 hover:bg-zinc-800/70'
              }`}
              style={{ paddingLeft: 4 + (node.level - 1) * 14 }}
            >
              <span
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation()
                  if (node.expandable) setExpanded(node.path, !node.expanded)
                }}
                className={`flex h-5 w-5 shrink-0 items-center justify-center rounded text-zinc-500 ${
                  node.expandable ? 'hover:bg-zinc-700 hover:text-zinc-200' : 'invisible'
                }`}
              >
                <Icon name={node.expanded ? 'chevron-down' : 'chevron-right'} className="text-xs" />
              </span>
              <Icon
                name="folder"
                className={`text-sm ${current ? 'text-accent-strong' : 'text-accent/60'}`}
              />
              <span className="truncate">{node.name}</span>
            </div>
          )
        })}
      </div>
      {root?.status === 'loaded' && nodes.length === 0 && (
        <p className="px-2 py-1 text-xs text-zinc-400">No subfolders</p>
      )}
      {root?.status === 'error' && (
        <p role="alert" className="px-2 py-1 text-xs text-red-300">
          {root.message}
        </p>
      )}
    </div>
  )
}
