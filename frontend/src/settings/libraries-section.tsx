import { useState } from 'react'
import { chooseFolder, errorMessage, moveLibrary, renameLibrary, type Library } from '@/api/gallery'
import { Icon } from '@/components/icon'
import { RemoveLibraryDialog } from '@/settings/remove-library-dialog'
import { S3Form } from '@/settings/s3-form'
import { SettingsSection } from '@/settings/settings-section'
import { BUTTON_CLASS, DANGER_BUTTON_CLASS, ERROR_TEXT_CLASS } from '@/settings/styles'

export interface LibrariesSectionProps {
  libraries: Library[]
  /** Removes the library (already confirmed) and refreshes the app's list. */
  onRemove: (library: Library) => Promise<void>
  /** Refreshes the app's library list after one was added here. */
  onAdded: (library: Library) => Promise<void>
}

/** Lists the open libraries, and adds folders and S3 buckets or removes them. */
export function LibrariesSection({ libraries, onRemove, onAdded }: LibrariesSectionProps) {
  const [addingS3, setAddingS3] = useState(false)
  const [removing, setRemoving] = useState<Library | null>(null)
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null)
  const [error, setError] = useState('')

  const run = (action: Promise<void>) => {
    setError('')
    action.catch((err: unknown) => setError(errorMessage(err)))
  }

  const addFolder = () => {
    run(
      chooseFolder().then(async (library) => {
        if (library) await onAdded(library)
      }),
    )
  }

  const saveName = (library: Library, name: string) => {
    setRenaming(null)
    if (name.trim() === '' || name === library.name) return
    run(renameLibrary(library.id, name).then(onAdded))
  }

  const move = (library: Library, index: number) => {
    run(moveLibrary(library.id, index).then(() => onAdded(library)))
  }

  const confirmRemove = (library: Library) => {
    setRemoving(null)
    run(onRemove(library))
  }

  return (
    <SettingsSection
      title="Libraries"
      description="The folders and S3 buckets shown in the sidebar. Removing a library only closes it here: its files are not touched."
      actions={
        <>
          <button type="button" onClick={addFolder} className={BUTTON_CLASS}>
            <Icon name="folder-plus" />
            Add folder…
          </button>
          <button
            type="button"
            data-testid="add-s3"
            aria-expanded={addingS3}
            onClick={() => setAddingS3(true)}
            className={BUTTON_CLASS}
          >
            <Icon name="cloud" />
            Add S3 bucket…
          </button>
        </>
      }
    >
      {error && (
        <p role="alert" className={ERROR_TEXT_CLASS}>
          {error}
        </p>
      )}

      {addingS3 && (
        <S3Form
          onCancel={() => setAddingS3(false)}
          onAdded={(library) => {
            setAddingS3(false)
            run(onAdded(library))
          }}
        />
      )}

      {libraries.length === 0 ? (
        <p className="text-zinc-400">No library is open yet.</p>
      ) : (
        <ul
          aria-label="Open libraries"
          className="divide-y divide-zinc-800 rounded-lg border border-zinc-800"
        >
          {libraries.map((library, index) => (
            <li
              key={library.id}
              data-testid="library-row"
              data-kind={library.kind}
              className="flex items-center gap-3 px-3 py-2.5"
            >
              <Icon
                name={library.kind === 's3' ? 'cloud' : 'folder-outline'}
                className="text-lg text-accent"
              />
              <div className="min-w-0 flex-1">
                {renaming?.id === library.id ? (
                  <input
                    aria-label={`New name for ${library.name}`}
                    data-testid="library-name-input"
                    value={renaming.name}
                    autoFocus
                    onChange={(event) => setRenaming({ id: library.id, name: event.target.value })}
                    onBlur={() => saveName(library, renaming.name)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') saveName(library, renaming.name)
                      if (event.key === 'Escape') {
                        event.stopPropagation()
                        setRenaming(null)
                      }
                    }}
                    className="w-full rounded border border-zinc-700 bg-zinc-950 px-2 py-1 text-zinc-100"
                  />
                ) : (
                  <p className="truncate font-medium text-zinc-100">{library.name}</p>
                )}
                <p className="truncate text-xs text-zinc-400 select-text" title={library.path}>
                  <span className="sr-only">
                    {library.kind === 's3' ? 'S3 bucket: ' : 'Folder: '}
                  </span>
                  {library.path}
                </p>
              </div>
              <button
                type="button"
                aria-label={`Rename ${library.name}`}
                onClick={() => setRenaming({ id: library.id, name: library.name })}
                className={BUTTON_CLASS}
              >
                <Icon name="pencil" />
              </button>
              <button
                type="button"
                aria-label={`Move ${library.name} up`}
                disabled={index === 0}
                onClick={() => move(library, index - 1)}
                className={BUTTON_CLASS}
              >
                <Icon name="chevron-down" className="rotate-180" />
              </button>
              <button
                type="button"
                aria-label={`Move ${library.name} down`}
                disabled={index === libraries.length - 1}
                onClick={() => move(library, index + 1)}
                className={BUTTON_CLASS}
              >
                <Icon name="chevron-down" />
              </button>
              <button
                type="button"
                aria-label={`Remove ${library.name}`}
                onClick={() => setRemoving(library)}
                className={DANGER_BUTTON_CLASS}
              >
                <Icon name="trash" />
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}

      {removing && (
        <RemoveLibraryDialog
          library={removing}
          onConfirm={() => confirmRemove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
    </SettingsSection>
  )
}
