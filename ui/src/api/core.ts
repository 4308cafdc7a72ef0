// The only module that talks to the backend. Everything else imports from `api/`.
//
// Two transports, one API: inside the Tauri window a call is `invoke`; in a browser served by
// `lianxi serve` it is `POST /api/call/<command>` (same names, same arguments, the same
// `{kind, message, fix}` errors). Progress goes over a Tauri channel or the server's event
// stream; file dialogs become an upload (open) or a download (save).
import { Channel, invoke } from '@tauri-apps/api/core'
import { open, save } from '@tauri-apps/plugin-dialog'
import { ApiError, toApiError } from './errors'

declare global {
  interface Window {
    /**
     * Set only by the end-to-end tests, which cannot drive the OS file picker through
     * WebDriver: the path the next file dialog "chooses". Nothing in the app sets it.
     */
    __lianxiDialogAnswer?: string
    __TAURI_INTERNALS__?: unknown
  }
}

/** True inside the desktop window; false in a browser served by `lianxi serve`. */
export const inWindow = (): boolean => typeof window !== 'undefined' && window.__TAURI_INTERNALS__ !== undefined

/** A file the server wrote or shows, as a command's reply may carry it (browser only). */
interface Linked {
  link?: unknown
}

/** Hands a file to the browser: one to show (`?inline=1`: a scan, an attachment, a preview)
 * opens in a new tab, or downloads where the tab is blocked; a written file downloads under
 * its own name, as the reply's message says. */
function deliver(reply: unknown): void {
  if (!reply || typeof reply !== 'object') return
  const { link } = reply as Linked
  if (typeof link !== 'string' || !link.startsWith('/files/')) return
  const [address, query] = link.split('?')
  if (query === 'inline=1' && window.open(link, '_blank')) return
  const a = document.createElement('a')
  a.href = address
  a.download = decodeURIComponent(address.split('/').pop() ?? '')
  document.body.appendChild(a)
  a.click()
  a.remove()
}

async function httpCall<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api/call/${encodeURIComponent(command)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(args ?? {}),
    })
  } catch {
    throw new ApiError('io', '连接不上联席会筹备助手：运行它的命令窗口可能已经关闭。请重新运行 lianxi serve。')
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    if (response.status === 401) {
      throw new ApiError('invalid', '这个页面已经失效：请用 lianxi serve 新给出的地址打开。')
    }
    throw body ?? new ApiError('internal', `操作未能完成（服务器状态 ${response.status}），请重试。`)
  }
  deliver(body)
  return body as T
}

/** Calls a backend command; failures reject with an ApiError. */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return inWindow() ? await invoke<T>(command, args) : await httpCall<T>(command, args)
  } catch (e) {
    throw toApiError(e)
  }
}

// ---- progress ----

const listeners = new Map<string, (report: unknown) => void>()
let events: EventSource | null = null

function listen(): void {
  if (events) return
  events = new EventSource('/api/events')
  events.onmessage = (e: MessageEvent<string>) => {
    try {
      const { to, report } = JSON.parse(e.data) as { to: string; report: unknown }
      listeners.get(to)?.(report)
    } catch {
      // A malformed report only costs a progress bar step.
    }
  }
}

let nextJob = 0

/** Where a command sends its progress: pass it as the command's `onProgress` argument. */
export function progressTo<T>(onProgress: (p: T) => void): unknown {
  if (inWindow()) {
    const ch = new Channel<T>()
    ch.onmessage = onProgress
    return ch
  }
  listen()
  nextJob += 1
  const id = `job-${Date.now()}-${nextJob}`
  listeners.set(id, onProgress as (report: unknown) => void)
  return id
}

// ---- files ----

/** The largest file the browser face accepts (the server's own limit). */
const MAX_UPLOAD = 100 * 1024 * 1024

function accept(filters: { name: string; extensions: string[] }[]): string {
  return filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
}

/** The browser's file picker; null when the user cancels. */
function chooseInBrowser(filters: { name: string; extensions: string[] }[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept(filters)
    input.onchange = () => resolve(input.files?.[0] ?? null)
    input.oncancel = () => resolve(null)
    input.click()
  })
}

/** Sends a picked file to the server; what the commands take for it (`upload:<id>/<name>`). */
async function upload(file: File): Promise<string> {
  if (file.size > MAX_UPLOAD) {
    throw new ApiError('invalid', `文件“${file.name}”太大（超过 100 MB），无法上传。`)
  }
  const response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    body: file,
  })
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    if (response.status === 413) {
      throw new ApiError('invalid', `文件“${file.name}”太大（超过 100 MB），无法上传。`)
    }
    throw toApiError(body)
  }
  return (body as { chosen: string }).chosen
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path

/** The "open file" dialog (an upload in the browser); null when the user cancels. */
export async function pickFile(
  title: string,
  filters: { name: string; extensions: string[] }[],
): Promise<string | null> {
  if (window.__lianxiDialogAnswer !== undefined) return window.__lianxiDialogAnswer
  if (!inWindow()) {
    const file = await chooseInBrowser(filters)
    return file ? upload(file) : null
  }
  const r = await open({ title, multiple: false, directory: false, filters })
  return typeof r === 'string' ? r : null
}

/** The "save file" dialog; in the browser the file downloads under `defaultPath`'s name. */
export async function pickSavePath(
  title: string,
  defaultPath: string,
  filters: { name: string; extensions: string[] }[],
): Promise<string | null> {
  if (window.__lianxiDialogAnswer !== undefined) return window.__lianxiDialogAnswer
  if (!inWindow()) return `download:${baseName(defaultPath)}`
  return (await save({ title, defaultPath, filters })) ?? null
}

/** The "save file" dialog for a paper named `what`: 保存X as a PDF, 导出X（Word） as a .docx. */
export function pickPaperPath(what: string, defaultPath: string, word = false): Promise<string | null> {
  return word
    ? pickSavePath(`导出${what}（Word）`, defaultPath, [{ name: 'Word 文档', extensions: ['docx'] }])
    : pickSavePath(`保存${what}`, defaultPath, [{ name: 'PDF 文件', extensions: ['pdf'] }])
}

/** The "choose folder" dialog; in the browser the files download together as one .zip. */
export async function pickDir(title: string): Promise<string | null> {
  if (window.__lianxiDialogAnswer !== undefined) return window.__lianxiDialogAnswer
  if (!inWindow()) return 'download:联席会文件'
  const r = await open({ title, multiple: false, directory: true })
  return typeof r === 'string' ? r : null
}
