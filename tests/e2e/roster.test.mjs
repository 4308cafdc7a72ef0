// End-to-end: the real app (built binary) under Xvfb, driven through tauri-driver.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'

test('a unit added through the UI is still there after a restart', async () => {
  const dataDir = tempDataDir()
  const driver = await startDriver(dataDir)
  try {
    let app = await App.start(driver.url)
    // First start: an empty database, with the welcome card and the demo offer.
    await app.waitFor('[data-test="roster-welcome"]', { text: '载入示例数据' })
    await app.click('[data-test="unit-add"]')
    await app.setValue('input[data-test="unit-name"]', '海棠𠮷祥文化传播有限公司')
    await app.type('input[data-test="unit-contact"]', '张珺')
    // The core splits and checks the numbers (phone.rs); the form shows its message.
    await app.type('input[data-test="unit-phones"]', '13805321234、12805321234')
    await app.click('[data-test="unit-save"]')
    await app.waitFor('[data-test="unit-form"] .el-form-item__error', { text: '“12805321234”不是有效的电话号码' })
    await app.setValue('input[data-test="unit-phones"]', '13805321234、0532-82861234转8001')
    await app.click('[data-test="unit-save"]')
    await app.waitFor('[data-test="roster-table"]', { text: '海棠𠮷祥文化传播有限公司' })
    await app.saveScreenshot('roster-after-add.png')
    await app.quit()

    // The data went to the temporary folder, and so did the webview's own storage, which
    // would otherwise land in the user's ~/.local/share/cn.lianxi.desktop.
    assert.ok(existsSync(join(dataDir, 'lianxi.sqlite3')))
    assert.ok(existsSync(join(dataDir, 'xdg-data', 'cn.lianxi.desktop')))

    app = await App.start(driver.url)
    const text = await app.text('[data-test="roster-table"]')
    assert.match(text, /海棠𠮷祥文化传播有限公司/)
    assert.match(text, /0532-82861234转8001/)
    await app.quit()

    const listed = JSON.parse(
      execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), 'roster', 'list', '--json'], {
        encoding: 'utf8',
      }),
    )
    assert.deepEqual(
      listed.map((u) => [u.name, u.contact, u.phones]),
      [['海棠𠮷祥文化传播有限公司', '张珺', ['13805321234', '0532-82861234转8001']]],
    )
  } finally {
    driver.stop()
  }
})

test('the demo street loads on first start and a duplicate name is refused in Chinese', async () => {
  const dataDir = tempDataDir()
  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="demo-load"]')
    await app.waitFor('[data-test="demo-badge"]', { text: '示例数据' })
    await app.waitFor('[data-test="roster-count"]', { text: '50' })
    await app.type('input[data-test="roster-search"]', '海棠路小学')
    await app.waitFor('[data-test="roster-count"]', { text: '1 家' })
    await app.saveScreenshot('roster-demo.png')

    await app.click('[data-test="unit-add"]')
    await app.type('input[data-test="unit-name"]', ' 海棠路小学 ')
    await app.click('[data-test="unit-save"]')
    await app.waitFor('.el-message--error', { text: '不能重复添加' })
    // The form stays open with what was typed; the user cancels.
    await app.click('[data-test="unit-cancel"]')

    await app.click('[data-test="nav-settings"]')
    await app.click('[data-test="backup-create"]')
    await app.waitFor('[data-test="backup-table"]', { text: '手动备份' })
    await app.saveScreenshot('settings.png')

    // Leaving the demo: a backup first, then an empty database and the welcome again.
    await app.click('[data-test="demo-clear"]')
    await app.click('.el-message-box__btns .el-button--primary', { text: '清除示例数据' })
    await app.waitFor('[data-test="backup-table"]', { text: '批量修改前自动备份' })
    assert.equal(await app.shown('[data-test="demo-badge"]'), false)
    await app.waitFor('[data-test="street-notice"]', { text: '尚未填写本街道信息' })
    await app.click('[data-test="nav-roster"]')
    await app.waitFor('[data-test="roster-welcome"]', { text: '填写本街道信息，开始使用' })
    await app.quit()
  } finally {
    driver.stop()
  }
})
