// End-to-end: a real street's first weeks, from an EMPTY database as a secretary starts (no
// demo): the street's profile on the welcome screen, a roster imported, communities filled in
// (one of them through the link a pairing warning offers), a meeting with every unit invited,
// agreements paired and printed (and exported to Word), and the meeting's whole print pack.
// Checked through the CLI, the PDFs themselves, and the Word files as LibreOffice reads them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'
import { json, pdfText, STREET, wordText, YEAR } from './papers.mjs'

/** An office's roster as it arrives: a 序号 column, two communities, one unit new this year. */
const ROSTER = [
  '序号,单位名称,所属社区,分会,党组织名称,党组织书记,联系人,联系电话,入会时间',
  '1,八大关小学,太平角社区,学校分会,中共八大关小学支部委员会,周敏,陈晨,13805320001,2015-09',
  '2,青岛某某研究所,太平角社区,其他区域单位分会,中共青岛某某研究所委员会,孙涛,刘洋,0532-82861111,2010',
  '3,八大关邮政支局,湛山社区,企业分会,中共八大关邮政支局支部委员会,吴刚,郑爽,13805320003,2012',
  '4,湛山派出所,湛山社区,成员单位分会,中共湛山派出所支部委员会,冯强,许可,13805320004,2008',
  '5,太平角幼儿园,太平角社区,学校分会,中共太平角幼儿园支部委员会,何静,朱丽,13805320005,2016',
  `6,八大关文旅发展有限公司,湛山社区,企业分会,中共八大关文旅发展有限公司支部委员会,马骏,胡悦,13805320006,${YEAR}-03`,
].join('\n')

async function chooseUnit(app, row, search, name) {
  await app.pick(`[data-test="pair-b-${row}"]`, name, { search })
}

async function fillCommunity(app, name, secretary, contact, phone) {
  await app.waitFor('[data-test="community-dialog"]', { text: name })
  await app.type('input[data-test="community-secretary"]', secretary)
  await app.type('input[data-test="community-contact"]', contact)
  await app.type('input[data-test="community-phone"]', phone)
  await app.click('[data-test="community-save"]')
  await app.waitFor('[data-test="community-table"]', { text: secretary })
}

test('a new street starts from an empty database and prints its agreements and meeting pack', async () => {
  const dataDir = tempDataDir()
  const roster = join(dataDir, '成员单位名册.csv')
  writeFileSync(roster, '\ufeff' + ROSTER + '\n')
  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)

    // 1. The welcome asks for the street first; a quiet notice says it is missing.
    await app.waitFor('[data-test="roster-welcome"]', { text: '填写本街道信息，开始使用' })
    await app.waitFor('[data-test="street-notice"]', { text: '尚未填写本街道信息' })
    await app.shot('year-1-welcome.png')
    await app.click('[data-test="street-start"]')
    await app.waitFor('[data-test="street-dialog"]', { text: '党组织全称' })
    for (const [field, value] of Object.entries(STREET)) {
      await app.type(`input[data-test="street-${field}"]`, value)
    }
    await app.shot('year-2-street-form.png')
    await app.click('[data-test="street-save"]')
    await app.waitFor('.brand-street', { text: '八大关街道' })
    await app.waitFor('[data-test="roster-welcome"]', { text: '导入名册' })
    assert.equal(await app.shown('[data-test="street-notice"]'), false)
    const info = json(dataDir, 'info')
    assert.equal(info.street_name, '八大关街道')
    assert.deepEqual(info.street_missing, [])

    // 2. The roster: 序号 is a known column, the preview names the two new communities.
    await app.click('[data-test="roster-import"]')
    await app.pressWithFile('[data-test="import-choose"]', roster, '[data-test="import-columns"]', { text: '入会时间' })
    assert.equal(await app.shown('[data-test="import-unmapped"]'), false, '序号 is not an unknown column')
    await app.click('[data-test="import-next"]')
    await app.waitFor('[data-test="count-new"]', { text: '新增 6' })
    await app.waitFor('[data-test="import-problems"]', { text: '将新建 2 个社区' })
    await app.shot('year-3-import-preview.png')
    await app.commitRosterImport()

    // 3. 社区与分会: both communities lack their details; fill in one now.
    await app.click('[data-test="nav-org"]')
    await app.waitFor('[data-test="org-incomplete"]', { text: '2 个社区' })
    await app.click('[data-test="community-edit-太平角社区"]')
    await fillCommunity(app, '太平角社区', '张丽', '赵敏', '0532-82860011')
    await app.shot('year-4-communities.png')

    // 4. A meeting: 主办单位 comes from the street's profile; every unit is invited.
    await app.click('[data-test="nav-meetings"]')
    await app.click('[data-test="meeting-new"]')
    const title = `八大关街道区域化党建联席会${YEAR}年年会`
    await app.type('input[data-test="meeting-new-title"]', title)
    const until = Date.now() + 5000
    while ((await app.value('input[data-test="meeting-new-host"]')) !== STREET.party_org) {
      assert.ok(Date.now() < until, 'the host did not default to the party organisation')
      await sleep(100)
    }
    await app.click('[data-test="meeting-new-save"]')
    await app.waitFor('[data-test="meeting-title"]', { text: title })
    await app.inviteEveryUnit(6)
    const meeting = json(dataDir, 'meeting', 'list').find((m) => m.title === title)
    assert.equal(meeting.host, STREET.party_org)

    // A first meeting has no agenda: one click fills in the usual one for a 年会, the work
    // report given by the street's 书记; a second click is not offered.
    await app.click('#tab-agenda')
    await app.click('[data-test="agenda-usual"]')
    await app.waitFor('[data-test="agenda-table"]', { text: '捐赠仪式' })
    assert.ok(!(await app.shown('[data-test="agenda-usual"]')), 'offered only to a meeting without an agenda')
    await app.shot('year-4b-usual-agenda.png')
    const agenda = json(dataDir, 'meeting', 'agenda', 'list', '--meeting', String(meeting.id))
    assert.equal(agenda.length, 7)
    assert.equal(agenda.find((i) => i.kind === '工作报告').presenter, STREET.leader)

    // 5. 批量结对: each community with a unit, the street with the unit that joined this year.
    await app.click('[data-test="nav-agreements"]')
    await app.click('#tab-pair')
    await app.waitFor('[data-test="pair-meeting"]', { text: title })
    await app.click('[data-test="pair-fill-communities"]')
    await app.waitFor('[data-test="pair-remove-1"]')
    await chooseUnit(app, 0, '小学', '八大关小学')
    await chooseUnit(app, 1, '邮政', '八大关邮政支局')
    await app.click('[data-test="pair-fill-new"]')
    await app.waitFor('[data-test="pair-create"]', { text: '生成 3 份协议' })
    // 湛山社区 still lacks its details: the warning says so and links to where they go.
    await app.waitFor('[data-test="pair-warn-1"]', { text: '湛山社区党委' })
    await app.shot('year-5-pairing-warning.png')
    await app.click('[data-test="pair-create"]')
    await app.waitFor('[data-test="agreement-table"]', { text: '八大关文旅发展有限公司' })
    const drafts = json(dataDir, 'agreement', 'list')
    assert.equal(drafts.length, 3)
    assert.ok(drafts.every((a) => a.number === '' && a.status === '草拟'), 'drafts have no number yet')

    // Printing all three is refused: the message names 湛山社区 and offers one click to it.
    await app.click('[data-test="agreement-print-batch"]')
    const pdf = join(dataDir, '共建协议.pdf')
    await app.pressWithFile('[data-test="print-start"]', pdf, '.el-message-box', { text: '湛山社区' })
    await app.shot('year-6-missing-info.png')
    await app.click('.el-message-box__btns .el-button--primary', { text: '去填写社区信息' })
    await fillCommunity(app, '湛山社区', '陈红', '林涛', '0532-82860022')
    assert.ok(!existsSync(pdf), 'nothing was printed')
    assert.ok(json(dataDir, 'agreement', 'list').every((a) => a.number === ''), 'no number was used up')

    // Now the batch prints, numbered in order with the street's prefix.
    await app.click('[data-test="nav-agreements"]')
    await app.waitFor('[data-test="agreement-table"]', { text: '湛山社区党委' })
    await app.click('[data-test="agreement-print-batch"]')
    await app.pressWithFile('[data-test="print-start"]', pdf, '[data-test="print-result"]')
    await app.click('[data-test="print-close"]')
    await app.waitFor('[data-test="agreement-table"]', { text: `八大关共建〔${YEAR}〕第003号` })
    await app.shot('year-7-agreements-printed.png')
    const printed = json(dataDir, 'agreement', 'list')
    assert.deepEqual(printed.map((a) => a.number).sort(), [1, 2, 3].map((n) => `八大关共建〔${YEAR}〕第00${n}号`))
    const text = pdfText(pdf)
    for (const want of [
      `八大关共建〔${YEAR}〕第001号`,
      `八大关共建〔${YEAR}〕第003号`,
      STREET.party_org,
      '太平角社区党委',
      '张丽',
      '陈红',
      '马骏',
    ]) {
      assert.ok(text.includes(want), `the agreements PDF lacks ${want}`)
    }

    // The same agreements as one Word file, for rewording: the numbers are the printed ones.
    await app.click('[data-test="agreement-print-batch"]')
    await app.click('[data-test="print-mode-word"]')
    await app.waitFor('[data-test="print-word-note"]', { text: '不编号' })
    const docx = await app.pressWithFile('[data-test="print-start"]', join(dataDir, '共建协议.docx'), '[data-test="print-result"]')
    await app.shot('year-7b-agreements-word.png')
    await app.click('[data-test="print-close"]')
    const word = wordText(docx)
    for (const want of [`八大关共建〔${YEAR}〕第001号`, `八大关共建〔${YEAR}〕第003号`, STREET.party_org, '陈红']) {
      assert.ok(word.includes(want), `the agreements .docx lacks ${want}`)
    }

    // 6. The meeting's print pack: the 邀请函 is signed by the street's party organisation.
    await app.click('[data-test="nav-meetings"]')
    await app.click(`[data-test="meeting-item-${meeting.id}"]`)
    await app.click('#tab-print')
    const packDir = join(dataDir, '会议材料')
    mkdirSync(packDir)
    await app.pressWithFile('[data-test="print-pack"]', packDir, '[data-test="print-result"]', { timeout: 120000 })
    // No speeches yet: 发言顺序 is skipped with what to do first; the rest is written.
    await app.waitFor('[data-test="print-notes"]', { text: '发言' })
    assert.ok(!existsSync(join(packDir, '发言顺序.pdf')))
    await app.shot('year-8-pack.png')
    const invitations = pdfText(join(packDir, '邀请函.pdf'))
    assert.ok(invitations.includes(STREET.party_org), 'the invitation is not signed by the party organisation')
    assert.ok(!invitations.includes('）党工委'), 'no bare 党工委 signature')
    assert.ok(invitations.includes('联系人：李青'), 'the reply goes to the street contact')
    assert.ok(pdfText(join(packDir, '签到表.pdf')).includes('八大关文旅发展有限公司'))
    assert.ok(pdfText(join(packDir, '会议议程.pdf')).includes('爱心企业捐赠仪式'), 'the usual agenda prints')

    // The sign-in sheet as a Word file, beside its PDF.
    await app.waitFor('[data-test="word-documents"]', { text: '签到表' })
    const signinDocx = await app.pressWithFile('[data-test="word-signin"]', join(dataDir, '签到表.docx'), '[data-test="print-result"]')
    await app.shot('year-9-word.png')
    const signin = wordText(signinDocx)
    assert.ok(signin.includes('签到表') && signin.includes('八大关文旅发展有限公司'), signin)
    await app.quit()
  } finally {
    driver.stop()
  }
})
