import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { writeFileSync } from 'node:fs'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'
const dataDir = tempDataDir()
const cli = (...a) => execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), ...a], { encoding: 'utf8' })
cli('demo')
const driver = await startDriver(dataDir)
const shot = async (app, n) => { await sleep(600); writeFileSync(`/tmp/shots/${n}.png`, await app.screenshot()) }
try {
  const app = await App.start(driver.url)
  await app.click('[data-test="nav-settings"]')
  await app.waitFor('[data-test="street-card"]', { text: '党组织全称' })
  await shot(app, 'settings-demo')
  await app.click('[data-test="nav-org"]')
  await app.waitFor('[data-test="community-table"]', { text: '海棠社区' })
  await shot(app, 'org')
  await app.click('#tab-branches')
  await shot(app, 'org-branches')
  await app.click('[data-test="nav-agreements"]')
  await app.waitFor('[data-test="agreement-table"]')
  await shot(app, 'agreements')
  const list = JSON.parse(cli('agreement', 'list', '--json'))
  const draft = list.find((a) => a.status === '草拟')
  await app.click(`[data-test="agreement-edit-${draft.id}"]`)
  await app.waitFor('[data-test="draft-dialog"]', { text: '负责人' })
  await shot(app, 'draft-dialog')
  await app.quit()
} finally { driver.stop() }
