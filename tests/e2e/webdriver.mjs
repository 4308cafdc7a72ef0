// A small W3C WebDriver client for tauri-driver (which forwards to WebKitWebDriver), plus
// helpers to start the real app on a throw-away data folder. No dependencies beyond Node.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'
export const ROOT = resolve(import.meta.dirname, '../..')
export const APP = process.env.LIANXI_E2E_APP ?? join(ROOT, 'target/debug/lianxi-desktop')
export const CLI = join(ROOT, 'target/debug/lianxi')

/** A fresh data folder for one test; the user's own app-data folder is never used. */
export function tempDataDir() {
  return mkdtempSync(join(tmpdir(), 'lianxi-e2e-'))
}

/** Starts tauri-driver on a free port with LIANXI_DATA_DIR pointing at `dataDir`. */
export async function startDriver(dataDir) {
  const port = 4444 + Math.floor(Math.random() * 1000)
  const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1000)], {
    env: { ...process.env, LIANXI_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/status`)
      if (r.ok) return { url, stop: () => child.kill('SIGTERM') }
    } catch {
      /* not up yet */
    }
    await sleep(100)
  }
  child.kill('SIGKILL')
  throw new Error('tauri-driver did not start')
}

async function rpc(method, url, body) {
  const r = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await r.json()
  if (!r.ok || (json.value && json.value.error)) {
    throw new Error(`${method} ${url}: ${JSON.stringify(json.value ?? json)}`)
  }
  return json.value
}

/** One running instance of the app, driven through WebDriver. */
export class App {
  static async start(driverUrl) {
    const value = await rpc('POST', `${driverUrl}/session`, {
      capabilities: { alwaysMatch: { 'tauri:options': { application: APP } } },
    })
    const app = new App(`${driverUrl}/session/${value.sessionId}`)
    await app.waitFor('.el-menu')
    return app
  }

  constructor(base) {
    this.base = base
  }

  async quit() {
    await rpc('DELETE', this.base)
  }

  async find(css) {
    const v = await rpc('POST', `${this.base}/element`, { using: 'css selector', value: css })
    return v[ELEMENT]
  }

  async findAll(css) {
    const v = await rpc('POST', `${this.base}/elements`, { using: 'css selector', value: css })
    return v.map((e) => e[ELEMENT])
  }

  /** Waits until `css` matches a displayed element (and, if given, its text contains `text`). */
  async waitFor(css, { text, timeout = 15000 } = {}) {
    const until = Date.now() + timeout
    let last = ''
    while (Date.now() < until) {
      try {
        for (const id of await this.findAll(css)) {
          const shown = await rpc('GET', `${this.base}/element/${id}/displayed`)
          last = await rpc('GET', `${this.base}/element/${id}/text`)
          if (shown && (text === undefined || last.includes(text))) return id
        }
      } catch {
        /* page still loading */
      }
      await sleep(150)
    }
    throw new Error(`timed out waiting for ${css}${text ? ` with “${text}”` : ''} (last text: “${last}”)`)
  }

  async click(css, opts) {
    const id = await this.waitFor(css, opts)
    await rpc('POST', `${this.base}/element/${id}/click`, {})
  }

  async type(css, text) {
    const id = await this.waitFor(css)
    await rpc('POST', `${this.base}/element/${id}/clear`, {})
    await rpc('POST', `${this.base}/element/${id}/value`, { text })
  }

  async text(css) {
    return rpc('GET', `${this.base}/element/${await this.waitFor(css)}/text`)
  }

  async screenshot() {
    return Buffer.from(await rpc('GET', `${this.base}/screenshot`), 'base64')
  }
}
