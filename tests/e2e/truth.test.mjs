// End-to-end: what the app shows and keeps is what happened, from an EMPTY database set up
// through the CLI as a secretary's year would leave it. A meeting whose day has passed with no
// sign-in is 筹备中 until the secretary marks it 已召开; the 纪要 screen shows a draft without
// storing it (a later sign-in still appears in it); printing agreements whose two communities
// both lack details names both at once, and each is filled in from the list; the year's archive
// files the meeting that took place and not the undated copy made for next year.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { App, iso, jinshaStreet, startDriver, tempDataDir } from './webdriver.mjs'

const now = new Date()
const YEAR = now.getFullYear()
// A day of this year that has passed (today itself on 1 January: the same actions are offered).
const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1)
const PAST = yesterday.getFullYear() === YEAR ? iso(yesterday) : iso(now)
const HELD = `${YEAR}年联席会年会`
const NEXT = `${YEAR + 1}年联席会年会`
const squeeze = (s) => s.replace(/\s+/g, '')

function setUp(dataDir) {
  const cli = jinshaStreet(dataDir)
  const held = cli('meeting', 'create', '--title', HELD, '--kind', '年会', '--date', PAST, '--theme', '共建共治共享').trim()
  cli('meeting', 'invite', '--meeting', held, '--all')
  // Next year's meeting, copied from this one before its date is known.
  const next = cli('meeting', 'copy', '--from', held, '--title', NEXT).trim()
  // Both communities came from the roster with their names only.
  cli('agreement', 'pair', '--meeting', held, '--a', 'community:金沙社区', '--b', 'unit:金沙滩小学')
  cli('agreement', 'pair', '--meeting', held, '--a', 'community:银沙社区', '--b', 'unit:银沙滩医院')
  return { cli, held: Number(held), next: Number(next) }
}

test('what happened is what the app shows: held, drafted unsaved, every missing detail at once, archived', async () => {
  const dataDir = tempDataDir()
  const { cli, held, next } = setUp(dataDir)
  const meetings = () => JSON.parse(cli('meeting', 'list', '--json'))
  const copy = meetings().find((m) => m.id === next)
  assert.equal(copy.theme, '共建共治共享', 'a copied meeting carries its theme')
  assert.equal(copy.date, null)

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)

    // 1. The day has passed and nobody signed in: the app says so and offers both answers.
    await app.click('[data-test="nav-meetings"]')
    await app.click(`[data-test="meeting-item-${held}"]`)
    await app.waitFor('[data-test="meeting-status-tag"]', { text: '筹备中' })
    await app.waitFor('[data-test="meeting-status-取消会议"]')
    await app.waitFor('[data-test="meeting-status-标记已召开"]')
    await app.shot('truth-1-status.png')
    await app.click('[data-test="meeting-status-标记已召开"]')
    await app.waitFor('[data-test="meeting-status-tag"]', { text: '已召开' })
    await app.waitFor('[data-test="meeting-status-note"]', { text: '已标记为已召开' })
    await app.shot('truth-2-held.png')
    assert.equal(meetings().find((m) => m.id === held).status, '已召开')
    assert.equal(meetings().find((m) => m.id === next).status, '筹备中')

    // 2. Looking at the 纪要 stores nothing: a sign-in made afterwards is in the draft shown next.
    await app.click('[data-test="nav-minutes"]')
    await app.click(`[data-test="minutes-meeting-${held}"]`)
    await app.waitFor('[data-test="minutes-unsaved"]', { text: '保存或修改后才存入' })
    await app.waitFor('[data-test="minutes-status"]', { text: '未保存' })
    assert.ok(!(await app.text('[data-test="minutes-present"]')).includes('金沙滩小学'))
    await app.click('[data-test="nav-roster"]')
    cli('meeting', 'signin', '--meeting', String(held), '--unit', '金沙滩小学')
    await app.click('[data-test="nav-minutes"]')
    await app.click(`[data-test="minutes-meeting-${held}"]`)
    await app.waitFor('[data-test="minutes-present"]', { text: '金沙滩小学' })
    await app.waitFor('[data-test="minutes-status"]', { text: '未保存' })

    // 3. Printing both agreements: one refusal names both communities and what each lacks.
    await app.click('[data-test="nav-agreements"]')
    await app.waitFor('[data-test="agreement-table"]', { text: '银沙滩医院' })
    await app.click('[data-test="agreement-print-batch"]')
    const pdf = join(dataDir, '协议.pdf')
    await app.pressWithFile('[data-test="print-start"]', pdf, '[data-test="missing-dialog"]', { text: '还缺少信息' })
    const list = squeeze(await app.text('[data-test="missing-list"]'))
    for (const want of ['金沙社区', '银沙社区', '书记', '联系人', '电话']) {
      assert.ok(list.includes(want), `the list lacks ${want}: ${list}`)
    }
    await app.shot('truth-3-missing.png')

    // Each 去填写 opens that community's form; the small tab brings the list back.
    const fill = async (name, leader, contact, phone) => {
      await app.waitFor('[data-test="community-dialog"]', { text: `编辑社区：${name}` })
      await app.setValue('[data-test="community-secretary"]', leader)
      await app.setValue('[data-test="community-contact"]', contact)
      await app.setValue('[data-test="community-phone"]', phone)
      await app.click('[data-test="community-save"]')
      await app.waitFor('.el-message', { text: '已保存' })
    }
    await app.click('[data-test="missing-go"]')
    await fill('金沙社区', '孙丽', '周明', '0532-82860011')
    await app.waitFor('[data-test="missing-tab"]', { text: '还有 1 处' })
    await app.shot('truth-4-queue.png')
    await app.click('[data-test="missing-tab"]')
    await app.click('[data-test="missing-go"]')
    await fill('银沙社区', '钱芳', '赵强', '0532-82860012')

    await app.click('[data-test="nav-agreements"]')
    await app.waitFor('[data-test="agreement-table"]', { text: '银沙滩医院' })
    await app.click('[data-test="agreement-print-batch"]')
    await app.pressWithFile('[data-test="print-start"]', pdf, '[data-test="print-result"]')
    await app.click('[data-test="print-close"]')
    const printed = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }))
    for (const want of ['孙丽', '钱芳', '金沙滩小学', '银沙滩医院']) assert.ok(printed.includes(want), want)

    // 4. The archive files the meeting that took place; the undated copy only if added.
    await app.click('[data-test="nav-year"]')
    await app.click('[data-test="year-archive"]')
    await app.waitFor(`[data-test="archive-included-${held}"]`, { text: HELD })
    await app.waitFor(`[data-test="archive-optional-${next}"]`, { text: NEXT })
    await app.shot('truth-5-archive.png')
    const parent = join(dataDir, '档案')
    mkdirSync(parent)
    await app.pressWithFile('[data-test="archive-start"]', parent, '[data-test="archive-result"]', { text: '已归档', timeout: 120000 })
    const manifest = readFileSync(join(parent, `联席会年度归档-${YEAR}`, 'manifest.csv'), 'utf8')
    assert.ok(manifest.includes(HELD), 'the held meeting is filed')
    assert.ok(!manifest.includes(NEXT), 'the undated copy is not filed')
    await app.quit()
  } finally {
    driver.stop()
  }
})
