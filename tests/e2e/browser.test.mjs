// End-to-end in a real browser: `lianxi serve` and Debian's Chromium, from an EMPTY database,
// as a secretary on a 信创 desktop starts. The welcome, the street's profile, a roster imported
// by upload, a meeting with every unit invited, one document downloaded as a PDF, the whole
// print pack as one .zip, an agreement printed and downloaded, the minutes as a PDF, and 取消
// during a big roster's preview, checked through the CLI and the downloaded files themselves.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI, downloaded, startBrowser, tempDataDir } from './webdriver.mjs'
import { cli, json, pdfText, STREET, YEAR } from './papers.mjs'

const ROSTER = [
  '单位名称,所属社区,分会,党组织书记,联系人,联系电话,入会时间',
  '八大关小学,太平角社区,学校分会,周敏,陈晨,13805320001,2015-09',
  '八大关邮政支局,湛山社区,企业分会,吴刚,郑爽,13805320003,2012',
  `八大关文旅发展有限公司,湛山社区,企业分会,冯强,胡悦,13805320006,${YEAR}-03`,
].join('\n')

test('in Chromium: a new street, a roster by upload, a meeting and its papers downloaded', async () => {
  const dataDir = tempDataDir()
  const downloads = join(dataDir, 'downloads')
  mkdirSync(downloads)
  const roster = join(dataDir, '成员 名单.csv')
  writeFileSync(roster, '\ufeff' + ROSTER + '\n')
  const { app, stop } = await startBrowser(dataDir, downloads)
  try {
    await app.waitFor('[data-test="roster-welcome"]', { text: '填写本街道信息，开始使用' })
    await app.shot('browser-1-welcome.png')
    await app.click('[data-test="street-start"]')
    await app.waitFor('[data-test="street-dialog"]', { text: '党组织全称' })
    for (const [field, value] of Object.entries(STREET)) {
      await app.type(`input[data-test="street-${field}"]`, value)
    }
    await app.click('[data-test="street-save"]')
    await app.waitFor('.brand-street', { text: '八大关街道' })
    assert.deepEqual(json(dataDir, 'info').street_missing, [])

    // The roster arrives as an upload and is read by the same bounded worker.
    await app.click('[data-test="roster-import"]')
    await app.answerFileDialogWithUpload(roster)
    await app.click('[data-test="import-choose"]')
    await app.waitFor('[data-test="import-columns"]', { text: '入会时间' })
    await app.click('[data-test="import-next"]')
    await app.waitFor('[data-test="count-new"]', { text: '新增 3' })
    await app.shot('browser-2-import-preview.png')
    await app.commitRosterImport()
    const units = json(dataDir, 'roster', 'list')
    assert.deepEqual(units.map((u) => u.name).sort(), ['八大关小学', '八大关文旅发展有限公司', '八大关邮政支局'].sort())

    // A meeting with every unit invited and the usual agenda.
    await app.click('[data-test="nav-meetings"]')
    await app.click('[data-test="meeting-new"]')
    const title = `八大关街道区域化党建联席会${YEAR}年年会`
    await app.type('input[data-test="meeting-new-title"]', title)
    await app.click('[data-test="meeting-new-save"]')
    await app.waitFor('[data-test="meeting-title"]', { text: title })
    await app.inviteEveryUnit(3)
    await app.click('#tab-agenda')
    await app.click('[data-test="agenda-usual"]')
    await app.waitFor('[data-test="agenda-table"]', { text: '捐赠仪式' })

    // One document: the browser saves it under the name the app gives it.
    await app.click('#tab-print')
    await app.pressWithFile('[data-test="print-agenda"]', 'download:会议议程.pdf', '[data-test="print-result"]', { text: '浏览器“下载”文件夹中的“会议议程.pdf”' })
    await app.shot('browser-3-printed.png')
    const agenda = pdfText(await downloaded(downloads, '会议议程.pdf'))
    assert.ok(agenda.includes('爱心企业捐赠仪式') && agenda.includes(title.slice(0, 8)), agenda)

    // The whole pack, a folder on the desktop, downloads as one .zip of the PDFs.
    await app.pressWithFile('[data-test="print-pack"]', 'download:会议材料', '[data-test="print-result"]', { text: '已保存到 浏览器“下载”文件夹中的“会议材料.zip”。', timeout: 120000 })
    const zip = await downloaded(downloads, '会议材料.zip')
    const listing = execFileSync('unzip', ['-l', zip], { encoding: 'utf8' })
    for (const doc of ['邀请函.pdf', '签到表.pdf', '会议议程.pdf']) {
      assert.ok(listing.includes(doc), `the pack lacks ${doc}:\n${listing}`)
    }
    const out = join(dataDir, 'unzipped')
    execFileSync('unzip', ['-q', zip, '-d', out])
    const invitation = pdfText(join(out, '会议材料', '邀请函.pdf'))
    assert.ok(invitation.includes(STREET.party_org), 'the invitation is signed by the party organisation')
    await app.shot('browser-4-pack.png')

    // An agreement (paired as a script would), printed in the browser and downloaded.
    const meetingId = String(json(dataDir, 'meeting', 'list').find((m) => m.title === title).id)
    cli(dataDir, 'agreement', 'pair', '--meeting', meetingId, '--a', 'street', '--b', 'unit:八大关小学')
    await app.click('[data-test="nav-agreements"]')
    await app.pick('[data-test="agreement-filter-meeting"]', title)
    await app.waitFor('[data-test="agreement-count"]', { text: '显示 1 份' })
    await app.click('[data-test="agreement-print-batch"]')
    await app.pressWithFile('[data-test="print-start"]', 'download:共建协议.pdf', '[data-test="print-result"]', { text: '共建协议.pdf' })
    await app.shot('browser-5-agreement.png')
    await app.click('[data-test="print-close"]')
    const agreement = pdfText(await downloaded(downloads, '共建协议.pdf'))
    for (const want of ['党建结对共建协议书', STREET.party_org, '八大关小学', '负责人：周敏', '双方各执一份']) {
      assert.ok(agreement.includes(want), `the agreement lacks ${want}`)
    }
    assert.equal(json(dataDir, 'agreement', 'list')[0].status, '已打印')

    // The minutes of the meeting, drafted from its data, as a PDF download.
    await app.click('[data-test="nav-minutes"]')
    await app.click(`[data-test="minutes-meeting-${meetingId}"]`)
    await app.pressWithFile('[data-test="minutes-print"]', 'download:会议纪要.pdf', '.el-message', { text: '会议纪要已保存到' })
    await app.shot('browser-6-minutes.png')
    const minutes = pdfText(await downloaded(downloads, '会议纪要.pdf'))
    for (const want of ['会议纪要', title.slice(0, 8)]) {
      assert.ok(minutes.includes(want), `the minutes lack ${want}: ${minutes}`)
    }

    // 取消 while a big roster's preview runs: the cancel crosses as its own request while the
    // preview's is under way, the preview stops, and nothing is written.
    const big = join(dataDir, '全街道名册.csv')
    const rows = Array.from({ length: 20000 }, (_, i) => `测试单位${i + 1},太平角社区,学校分会,张三,138${String(i).padStart(8, '0')}`)
    writeFileSync(big, '\ufeff' + ['单位名称,所属社区,分会,联系人,联系电话', ...rows].join('\n') + '\n')
    await app.click('[data-test="nav-roster"]')
    await app.click('[data-test="roster-import"]')
    await app.answerFileDialogWithUpload(big)
    await app.click('[data-test="import-choose"]')
    await app.click('[data-test="import-cancel"]')
    await app.waitFor('.el-message', { text: '操作已取消' })
    await app.shot('browser-7-cancelled.png')
    assert.equal(json(dataDir, 'roster', 'list').length, 3, 'a cancelled preview writes nothing')
  } finally {
    stop()
  }
})
