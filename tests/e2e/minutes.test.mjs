// End-to-end: the 会议纪要 of a meeting, from an EMPTY database. The street, the roster, a
// meeting with replies, sign-ins and a printed agreement are set up with the CLI as a script
// would; then in the app: open the meeting's minutes, edit one 议定事项 and add another, sign
// one more unit in at 会议筹备 → 签到, rebuild the lists (the unit appears, the edit stays),
// finalise, print, and copy the news draft.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'
import { cli, pdfText, streetWithRoster } from './papers.mjs'

const ENTER = '\uE007'

const ROSTER = [
  '单位名称,党组织名称,党组织书记,联系人,联系电话,入会时间',
  '八大关小学,中共八大关小学支部委员会,周敏,陈晨,13805320001,2015-09',
  '青岛某某研究所,中共青岛某某研究所委员会,孙涛,刘洋,0532-82861111,2010',
  '八大关邮政支局,中共八大关邮政支局支部委员会,吴刚,郑爽,13805320003,2012',
  '湛山派出所,中共湛山派出所支部委员会,冯强,许可,13805320004,2008',
  '太平角幼儿园,中共太平角幼儿园支部委员会,何静,朱丽,13805320005,2016',
].join('\n')

test('the minutes of a meeting: edit, late sign-in, rebuild, finalise, print', async () => {
  const dataDir = tempDataDir()
  // The setup a script would do, from an empty database.
  streetWithRoster(dataDir, ROSTER, ['name', 'party_org', 'leader', 'contact', 'phone'])
  const id = cli(dataDir, 'meeting', 'create', '--title', '八大关街道区域化党建联席会2026年年会', '--kind', '年会',
    '--date', '2026-09-25', '--venue', '街道党群服务中心', '--theme', '六联共建聚合力').trim()
  cli(dataDir, 'meeting', 'invite', '--meeting', id, '--all')
  cli(dataDir, 'meeting', 'reply', '--meeting', id, '--unit', '湛山派出所', '--leave')
  cli(dataDir, 'meeting', 'reply', '--meeting', id, '--unit', '八大关小学', '--delegate', '孙思远')
  for (const u of ['八大关小学', '青岛某某研究所', '八大关邮政支局']) {
    cli(dataDir, 'meeting', 'signin', '--meeting', id, '--unit', u)
  }
  cli(dataDir, 'agreement', 'pair', '--meeting', id, '--a', 'unit:八大关小学', '--b', 'unit:八大关邮政支局')
  cli(dataDir, 'print', 'agreements', '--meeting', id, '-o', join(dataDir, '协议.pdf'))

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-minutes"]')
    await app.click(`[data-test="minutes-meeting-${id}"]`)
    await app.waitFor('[data-test="minutes-present"]', { text: '孙思远' })
    await app.waitFor('[data-test="minutes-on_leave"]', { text: '湛山派出所' })
    assert.equal(await app.value('input[data-test="minutes-heading"]'), '八大关街道区域化党建联席会议纪要')
    const opening = await app.value('textarea[data-test="minutes-opening"]')
    assert.ok(opening.includes('会议共邀请成员单位5家，实到3家'), opening)
    assert.equal(await app.value('textarea[data-test="minutes-item-text-0"]'), '会议签署了《党建结对共建协议书》1份。')
    await app.waitFor('[data-test="minutes-preview"]', { text: '出席：' })

    // Edit the drafted item, add one, move it up, save.
    const edited = '会议签署了《党建结对共建协议书》1份，明确年底前完成“四点半课堂”项目。'
    await app.setValue('textarea[data-test="minutes-item-text-0"]', edited)
    await app.click('[data-test="minutes-item-add"]')
    await app.setValue('input[data-test="minutes-item-heading-1"]', '部署下一步工作')
    await app.setValue('textarea[data-test="minutes-item-text-1"]', '会议要求各成员单位按季度报送共建进展。')
    await app.click('[data-test="minutes-item-up-1"]')
    assert.equal(await app.value('input[data-test="minutes-item-heading-0"]'), '部署下一步工作')
    await app.waitFor('[data-test="minutes-preview"]', { text: '一、部署下一步工作' })
    await app.click('[data-test="minutes-save"]')
    await app.waitFor('.el-message', { text: '纪要已保存' })
    await app.shot('minutes-1-edited.png')

    // An edit not yet saved is kept when the secretary leaves the screen.
    await app.setValue('input[data-test="minutes-issue"]', '2026年第1期')
    await app.waitFor('[data-test="minutes-preview"]', { text: '2026年第1期' })

    // One more unit signs in late, at the sign-in desk.
    await app.click('[data-test="nav-meetings"]')
    await app.click(`[data-test="meeting-item-${id}"]`)
    await app.click('#tab-signin')
    await app.type('input[data-test="signin-search"]', '幼儿园' + ENTER)
    await app.waitFor('[data-test="signin-recent"]', { text: '太平角幼儿园' })

    // Back at the minutes: not yet in the list; the rebuild brings it and keeps the edit.
    await app.click('[data-test="nav-minutes"]')
    await app.click(`[data-test="minutes-meeting-${id}"]`)
    await app.waitFor('[data-test="minutes-present"]', { text: '八大关邮政支局' })
    assert.ok(!(await app.text('[data-test="minutes-present"]')).includes('太平角幼儿园'))
    await app.click('[data-test="minutes-rebuild"]')
    await app.waitFor('[data-test="minutes-present"]', { text: '太平角幼儿园' })
    assert.equal(await app.value('textarea[data-test="minutes-item-text-1"]'), edited)
    assert.equal(await app.value('input[data-test="minutes-item-heading-0"]'), '部署下一步工作')
    assert.equal(await app.value('input[data-test="minutes-issue"]'), '2026年第1期')
    const json = JSON.parse(cli(dataDir, 'minutes', 'draft', '--meeting', id, '--json'))
    assert.deepEqual(json.present.map((a) => a.unit), ['八大关小学', '青岛某某研究所', '八大关邮政支局', '太平角幼儿园'])
    assert.equal(json.items[1].text, edited)

    // Finalise: the editor locks; print.
    await app.click('[data-test="minutes-finalise"]')
    await app.waitFor('[data-test="minutes-status"]', { text: '已定稿' })
    await app.waitFor('[data-test="minutes-reopen"]')
    await app.shot('minutes-2-final.png')
    const pdf = join(dataDir, '会议纪要.pdf')
    await app.pressWithFile('[data-test="minutes-print"]', pdf, '.el-message', { text: '会议纪要已保存到' })
    assert.ok(existsSync(pdf))
    const text = pdfText(pdf)
    for (const want of ['八大关街道区域化党建联席会议纪要', '2026年第1期', '一、部署下一步工作', '出席：', '请假：湛山派出所',
      '八大关小学孙思远（委派）', '太平角幼儿园', edited]) {
      assert.ok(text.includes(want), `the PDF lacks ${want}`)
    }
    assert.equal(JSON.parse(cli(dataDir, 'minutes', 'draft', '--meeting', id, '--json')).status, '已定稿')

    // The news draft: copied as text, and its editor shows the counts.
    await app.click('[data-test="minutes-copy-news"]')
    await app.waitFor('.el-message', { text: '信息稿已复制' })
    await app.click('#tab-news')
    await app.waitFor('[data-test="news-editor"]')
    const para = await app.value('textarea[data-test="news-para-1"]')
    assert.ok(para.includes('共邀请了辖区5家单位参加，联席会4家成员单位代表'), para)
    await app.shot('minutes-3-news.png')
    await app.quit()
  } finally {
    driver.stop()
  }
})
