// End-to-end: the print fonts chosen in 设置 are the fonts of the PDFs the app (and the CLI,
// which reads the same setting) produces. From an EMPTY database (no demo): the street's
// profile and one meeting with an agenda item are set up through the CLI.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'

const run = (dataDir, ...args) =>
  execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), ...args], { encoding: 'utf8' })

/** A street that has just started: its profile and one meeting with one agenda item. */
function newStreet(dataDir) {
  assert.equal(JSON.parse(run(dataDir, 'info', '--json')).unit_count, 0, 'starts from an empty database')
  run(dataDir, 'street', 'set', '--name', '八大关街道办事处', '--party-org', '中共八大关街道工作委员会')
  const m = run(dataDir, 'meeting', 'create', '--title', '第三季度联席会', '--kind', '季度会', '--time', '14:30').trim()
  const item = ['--kind', '工作报告', '--title', '街道党工委书记通报共建项目进展', '--minutes', '20']
  run(dataDir, 'meeting', 'agenda', 'add', '--meeting', m, ...item)
  return m
}

const fontsOfAgenda = (dataDir, meeting, name) => {
  const pdf = join(dataDir, name)
  run(dataDir, 'print', 'agenda', '--meeting', meeting, '-o', pdf)
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s/g, '')
  assert.ok(text.includes('街道党工委书记通报共建项目进展'), `the agenda was printed: ${text}`)
  // pdffonts: two header lines, then one line per font; the name is the first column.
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''))
}

test('print fonts chosen in 设置 are the fonts of the printed documents', async () => {
  const dataDir = tempDataDir()
  const meeting = newStreet(dataDir)
  // scripts/setup-system.sh installs Noto CJK, so the machine's defaults are not the bundled font.
  const before = fontsOfAgenda(dataDir, meeting, 'before.pdf')
  assert.ok(
    before.some((f) => f.startsWith('Noto')),
    `expected the machine's Noto CJK fonts by default: ${before}`,
  )

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-settings"]')
    await app.waitFor('[data-test="fonts-form"]')
    // The machine's fonts are listed once the screen has asked the core: the selects then show
    // the current choice (a font's name with its file, or 内置) instead of the placeholder.
    for (const role of ['title', 'body', 'heading1', 'heading2']) {
      await app.waitFor(`[data-test="font-${role}"]`, { text: '（', timeout: 30000 })
    }
    for (const role of ['title', 'body', 'heading1', 'heading2']) {
      const select = `[data-test="font-${role}"]`
      await app.scrollTo(select)
      // Every role's dropdown lists the same option; pick() retries if one fading out takes the click.
      await app.pick(select, '霞鹜文楷（内置）', { shows: '霞鹜文楷' })
      assert.match(await app.text(select), /霞鹜文楷/, `${role} was not changed`)
    }
    await app.click('[data-test="fonts-save"]')
    await app.waitFor('.el-message--success', { text: '打印字体已保存' })
    await app.saveScreenshot('settings-fonts.png')
    await app.quit()
  } finally {
    driver.stop()
  }

  const after = fontsOfAgenda(dataDir, meeting, 'after.pdf')
  assert.deepEqual([...new Set(after)], ['LXGWWenKai-Regular'], `fonts after the change: ${after}`)
})
