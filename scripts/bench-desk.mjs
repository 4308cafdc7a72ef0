// Benchmark, not a test: how fast the sign-in desks answer, from an empty data folder each run.
//
//   LIANXI_E2E_CLI=target/x86_64-unknown-linux-musl/release/lianxi \
//     xvfb-run -a node scripts/bench-desk.mjs [units] [desks]
//
// 1. Phones at the door: `lianxi desk` for a meeting of `units` invited units (default 300);
//    `desks` sessions (default 8, each its own PIN login) sign every unit in at once, each
//    request a phone's 签到 (POST api/sign_in). Printed: sign-ins per second, and the slowest
//    answer. Every sign-in is checked in the database afterwards.
// 2. The laptop's scanner: the browser face (`lianxi serve` in Chromium) on a meeting of 20
//    units whose 签到码 are read off the printed invitations with zbarimg; each code is typed
//    with Enter into the 签到 box. Printed: the time in the page from the Enter key to the
//    confirmation naming the unit (a MutationObserver's clock, before the next paint).
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI, cliOn, codesOnPaper, iso, startBrowser, tempDataDir } from '../tests/e2e/webdriver.mjs'

const [units = '300', desks = '8'] = process.argv.slice(2)
const ENTER = '\uE007'

/** A street with `n` units on its roster and today's meeting inviting them all. */
function meeting(dataDir, n) {
  const cli = cliOn(dataDir)
  cli('street', 'set', '--name', '海棠街道办事处', '--party-org', '中共海棠街道工作委员会', '--leader', '王海', '--contact', '李青', '--phone', '0532-82860001')
  const rows = ['单位名称,单位类别,联系人,联系电话']
  for (let i = 1; i <= n; i++) rows.push(`海棠第${i}实验单位,企业,联系人${i},138${String(i).padStart(8, '0')}`)
  writeFileSync(join(dataDir, '名册.csv'), rows.join('\n') + '\n')
  cli('roster', 'import', join(dataDir, '名册.csv'))
  const m = cli('meeting', 'create', '--title', '联席会年会', '--kind', '年会', '--date', iso(new Date()), '--time', '23:59').trim()
  cli('meeting', 'invite', '--meeting', m, '--all')
  return { cli, m }
}

async function phones() {
  const dataDir = tempDataDir()
  const { cli, m } = meeting(dataDir, Number(units))
  const desk = spawn(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), 'desk', '--meeting', m, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const [url, pinLine] = await new Promise((res, rej) => {
      let buf = ''
      desk.stdout.on('data', (d) => {
        buf += d
        const lines = buf.split('\n')
        if (lines.length > 2) res(lines)
      })
      desk.once('exit', (code) => rej(new Error(`lianxi desk ended (${code})`)))
    })
    const pin = pinLine.trim().replace('PIN：', '')
    const base = new URL(new URL(url.trim()).pathname, `http://127.0.0.1:${new URL(url.trim()).port}`)
    const cookies = []
    for (let i = 0; i < Number(desks); i++) {
      const r = await fetch(new URL('pin', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pin }) })
      if (!r.ok) throw new Error(`PIN refused: ${await r.text()}`)
      cookies.push(r.headers.get('set-cookie').split(';')[0])
    }
    const ids = JSON.parse(cli('meeting', 'show', m, '--json')).invitees.map((i) => i.id)
    let slowest = 0
    const start = performance.now()
    await Promise.all(
      cookies.map(async (cookie, d) => {
        for (let k = d; k < ids.length; k += cookies.length) {
          const t = performance.now()
          const r = await fetch(new URL('api/sign_in', base), {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({ id: ids[k] }),
          })
          if (!r.ok) throw new Error(`sign-in refused: ${r.status} ${await r.text()}`)
          await r.json()
          slowest = Math.max(slowest, performance.now() - t)
        }
      }),
    )
    const seconds = (performance.now() - start) / 1000
    const signed = JSON.parse(cli('meeting', 'show', m, '--json')).invitees.filter((i) => i.signed_in_at).length
    if (signed !== ids.length) throw new Error(`${signed} of ${ids.length} signed in`)
    console.log(
      `phones: ${ids.length} sign-ins from ${cookies.length} desks in ${seconds.toFixed(2)} s = ` +
        `${(ids.length / seconds).toFixed(0)} per second; slowest answer ${slowest.toFixed(0)} ms; all ${signed} in the database`,
    )
  } finally {
    desk.kill('SIGTERM')
  }
}

async function scanner() {
  const dataDir = tempDataDir()
  const { cli, m } = meeting(dataDir, 20)
  const pdf = join(dataDir, '邀请函.pdf')
  cli('print', 'invitations', '--meeting', m, '-o', pdf)
  const pages = join(dataDir, 'pages')
  mkdirSync(pages)
  const names = Array.from({ length: 20 }, (_, i) => `海棠第${i + 1}实验单位`)
  const codes = [...codesOnPaper(pdf, pages, names)].map(([name, code]) => ({ name, code }))
  if (codes.length !== 20) throw new Error(`${codes.length} codes read off 20 invitations`)
  const downloads = join(dataDir, 'downloads')
  mkdirSync(downloads)
  const { app, stop } = await startBrowser(dataDir, downloads)
  try {
    await app.click('[data-test="nav-meetings"]')
    await app.click(`[data-test="meeting-item-${m}"]`)
    await app.click('#tab-signin')
    await app.waitFor('[data-test="count-expected"]', { text: '20' })
    await app.execute(`
      const box = document.querySelector('input[data-test="signin-search"]')
      box.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__enter = performance.now() })
      new MutationObserver(() => {
        const c = document.querySelector('[data-test="signin-confirm"]')
        if (window.__enter && !window.__shown && c && c.textContent.includes(window.__want)) window.__shown = performance.now()
      }).observe(document.body, { subtree: true, childList: true, characterData: true })`)
    const times = []
    for (const { name, code } of codes) {
      await app.execute('window.__want = arguments[0]; window.__enter = null; window.__shown = null', name)
      await app.type('input[data-test="signin-search"]', code + ENTER)
      await app.waitFor('[data-test="signin-confirm"]', { text: name })
      times.push(await app.execute('return window.__shown - window.__enter'))
    }
    times.sort((a, b) => a - b)
    const present = (await app.text('[data-test="count-present"]')).trim()
    console.log(
      `scanner (browser face): Enter to confirmation, ${times.length} scans: median ${times[times.length >> 1].toFixed(0)} ms, ` +
        `slowest ${times[times.length - 1].toFixed(0)} ms; 实到 ${present}`,
    )
  } finally {
    await app.quit().catch(() => undefined)
    stop()
  }
}

await phones()
await scanner()
