// The only module that talks to the Tauri backend. Everything else imports from `api/`.
import { invoke } from '@tauri-apps/api/core'
import { open, save } from '@tauri-apps/plugin-dialog'
import { toApiError } from './errors'

/** Calls a backend command; failures reject with an ApiError. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args)
  } catch (e) {
    throw toApiError(e)
  }
}

declare global {
  interface Window {
    /**
     * Set only by the end-to-end tests, which cannot drive the OS file picker through
     * WebDriver: the path the next file dialog "chooses". Nothing in the app sets it.
     */
    __lianxiDialogAnswer?: string
  }
}

/** The native "open file" dialog; null when the user cancels. */
export async function pickFile(
  title: string,
  filters: { name: string; extensions: string[] }[],
): Promise<string | null> {
  if (window.__lianxiDialogAnswer !== undefined) return window.__lianxiDialogAnswer
  const r = await open({ title, multiple: false, directory: false, filters })
  return typeof r === 'string' ? r : null
}

/** The native "save file" dialog; null when the user cancels. */
export async function pickSavePath(
  title: string,
  defaultPath: string,
  filters: { name: string; extensions: string[] }[],
): Promise<string | null> {
  if (window.__lianxiDialogAnswer !== undefined) return window.__lianxiDialogAnswer
  return (await save({ title, defaultPath, filters })) ?? null
}

/** The native "choose folder" dialog; null when the user cancels. */
export async function pickDir(title: string): Promise<string | null> {
  if (window.__lianxiDialogAnswer !== undefined) return window.__lianxiDialogAnswer
  const r = await open({ title, multiple: false, directory: true })
  return typeof r === 'string' ? r : null
}
