// The only module that imports the generated Settings bindings, so tests can mock it as a whole.
// The bindings return plain JSON objects; these functions narrow them to the types below.
import * as ApiBindings from '../../wailsjs/go/app/API'
import * as Settings from '../../wailsjs/go/app/Settings'
import type { api, settings } from '../../wailsjs/go/models'

export type Signer = 'sha1' | 'sha256' | 'sha512'

export const SIGNERS: readonly Signer[] = ['sha1', 'sha256', 'sha512']

/** A library that an imagor server serves, under pathPrefix in the server's storage. */
export interface ProfileLibrary {
  library: string
  pathPrefix: string
}

/** An imagor server that URLs are made for. The secret never comes back from Go. */
export interface Profile {
  id: string
  name: string
  baseUrl: string
  signer: Signer
  /** Length the signature is cut to, or 0 to keep it whole. */
  truncate: number
  escapesNames: boolean
  rendersPreviews: boolean
  secretSet: boolean
  libraries: ProfileLibrary[]
}

/**
 * A profile to save. An empty id creates a new profile. secret null keeps the stored secret,
 * "" clears it and any other value replaces it.
 */
export interface ProfileInput {
  id: string
  name: string
  baseUrl: string
  secret: string | null
  signer: Signer
  truncate: number
  escapesNames: boolean
  rendersPreviews: boolean
  libraries: ProfileLibrary[]
}

export interface KeyStatus {
  /** Store of the key that seals saved secrets: the OS keychain or a file. */
  source: 'keychain' | 'file'
  /** Set when the OS keychain was not available and the key went to a file instead. */
  warning: string
}

export interface About {
  app: string
  imagor: string
  vips: string
  go: string
  platform: string
  /** Set when the engine could not be asked for its versions. */
  error: string
}

export function isSigner(value: unknown): value is Signer {
  return typeof value === 'string' && (SIGNERS as readonly string[]).includes(value)
}

function toProfile(p: settings.Profile): Profile {
  return {
    id: p.id,
    name: p.name,
    baseUrl: p.baseUrl,
    signer: isSigner(p.signer) ? p.signer : 'sha1',
    truncate: p.truncate ?? 0,
    escapesNames: p.escapesNames ?? false,
    rendersPreviews: p.rendersPreviews ?? false,
    secretSet: p.secretSet ?? false,
    libraries: (p.libraries ?? []).map((l) => ({ library: l.library, pathPrefix: l.pathPrefix })),
  }
}

export async function profiles(): Promise<Profile[]> {
  return ((await Settings.Profiles()) ?? []).map(toProfile)
}

/** Saves a profile and resolves to it as stored. Rejects with a message for the user. */
export async function saveProfile(input: ProfileInput): Promise<Profile> {
  // Go reads a JSON null as "keep the stored secret". The generated class types the field as
  // string | undefined, so the null goes through a cast.
  const payload = { ...input } as unknown as settings.ProfileInput
  return toProfile(await Settings.SaveProfile(payload))
}

export async function deleteProfile(id: string): Promise<void> {
  await Settings.DeleteProfile(id)
}

/** Returns the stored UI preferences, each as JSON text under its key. */
export async function preferences(): Promise<Record<string, string>> {
  return (await Settings.Preferences()) ?? {}
}

/** Stores one UI preference, whose value is JSON text. */
export async function setPreference(key: string, value: string): Promise<void> {
  await Settings.SetPreference(key, value)
}

export async function keyStatus(): Promise<KeyStatus> {
  const status = await Settings.KeyStatus()
  return {
    source: status.source === 'keychain' ? 'keychain' : 'file',
    warning: status.warning ?? '',
  }
}

export async function about(): Promise<About> {
  const info = await Settings.About()
  return {
    app: info.app ?? '',
    imagor: info.imagor ?? '',
    vips: info.vips ?? '',
    go: info.go ?? '',
    platform: info.platform ?? '',
    error: info.error ?? '',
  }
}

/** Whether a profile's server renders a library's previews, or why the local engine does. */
export interface RemoteStatus {
  library: string
  baseUrl: string
  ok: boolean
  reason: string
  fallback: number
}

export async function remoteStatus(): Promise<RemoteStatus[]> {
  const statuses = (await Settings.RemoteStatus()) ?? []
  return statuses.map((s) => ({
    library: s.library ?? '',
    baseUrl: s.baseUrl ?? '',
    ok: Boolean(s.ok),
    reason: s.reason ?? '',
    fallback: s.fallback ?? 0,
  }))
}

/** The loopback GraphQL API of the app, as the settings page shows it. */
export interface ApiStatus {
  /** The stored switch, or true when --api turned it on for this run. */
  enabled: boolean
  running: boolean
  /** The stored loopback port. */
  port: number
  /** http://127.0.0.1:PORT/graphql while running, else "". */
  url: string
  token: string
  /** The reason the server is not running although enabled, such as a port in use. */
  error: string
  /** Set when the command line decides the switch or the address for this run. */
  override: string
}

function toApiStatus(s: api.Status): ApiStatus {
  return {
    enabled: Boolean(s.enabled),
    running: Boolean(s.running),
    port: s.port ?? 0,
    url: s.url ?? '',
    token: s.token ?? '',
    error: s.error ?? '',
    override: s.override ?? '',
  }
}

export async function apiStatus(): Promise<ApiStatus> {
  return toApiStatus(await ApiBindings.Status())
}

/** Turns the API on or off and remembers the choice. */
export async function setApiEnabled(enabled: boolean): Promise<ApiStatus> {
  return toApiStatus(await ApiBindings.SetEnabled(enabled))
}

/** Stores the API's port (1024 to 65535) and moves a running server there. */
export async function setApiPort(port: number): Promise<ApiStatus> {
  return toApiStatus(await ApiBindings.SetPort(port))
}

/** Replaces the API token; scripts holding the old one are refused from then on. */
export async function rotateApiToken(): Promise<ApiStatus> {
  return toApiStatus(await ApiBindings.RotateToken())
}

/** The event Go emits when the libraries change outside the window's own calls (the API). */
export const LIBRARIES_CHANGED_EVENT = 'libraries-changed'
