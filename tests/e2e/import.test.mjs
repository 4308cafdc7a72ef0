// End-to-end: import a messy roster through the wizard, fix a mapping, commit, export, undo.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { App, CLI, ROOT, startDriver, tempDataDir } from './webdriver.mjs'

const listUnits = (dataDir) =>
  JSON.parse(
    execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), 'roster', 'list', '--json'], {
      encoding: 'utf8',
    }),
  )

test('a messy office roster is imported through the wizard and undone as a whole', async () => {
  const dataDir = tempDataDir()
  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="roster-import"]')
    await app.pressWithFile('[data-test="import-choose"]', join(ROOT, 'tests/fixtures/roster/messy.ods'))

    // Step 2: the sheet was found behind an instructions sheet; column K was not recognised.
    await app.waitFor('[data-test="import-columns"]', { text: '原联系电话' })
    await app.pick('[data-test="import-map-K"]', '备注')
    await app.click('[data-test="import-remap"]')
    await app.waitFor('[data-test="import-columns"]', { text: '原联系电话' })
    // 下一步 waits until the new preview is back (it is disabled while the file is read).
    await app.click('[data-test="import-next"]:not(.is-disabled)')

    // Step 3: counts and problems with Excel row numbers.
    await app.waitFor('[data-test="count-new"]', { text: '新增 6' })
    await app.waitFor('[data-test="import-problems"]', { text: '1.38E+10' })
    await app.saveScreenshot('import-preview.png')
    await app.click('[data-test="import-commit"]')

    await app.waitFor('[data-test="import-result"]', { text: '导入完成' })
    const units = listUnits(dataDir)
    assert.equal(units.length, 6)
    // The hand-made mapping took effect: column K (原联系电话, "0532-1" in one row) went to 备注.
    assert.ok(
      units.some((u) => u.notes === '0532-1'),
      `column K did not reach 备注: ${JSON.stringify(units.map((u) => u.notes))}`,
    )
    assert.ok(units.every((u) => u.source_batch_id !== null))
    // A backup was taken before the import.
    assert.ok(existsSync(join(dataDir, 'backups')))

    await app.click('[data-test="import-undo"]')
    await app.waitFor('[data-test="import-result"]', { text: '已撤销本次导入' })
    assert.equal(listUnits(dataDir).length, 0)
    await app.click('[data-test="import-close"]')
    await app.waitFor('[data-test="roster-welcome"]')
    await app.quit()
  } finally {
    driver.stop()
  }
})
