// End-to-end: the print fonts chosen in 设置 are the fonts of the PDFs the app (and the CLI,
// which reads the same setting) produces.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'

const fontsOfAgenda = (dataDir, name) => {
  const db = join(dataDir, 'lianxi.sqlite3')
  const meetings = JSON.parse(execFileSync(CLI, ['--db', db, 'meeting', 'list', '--json'], { encoding: 'utf8' }))
  const pdf = join(dataDir, name)
  execFileSync(CLI, ['--db', db, 'print', 'agenda', '--meeting', String(meetings[0].id), '-o', pdf])
  // pdffonts: two header lines, then one line per font; the name is the first column.
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''))
}

test('print fonts chosen in 设置 are the fonts of the printed documents', async () => {
  const dataDir = tempDataDir()
  execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), 'demo'])
  // scripts/setup-system.sh installs Noto CJK, so the machine's defaults are not the bundled font.
  const before = fontsOfAgenda(dataDir, 'before.pdf')
  assert.ok(
    before.some((f) => f.startsWith('Noto')),
    `expected the machine's Noto CJK fonts by default: ${before}`,
  )

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-settings"]')
    await app.waitFor('[data-test="fonts-form"]')
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

  const after = fontsOfAgenda(dataDir, 'after.pdf')
  assert.deepEqual([...new Set(after)], ['LXGWWenKai-Regular'], `fonts after the change: ${after}`)
})
