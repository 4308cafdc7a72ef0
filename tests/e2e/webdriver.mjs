// A small W3C WebDriver client for tauri-driver (which forwards to WebKitWebDriver) and for
// chromedriver (the browser face), plus helpers to start the real app on a throw-away data
// folder. No dependencies beyond Node.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process'
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'
export const ROOT = resolve(import.meta.dirname, '../..')
export const APP = process.env.LIANXI_E2E_APP ?? join(ROOT, 'target/debug/lianxi-desktop')
export const CLI = process.env.LIANXI_E2E_CLI ?? join(ROOT, 'target/debug/lianxi')
export const ARTIFACTS = join(ROOT, 'tests/e2e/.artifacts')

/** `YYYY-MM-DD` of a local date, as the CLI takes it. */
export const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/** A small street's three member units, as an office's roster sends them. */
export const JINSHA_ROSTER = [
  '单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话',
  '金沙滩小学,学校,金沙社区,学校分会,陈校长,吴老师,13805320101',
  '银沙滩医院,医疗卫生,银沙社区,卫生分会,郑院长,冯主任,13805320102',
  '金沙湾邮政支局,企业,金沙社区,企业分会,褚局长,卫主任,13805320103',
].join('\n')

/** The CLI on the database of `dataDir`: `cli('meeting', 'list')` → its output. */
export const cliOn = (dataDir) => (...args) =>
  execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), ...args], { encoding: 'utf8' })

/** The text of every QR code zbarimg reads on the pages of `pdf`, by the unit each page names. */
export function codesOnPaper(pdf, dir, units) {
  execFileSync('pdftoppm', ['-r', '150', '-png', pdf, join(dir, 'page')])
  const found = new Map()
  for (const png of readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'))) {
    const n = Number(png.match(/(\d+)\.png$/)[1])
    const text = execFileSync('pdftotext', ['-f', String(n), '-l', String(n), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    // zbarimg exits 4 on a page without a code.
    const read = spawnSync('zbarimg', ['-q', '--raw', join(dir, png)], { encoding: 'utf8' })
    const code = read.stdout.trim()
    if (!code) continue
    const unit = units.find((u) => text.includes(`${u}：`))
    assert.ok(unit, `the page with a code names its unit: ${text}`)
    found.set(unit, code)
  }
  return found
}

/**
 * Sets up the 金沙街道 in the EMPTY database of `dataDir` through the CLI: the street's
 * details and the roster of [`JINSHA_ROSTER`]. Returns the CLI on that database.
 */
export function jinshaStreet(dataDir) {
  const cli = cliOn(dataDir)
  cli('street', 'set', '--name', '金沙街道办事处', '--party-org', '中共金沙街道工作委员会', '--leader', '王海', '--contact', '李青', '--phone', '0532-82860001')
  const roster = join(dataDir, '名册.csv')
  writeFileSync(roster, JINSHA_ROSTER + '\n')
  cli('roster', 'import', roster)
  return cli
}

/** A fresh data folder for one test; the user's own app-data folder is never used. */
export function tempDataDir() {
  return mkdtempSync(join(tmpdir(), 'lianxi-e2e-'))
}

/** Starts tauri-driver on a free port with LIANXI_DATA_DIR pointing at `dataDir`. */
export async function startDriver(dataDir) {
  const port = 4444 + Math.floor(Math.random() * 1000)
  const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1000)], {
    // The database goes to LIANXI_DATA_DIR; the webview's own cache and storage (which
    // WebKit keeps in the XDG folders) go beside it, so the user's folders stay untouched.
    env: {
      ...process.env,
      LIANXI_DATA_DIR: dataDir,
      // Printed PDFs are written but not opened in a viewer on the test display.
      LIANXI_NO_OPEN: '1',
      XDG_DATA_HOME: join(dataDir, 'xdg-data'),
      XDG_CACHE_HOME: join(dataDir, 'xdg-cache'),
      XDG_CONFIG_HOME: join(dataDir, 'xdg-config'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group, so stopping it also ends WebKitWebDriver and the app.
    detached: true,
  })
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      /* already gone */
    }
  }
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/status`)
      if (r.ok) return { url, stop }
    } catch {
      /* not up yet */
    }
    await sleep(100)
  }
  stop()
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

  /** Runs `script` (a function body; `arguments` are `args`) in the page; what it returns. */
  async execute(script, ...args) {
    return rpc('POST', `${this.base}/execute/sync`, { script, args })
  }

  /** Goes to `url` (WebDriver's navigation: a browser's address bar). */
  async open(url) {
    await rpc('POST', `${this.base}/url`, { url })
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
          last = await this.textContent(id)
          if (shown && (text === undefined || last.includes(text))) return id
        }
      } catch {
        /* page still loading */
      }
      await sleep(150)
    }
    await this.saveScreenshot(`failed-wait-${css.replace(/[^a-z-]/gi, '')}.png`).catch(() => undefined)
    throw new Error(`timed out waiting for ${css}${text ? ` with “${text}”` : ''} (last text: “${last}”)`)
  }

  /** The element's whole text (textContent: also the cells a virtual table scrolls off). */
  async textContent(id) {
    return rpc('POST', `${this.base}/execute/sync`, {
      script: 'return arguments[0].textContent',
      args: [{ [ELEMENT]: id }],
    })
  }

  /** Waits (up to 2 s) until no dialog or dropdown is zooming in or out. */
  async settle() {
    const until = Date.now() + 2000
    while (Date.now() < until) {
      const moving = await rpc('POST', `${this.base}/execute/sync`, {
        script:
          "return document.querySelector('[class*=\"-enter-active\"], [class*=\"-leave-active\"]') !== null",
        args: [],
      }).catch(() => false)
      if (!moving) return
      await sleep(50)
    }
  }

  /** Clicks `css`, retrying while a closing dialog or a message still covers it. */
  async click(css, opts) {
    const until = Date.now() + 10000
    for (;;) {
      const id = await this.waitFor(css, opts)
      // A click while a dialog is still zooming in lands where the element is going to be.
      await this.settle()
      try {
        await rpc('POST', `${this.base}/element/${id}/click`, {})
        return
      } catch (e) {
        if (Date.now() > until || !String(e).includes('intercepted')) {
          await this.saveScreenshot(`failed-click-${css.replace(/[^a-z-]/gi, '')}.png`)
          throw e
        }
        await sleep(200)
      }
    }
  }

  async type(css, text) {
    const id = await this.waitFor(css)
    await rpc('POST', `${this.base}/element/${id}/clear`, {})
    await rpc('POST', `${this.base}/element/${id}/value`, { text })
  }

  /** The current value of an input. */
  async value(css) {
    const id = await this.waitFor(css)
    return rpc('POST', `${this.base}/execute/sync`, {
      script: 'return arguments[0].value',
      args: [{ [ELEMENT]: id }],
    })
  }

  /** Whether `css` matches a displayed element right now (no waiting). */
  async shown(css) {
    for (const id of await this.findAll(css)) {
      if (await rpc('GET', `${this.base}/element/${id}/displayed`)) return true
    }
    return false
  }

  async text(css) {
    return this.textContent(await this.waitFor(css))
  }

  /**
   * Sets an input's value as if typed. WebDriver's key input drops characters outside the
   * Basic Multilingual Plane (𠮷), which a real user enters through the input method.
   */
  async setValue(css, text) {
    const id = await this.waitFor(css)
    await rpc('POST', `${this.base}/execute/sync`, {
      script:
        'const el = arguments[0]; el.focus(); el.value = arguments[1];' +
        "el.dispatchEvent(new Event('input', { bubbles: true })); el.blur();",
      args: [{ [ELEMENT]: id }, text],
    })
  }

  /**
   * Sets an Element Plus checkbox to `checked`, clicking until it shows that state: a click
   * while its dialog is still zooming in can land beside it.
   */
  async setChecked(css, checked) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const id = await this.waitFor(css)
      const cls = await rpc('POST', `${this.base}/execute/sync`, {
        script: 'return arguments[0].className',
        args: [{ [ELEMENT]: id }],
      })
      if (/\bis-checked\b/.test(cls) === checked) return
      await this.click(css)
      await sleep(300)
    }
    throw new Error(`${css} did not become ${checked ? 'checked' : 'unchecked'}`)
  }

  /** Scrolls the element into the middle of the view (dropdowns then open on screen). */
  async scrollTo(css) {
    const id = await this.waitFor(css)
    await rpc('POST', `${this.base}/execute/sync`, {
      script: "arguments[0].scrollIntoView({ block: 'center' })",
      args: [{ [ELEMENT]: id }],
    })
  }

  /**
   * Chooses `option` in the Element Plus select `css`, typing `search` into it first if given,
   * and waits until the select shows `shows` (the option's text unless told). A click can land
   * while the filtered list is being redrawn, or on another select's dropdown still fading out,
   * and be lost, or the click meant to open the dropdown can be; then the choice is made again,
   * as a user would. Clicking an open filterable select keeps it open, so a multiple select can
   * be picked into one option after another.
   */
  async pick(css, option, { search, shows = option } = {}) {
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.click(css)
      if (search !== undefined) await this.type(`${css} input`, search)
      try {
        await this.chooseOption(option)
      } catch (e) {
        // The click that should have opened the dropdown was lost: open it again.
        if (attempt === 2 || !String(e.message ?? e).startsWith('no visible option')) {
          await this.saveScreenshot(`failed-pick-${css.replace(/[^a-z-]/gi, '')}.png`).catch(() => undefined)
          throw e
        }
        continue
      }
      for (let k = 0; k < 10; k++) {
        if ((await this.text(css)).includes(shows)) return
        await sleep(200)
      }
    }
    await this.saveScreenshot(`failed-pick-${css.replace(/[^a-z-]/gi, '')}.png`).catch(() => undefined)
    throw new Error(`${css} did not take “${option}” (it shows “${await this.text(css)}”)`)
  }

  /** Clicks the visible option `text` of the open Element Plus select dropdown. */
  async chooseOption(text) {
    const until = Date.now() + 10000
    while (Date.now() < until) {
      // Newest dropdown first: a select's dropdown is added to the page when it first opens.
      for (const id of (await this.findAll('.el-select-dropdown__item')).reverse()) {
        const shown = await rpc('GET', `${this.base}/element/${id}/displayed`)
        if (shown && (await this.textContent(id)).trim() === text) {
          try {
            await rpc('POST', `${this.base}/element/${id}/click`, {})
            return
          } catch (e) {
            // A dropdown still sliding in, or another select's closed dropdown listing the
            // same option: look again.
            if (!/intercepted|not interactable/.test(String(e.message ?? e))) throw e
          }
        }
      }
      await sleep(150)
    }
    throw new Error(`no visible option “${text}”`)
  }

  /**
   * Makes the next file dialogs return `path`. The OS file picker cannot be driven through
   * WebDriver (and Tauri's invoke cannot be wrapped), so the app's api layer reads this answer
   * before opening the native dialog; every backend call stays real.
   */
  async answerFileDialogWith(path) {
    await rpc('POST', `${this.base}/execute/sync`, {
      script: 'window.__lianxiDialogAnswer = arguments[0]',
      args: [path],
    })
  }

  /**
   * Presses `button`, which opens a file dialog, with the dialog answered `path` beforehand
   * (a file to read, or where to save). With `result`, then waits until it shows `text` (the
   * path itself unless told otherwise). Returns `path`.
   */
  async pressWithFile(button, path, result, { text = path, timeout } = {}) {
    await this.answerFileDialogWith(path)
    await this.click(button)
    if (result) await this.waitFor(result, { text, timeout })
    return path
  }

  /** On a meeting's page: 邀请与回执 → 邀请 → 全部在册单位, saved, and the counts show all `n`. */
  async inviteEveryUnit(n) {
    await this.click('#tab-invite')
    await this.click('[data-test="invite-open"]')
    await this.click('[data-test="invite-by-all"]')
    await this.click('[data-test="invite-save"]', { text: `邀请 ${n} 家单位` })
    await this.waitFor('[data-test="invite-counts"]', { text: `成员单位 ${n} 家` })
  }

  /** The roster import's last step: 确认导入, the result shows 导入完成, and the wizard closes. */
  async commitRosterImport() {
    await this.click('[data-test="import-commit"]')
    await this.waitFor('[data-test="import-result"]', { text: '导入完成' })
    await this.click('[data-test="import-close"]')
  }

  /** A screenshot of the window once the page has settled (`wait` ms), into the artifacts. */
  async shot(name, wait = 500) {
    await sleep(wait)
    await this.saveScreenshot(name)
  }

  async saveScreenshot(name) {
    mkdirSync(ARTIFACTS, { recursive: true })
    writeFileSync(join(ARTIFACTS, name), await this.screenshot())
  }

  /**
   * A PNG of the X display the app runs on (Xvfb: the app's window fills it). Not WebDriver's
   * screenshot call: WebKitWebDriver answers it after the page's next paint, and the app's
   * webview paints without GPU compositing (src-tauri/src/webview.rs), where a page that
   * stands still is not painted again, so the call waits until something on the page moves.
   */
  async screenshot() {
    const { stdout } = await execFileAsync('import', ['-window', 'root', 'png:-'], {
      encoding: 'buffer',
      maxBuffer: 64 << 20,
    })
    return stdout
  }
}

/**
 * Debian's Chromium through chromedriver: headless, no network beyond this machine, a fresh
 * profile in `profile` whose downloads go to `downloads`, a window of `width` × `height`.
 * Returns the WebDriver session's base address and how to stop it.
 */
export async function startChromium(profile, downloads, { width = 1280, height = 800 } = {}) {
  const port = 9515 + Math.floor(Math.random() * 1000)
  const driver = spawn('chromedriver', [`--port=${port}`], { stdio: 'ignore', detached: true })
  const stop = () => {
    try {
      process.kill(-driver.pid, 'SIGKILL')
    } catch {
      /* already gone */
    }
  }
  const driverUrl = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${driverUrl}/status`)).ok) break
    } catch {
      /* not up yet */
    }
    if (i > 100) {
      stop()
      throw new Error('chromedriver did not start')
    }
    await sleep(100)
  }
  let value
  try {
    value = await rpc('POST', `${driverUrl}/session`, {
      capabilities: {
        alwaysMatch: {
          'goog:chromeOptions': {
            binary: '/usr/bin/chromium',
            args: [
              '--headless=new',
              '--no-sandbox',
              '--disable-gpu',
              '--disable-quic',
              '--no-first-run',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
              `--window-size=${width},${height}`,
              `--user-data-dir=${profile}`,
            ],
            prefs: {
              'download.default_directory': downloads,
              'download.prompt_for_download': false,
              // A PDF the app opens in a tab is saved instead, so the test can read it.
              'plugins.always_open_pdf_externally': true,
            },
          },
        },
      },
    })
  } catch (e) {
    stop()
    throw e
  }
  return { base: `${driverUrl}/session/${value.sessionId}`, stop }
}

/**
 * The browser face: `lianxi serve` on `dataDir` and Debian's Chromium through chromedriver
 * (headless, no network, a fresh profile whose downloads go to `downloads`). The first line
 * `lianxi serve` prints is the address with the run's token.
 */
export async function startBrowser(dataDir, downloads) {
  const server = spawn(CLI, ['serve', '--no-open', '--port', '0', '--db', join(dataDir, 'lianxi.sqlite3')], {
    env: { ...process.env, LIANXI_NO_OPEN: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await new Promise((res, rej) => {
    let buf = ''
    server.stdout.on('data', (d) => {
      buf += d
      const nl = buf.indexOf('\n')
      if (nl >= 0) res(buf.slice(0, nl).trim())
    })
    server.once('exit', (code) => rej(new Error(`lianxi serve ended (${code})`)))
  })
  let chromium
  try {
    chromium = await startChromium(join(dataDir, 'chromium'), downloads)
  } catch (e) {
    server.kill('SIGTERM')
    throw e
  }
  const stop = () => {
    chromium.stop()
    server.kill('SIGTERM')
  }
  const app = new BrowserApp(chromium.base, url)
  await app.open(url)
  await app.waitFor('.el-menu')
  return { app, stop, url }
}

/** The app in Chromium: screenshots through WebDriver, files picked by uploading them. */
export class BrowserApp extends App {
  constructor(base, url) {
    super(base)
    this.origin = new URL(url).origin
    this.token = new URL(url).searchParams.get('token')
  }

  async screenshot() {
    return Buffer.from(await rpc('GET', `${this.base}/screenshot`), 'base64')
  }

  /**
   * Makes the next file dialog "pick" the local file `path`: it is uploaded the way the page
   * uploads (`POST /api/upload`, the run's token as the page's cookie carries it), and the
   * dialog answers with what the upload returned.
   */
  async answerFileDialogWithUpload(path) {
    const r = await fetch(`${this.origin}/api/upload?name=${encodeURIComponent(basename(path))}`, {
      method: 'POST',
      headers: { cookie: `lianxi_token=${this.token}`, origin: this.origin },
      body: readFileSync(path),
    })
    assert.ok(r.ok, `upload refused: ${r.status}`)
    await this.answerFileDialogWith((await r.json()).chosen)
  }
}

/** Waits until the browser has finished downloading `name` into `dir`; its path. */
export async function downloaded(dir, name, timeout = 60000) {
  const until = Date.now() + timeout
  while (Date.now() < until) {
    const path = join(dir, name)
    if (existsSync(path) && !existsSync(`${path}.crdownload`)) return path
    await sleep(200)
  }
  throw new Error(`${name} was not downloaded into ${dir}: ${readdirSync(dir).join(', ')}`)
}
