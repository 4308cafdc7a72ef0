// App weight benchmark (run through scripts/bench-app.sh, which provides the X display).
//
// 1. Start time: starts the release app N times on a fresh data folder (and N times more on
//    the same folder, as on an ordinary day) and reads the marks the shell and the UI write
//    to $LIANXI_BENCH_MARKS (src-tauri/src/startup.rs, ui/src/lib/startup.ts). "ui-ready"
//    is taken on the second animation frame after the first screen and the shell's data are
//    there, i.e. the window is painted and answers clicks.
// 2. Memory: loads the demo with the CLI, drives every screen through tauri-driver (the e2e
//    harness), then reads the proportional set size (Pss) of the app's processes from
//    /proc/PID/smaps_rollup.
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const ROOT = resolve(import.meta.dirname, '..')
const TARGET = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target')
const APP = process.env.LIANXI_BENCH_APP ?? join(TARGET, 'release/lianxi-desktop')
const CLI = process.env.LIANXI_BENCH_CLI ?? join(TARGET, 'release/lianxi')
const RUNS = Number(process.env.LIANXI_BENCH_RUNS ?? 3)
const SHOTS = process.env.LIANXI_BENCH_SHOTS // a folder: one screenshot per screen
const DIST = process.env.LIANXI_BENCH_DIST ?? join(ROOT, 'ui/dist') // the bundle the app embeds
const PARTS = (process.env.LIANXI_BENCH_PARTS ?? 'start,memory').split(',')

for (const bin of [APP, CLI]) {
  if (!existsSync(bin)) {
    console.error(`missing ${bin}: build it first (see scripts/bench-app.sh)`)
    process.exit(2)
  }
}

/** A fresh data folder with WebKit's own XDG folders inside it, as the e2e tests use. */
function dataEnv(dir, extra = {}) {
  return {
    ...process.env,
    LIANXI_DATA_DIR: dir,
    LIANXI_NO_OPEN: '1',
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    ...extra,
  }
}

// ---- processes -------------------------------------------------------------------------

function children() {
  const kids = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!kids.has(ppid)) kids.set(ppid, [])
      kids.get(ppid).push(Number(name))
    } catch {
      /* gone */
    }
  }
  return kids
}

function descendants(pid) {
  const kids = children()
  const out = []
  const walk = (p) => {
    for (const c of kids.get(p) ?? []) {
      out.push(c)
      walk(c)
    }
  }
  walk(pid)
  return out
}

function exeName(pid) {
  try {
    return basename(readlinkSync(`/proc/${pid}/exe`))
  } catch {
    return ''
  }
}

/** kB fields of /proc/PID/smaps_rollup. */
function rollup(pid) {
  const out = {}
  for (const line of readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').split('\n')) {
    const m = /^(\w+):\s+(\d+) kB/.exec(line)
    if (m) out[m[1]] = Number(m[2])
  }
  return out
}

const ROLES = [
  ['main', (n) => n === basename(APP)],
  ['network', (n) => n === 'WebKitNetworkProcess'],
  ['web', (n) => n === 'WebKitWebProcess'],
]

/** Pss and Rss (MB) per role of the app whose main process is `appPid`. */
function memory(appPid) {
  const m = { main: 0, network: 0, web: 0, other: 0, rss: 0 }
  for (const pid of [appPid, ...descendants(appPid)]) {
    const name = exeName(pid)
    let r
    try {
      r = rollup(pid)
    } catch {
      continue
    }
    // The started process is the main one (the app, or python3 for the floor).
    const role = pid === appPid ? 'main' : (ROLES.find(([, f]) => f(name))?.[0] ?? 'other')
    m[role] += r.Pss / 1024
    m.rss += r.Rss / 1024
  }
  m.total = m.main + m.network + m.web + m.other
  return m
}

function killTree(pid) {
  const all = [...descendants(pid), pid]
  for (const p of all) {
    try {
      process.kill(p, 'SIGKILL')
    } catch {
      /* gone */
    }
  }
}

// ---- 1. start time ---------------------------------------------------------------------

/**
 * Starts the app (or `cmd`, the floor) on `dir`, waits for ui-ready; returns the marks (ms
 * after spawn) and Pss.
 */
async function startOnce(dir, [cmd, args, extra] = [APP, [], {}]) {
  const marksFile = join(dir, `marks-${Date.now()}.txt`)
  const t0 = performance.timeOrigin + performance.now()
  const child = spawn(cmd, args, {
    env: dataEnv(dir, { LIANXI_BENCH_MARKS: marksFile, ...extra }),
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  })
  try {
    const until = Date.now() + 30000
    while (Date.now() < until) {
      await sleep(10)
      if (!existsSync(marksFile)) continue
      const text = readFileSync(marksFile, 'utf8')
      if (!text.includes('ipc-received')) continue
      const marks = {}
      for (const line of text.trim().split('\n')) {
        const [label, ms] = line.split(' ')
        marks[label] = Number(ms) - t0
      }
      await sleep(1000) // let the first screen's own requests finish before reading memory
      return { marks, mem: memory(child.pid) }
    }
    throw new Error('the app did not report ui-ready within 30 s')
  } finally {
    killTree(child.pid)
    await sleep(300)
  }
}

// ---- 2. memory after every screen --------------------------------------------------------

async function visitEverything(dir) {
  process.env.LIANXI_E2E_APP = APP
  const { App, startDriver } = await import('../tests/e2e/webdriver.mjs')
  const driver = await startDriver(dir)
  try {
    const app = await App.start(driver.url)
    const shot = async (name) => {
      if (!SHOTS) return
      mkdirSync(SHOTS, { recursive: true })
      writeFileSync(join(SHOTS, `${name}.png`), await app.screenshot())
    }
    const pause = () => sleep(400)
    await app.waitFor('[data-test="roster-table"]')
    await app.waitFor('[data-test="roster-count"]', { text: '筛选结果' })
    await shot('roster')
    await app.click('[data-test="nav-org"]')
    await app.waitFor('[data-test="community-table"]')
    await shot('org')
    await app.click('#tab-branches')
    await app.waitFor('[data-test="branch-table"]')
    await pause()
    await app.click('[data-test="nav-meetings"]')
    await app.waitFor('[data-test="meeting-readiness"]')
    await shot('meetings-overview')
    for (const [tab, css] of [
      ['invite', 'invite-table'],
      ['signin', 'signin-counts'],
      ['agenda', 'agenda-table'],
      ['speeches', 'speeches-summary'],
      ['print', 'meeting-tabs'],
    ]) {
      await app.click(`#tab-${tab}`)
      await app.waitFor(`[data-test="${css}"]`)
      await pause()
      await shot(`meetings-${tab}`)
    }
    await app.click('[data-test="nav-agreements"]')
    await app.waitFor('[data-test="agreement-table"]')
    await pause()
    await shot('agreements')
    await app.click('#tab-pair')
    await app.waitFor('[data-test="pairing"]')
    await pause()
    await shot('agreements-pair')
    await app.click('#tab-templates')
    await pause()
    await shot('agreements-templates')
    await app.click('[data-test="nav-lists"]')
    await app.waitFor('[data-test="lists"]')
    for (const tab of ['needs', 'resources', 'projects']) {
      await app.click(`#tab-${tab}`)
      await pause()
    }
    await shot('lists-projects')
    for (const area of ['donations', 'minutes']) {
      await app.click(`[data-test="nav-${area}"]`)
      await pause()
      await shot(area)
    }
    await app.click('[data-test="nav-year"]')
    await app.waitFor('[data-test="year-select"]')
    await sleep(1000) // its charts
    await shot('year')
    await app.click('[data-test="nav-settings"]')
    await app.waitFor('[data-test="backup-table"]')
    await app.waitFor('[data-test="fonts-form"]')
    await pause()
    await shot('settings')
    await sleep(2000)
    // The app is started by WebKitWebDriver; the driver's own processes are left out.
    const pids = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .map(Number)
      .filter((p) => {
        try {
          return (
            readlinkSync(`/proc/${p}/exe`) === resolve(APP) &&
            readFileSync(`/proc/${p}/environ`, 'utf8').includes(`LIANXI_DATA_DIR=${dir}\0`)
          )
        } catch {
          return false
        }
      })
    if (pids.length !== 1) throw new Error(`expected one app process, found ${pids.length}`)
    const mem = memory(pids[0])
    await app.quit()
    return mem
  } finally {
    driver.stop()
  }
}

// ---- report ------------------------------------------------------------------------------

const range = (xs, digits = 0) => {
  if (!xs.length) return '–'
  const lo = Math.min(...xs).toFixed(digits)
  const hi = Math.max(...xs).toFixed(digits)
  return lo === hi ? lo : `${lo}–${hi}`
}

const tmp = []
function freshDir() {
  const d = mkdtempSync(join(tmpdir(), 'lianxi-bench-'))
  tmp.push(d)
  return d
}

try {
  const fresh = []
  const again = []
  const sameDir = freshDir()
  for (let i = 0; PARTS.includes('start') && i < RUNS; i++) {
    fresh.push(await startOnce(freshDir()))
    again.push(await startOnce(sameDir)) // the first of these is also a fresh start
  }
  again.shift()
  const visits = []
  for (let i = 0; PARTS.includes('memory') && i < RUNS; i++) {
    const dir = freshDir()
    execFileSync(CLI, ['--db', join(dir, 'lianxi.sqlite3'), 'demo'], { stdio: 'ignore' })
    visits.push(await visitEverything(dir))
  }
  // The floor: a bare WebKitGTK webview on a trivial page (scripts/bench-floor.py), with
  // WebKit's default compositing policy and with the app's (NEVER).
  const floors = []
  for (const gpu of PARTS.includes('floor') ? ['default', 'never'] : []) {
    const cmd = ['/usr/bin/python3', [join(ROOT, 'scripts/bench-floor.py')], { LIANXI_FLOOR_GPU: gpu }]
    const f = { gpu, fresh: [], again: [] }
    const same = freshDir()
    for (let i = 0; i < RUNS; i++) {
      f.fresh.push(await startOnce(freshDir(), cmd))
      f.again.push(await startOnce(same, cmd))
    }
    f.again.shift()
    floors.push(f)
  }

  const ms = (runs, label) => range(runs.map((r) => r.marks[label]))
  const dist = readdirSync(join(DIST, 'assets'))
  const js = dist.filter((f) => f.endsWith('.js'))
  const entry = /src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(DIST, 'index.html'), 'utf8'))?.[1]
  const kb = (f) => (readFileSync(join(DIST, 'assets', f)).length / 1024).toFixed(0)
  const cssKb = dist.filter((f) => f.endsWith('.css')).reduce((s, f) => s + Number(kb(f)), 0)

  const lines = [
    `App weight (${new Date().toISOString().slice(0, 16)}Z, ${RUNS} runs each, ranges min–max; Xvfb 1280×800)`,
    '',
    '| Start (ms after spawn)               | fresh data folder | same folder again |',
    '|--------------------------------------|-------------------|-------------------|',
    ...[
      ['Rust main() entered', 'main'],
      ['Tauri set up, window created', 'setup'],
      ['database opened (incl. migrations)', 'db-open'],
      ['webview navigation start', 'nav-start'],
      ['first JS runs (bundle fetched+parsed)', 'js-first'],
      ['all modules evaluated', 'js-main'],
      ['shell data arrived (app mounted)', 'app-data'],
      ['**painted and usable (ui-ready)**', 'ui-ready'],
    ].map(([t, l]) => `| ${t.padEnd(36)} | ${ms(fresh, l).padEnd(17)} | ${ms(again, l).padEnd(17)} |`),
    '',
    '| PSS (MB)                    | main | network | web | total | RSS sum |',
    '|-----------------------------|------|---------|-----|-------|---------|',
    ...[
      ['first screen, fresh folder', fresh.map((r) => r.mem)],
      ['every screen, demo loaded', visits],
    ].map(
      ([t, ms]) =>
        `| ${t.padEnd(27)} | ${range(ms.map((m) => m.main))} | ${range(ms.map((m) => m.network))} | ${range(ms.map((m) => m.web))} | **${range(ms.map((m) => m.total))}** | ${range(ms.map((m) => m.rss))} |`,
    ),
    '',
    ...(floors.length
      ? [
          '| Floor: bare webview, trivial page | painted, fresh | painted, again | PSS main + network + web = total (MB) |',
          '|-----------------------------------|----------------|----------------|---------------------------------------|',
          ...floors.map((f) => {
            const m = f.fresh.map((r) => r.mem)
            const pss = `${range(m.map((x) => x.main))} + ${range(m.map((x) => x.network))} + ${range(m.map((x) => x.web))} = **${range(m.map((x) => x.total))}**`
            return `| compositing policy ${f.gpu.padEnd(14)} | ${ms(f.fresh, 'ui-ready').padEnd(14)} | ${ms(f.again, 'ui-ready').padEnd(14)} | ${pss} |`
          }),
          '',
        ]
      : []),
    `Bundle: first JS chunk ${entry} ${entry ? kb(entry) : '?'} KB; ${js.length} JS files, ${js.reduce((s, f) => s + Number(kb(f)), 0)} KB in all; CSS ${cssKb} KB.`,
  ]
  console.log(lines.join('\n'))
} finally {
  for (const d of tmp) rmSync(d, { recursive: true, force: true })
}
