// End-to-end: donations in the real app from an EMPTY database, as a secretary starts. The
// street's profile, the roster and the meeting are entered first (through the CLI, as in
// cli_year); then, in the app: a pledge from a member unit picked as you type, an in-kind gift
// from an outside donor, a partial receipt, the totals bar in figures and 大写, the 大写金额
// tool, a bad amount that changes nothing, and the register and certificates printed.
// Checked through the CLI and the PDFs themselves.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'
import { ANNUAL, cli, dbBytes, json, pdfText, streetWithRoster, YEAR } from './papers.mjs'


test('a pledge, an in-kind gift and a partial receipt, printed, from an empty database', async () => {
  const dataDir = tempDataDir()
  // The street, two member units and the meeting, as a secretary sets them up first.
  streetWithRoster(dataDir, '单位名称,联系人\n八大关小学,陈晨\n八大关文旅发展有限公司,胡悦')
  cli(dataDir, 'meeting', 'create', '--title', ANNUAL, '--kind', '年会', '--date', `${YEAR}-09-25`)
  assert.deepEqual(json(dataDir, 'donation', 'list').donations, [])

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-donations"]')
    await app.waitFor('[data-test="donation-table"]', { text: '还没有捐赠记录' })

    // 1. A cash pledge from a member unit, picked as the name is typed.
    await app.click('[data-test="donation-new"]')
    await app.waitFor('[data-test="donation-dialog"]', { text: '捐赠方' })
    await app.pick('[data-test="donation-donor"]', '八大关文旅发展有限公司', { search: '文旅' })
    await app.pick('[data-test="donation-meeting"]', ANNUAL)
    await app.type('input[data-test="donation-pledged"]', '5万')
    await app.type('input[data-test="donation-purpose"]', '“帮到家”助困基金')
    await app.type('input[data-test="donation-handler"]', '李青')
    await app.shot('donations-1-pledge.png')
    await app.click('[data-test="donation-save"]')
    await app.waitFor('[data-test="donation-table"]', { text: '八大关文旅发展有限公司' })

    // 2. Goods from an outside donor: a new name, never forced onto the roster.
    await app.click('[data-test="donation-new"]')
    await app.pick('[data-test="donation-donor"]', '海棠爱心超市', { search: '海棠爱心超市' })
    await app.pick('[data-test="donation-meeting"]', ANNUAL)
    await app.click('[data-test="kind-物资"]')
    await app.type('input[data-test="donation-item"]', '中秋月饼')
    await app.type('input[data-test="donation-quantity"]', '200')
    await app.type('input[data-test="donation-unit"]', '盒')
    await app.type('input[data-test="donation-value"]', '¥16,000.00')
    await app.shot('donations-2-goods.png')
    await app.click('[data-test="donation-save"]')
    await app.waitFor('[data-test="donation-table"]', { text: '中秋月饼200盒' })
    const list = json(dataDir, 'donation', 'list')
    const pledge = list.donations.find((d) => d.donor_name === '八大关文旅发展有限公司')
    const goods = list.donations.find((d) => d.donor_name === '海棠爱心超市')
    assert.ok(pledge.unit_id !== null, 'the member unit is linked')
    assert.equal(goods.unit_id, null, 'the outside donor stays outside the roster')
    assert.equal(json(dataDir, 'roster', 'list').length, 2, 'no unit was added')

    // 3. A bad amount: a Chinese message, and the database is byte-identical.
    const before = dbBytes(dataDir)
    await app.click(`[data-test="receive-${pledge.id}"]`)
    await app.type('input[data-test="receive-amount"]', '两万块')
    await app.click('[data-test="receive-save"]')
    await app.waitFor('.el-message', { text: '不是有效的金额' })
    await app.setValue('input[data-test="receive-amount"]', '60000')
    await app.click('[data-test="receive-save"]')
    await app.waitFor('.el-message', { text: '超过了' })
    assert.equal(dbBytes(dataDir), before, 'bad input changed the database')

    // 4. A partial receipt.
    await app.setValue('input[data-test="receive-amount"]', '20,000')
    await app.click('[data-test="receive-save"]')
    await app.waitFor(`[data-test="status-${pledge.id}"]`, { text: '部分到账' })
    await app.waitFor('[data-test="donation-totals"]', { text: '伍万元整' })
    await app.waitFor('[data-test="donation-totals"]', { text: '贰万元整' })
    await app.waitFor('[data-test="donation-totals"]', { text: '叁万元整' })
    await app.waitFor('[data-test="donation-totals"]', { text: '壹万陆仟元整' })
    await app.shot('donations-3-list.png')

    // An edit keeps the amounts (shown as ¥50,000.00 and read back by the core).
    await app.click(`[data-test="edit-${pledge.id}"]`)
    await app.waitFor('[data-test="donation-dialog"]', { text: '编辑捐赠' })
    assert.equal(await app.value('input[data-test="donation-pledged"]'), '¥50,000.00')
    await app.setValue('input[data-test="donation-purpose"]', '“帮到家”助困基金（重阳节）')
    await app.click('[data-test="donation-save"]')
    await app.waitFor('[data-test="donation-table"]', { text: '重阳节' })
    const edited = json(dataDir, 'donation', 'list').donations.find((d) => d.id === pledge.id)
    assert.equal(edited.pledged_fen, 5000000)
    assert.equal(edited.received_fen, 2000000)

    // 5. The 大写金额 tool.
    await app.click('[data-test="amount-tool"]')
    await app.type('input[data-test="amount-input"]', '1409.50')
    await app.waitFor('[data-test="amount-upper"]', { text: '壹仟肆佰零玖元伍角' })
    await app.shot('donations-4-amount-tool.png')
    await app.click('[data-test="amount-dialog"] .el-dialog__headerbtn')

    // 6. The register and the certificates.
    const register = await app.pressWithFile('[data-test="print-register"]', join(dataDir, '捐赠登记表.pdf'), '[data-test="donation-print-result"]')
    // The certificates' date in Chinese numerals (a setting, kept in the database).
    await app.click('[data-test="certificate-settings"]')
    await app.click('[data-test="certificate-date-chinese"]')
    await app.shot('donations-5-certificate-settings.png')
    await app.click('[data-test="certificate-save"]')
    await app.waitFor('.el-message', { text: '已保存证书设置' })
    const certificates = await app.pressWithFile('[data-test="print-certificates"]', join(dataDir, '荣誉证书.pdf'), '[data-test="donation-print-result"]')
    await app.shot('donations-5-printed.png')

    // 7. A list from Excel (here CSV) through the wizard: a 合计 row skipped, a bad amount an
    // error on its row, the rest imported as one batch, then undone.
    const sheet = join(dataDir, '捐赠清单.csv')
    writeFileSync(
      sheet,
      '\ufeff2026年捐赠统计表\n捐赠单位,认捐金额,到账金额,到账日期\n八大关小学,"30,000.00",1万,2026.9.28\n某某物业,三万块,,\n某某药店,3.5万元,,\n合计,"65,000.00",,\n',
    )
    await app.click('[data-test="donation-import"]')
    await app.pressWithFile('[data-test="donation-import-choose"]', sheet, '[data-test="donation-import-columns"]', { text: '到账日期' })
    await app.click('[data-test="donation-import-next"]')
    await app.waitFor('[data-test="donation-import-count"]', { text: '可导入 2 笔' })
    await app.waitFor('[data-test="donation-import-problems"]', { text: '三万块' })
    await app.shot('donations-6-import-preview.png')
    await app.click('[data-test="donation-import-commit"]')
    await app.waitFor('[data-test="donation-import-result"]', { text: '已导入 2 笔' })
    assert.equal(json(dataDir, 'donation', 'list').donations.length, 4)
    await app.click('[data-test="donation-import-undo"]')
    await app.waitFor('[data-test="donation-import-result"]', { text: '已撤销本次导入' })
    await app.click('[data-test="donation-import-close"]')
    assert.equal(json(dataDir, 'donation', 'list').donations.length, 2)

    // 8. The meeting's print tab shows its donations.
    await app.click('[data-test="nav-meetings"]')
    const meeting = json(dataDir, 'meeting', 'list').find((m) => m.title === ANNUAL)
    await app.click(`[data-test="meeting-item-${meeting.id}"]`)
    await app.waitFor('[data-test="meeting-readiness"]', { text: '2 笔捐赠：认捐 ¥50,000.00，已到账 ¥20,000.00，物资 1 笔' })
    await app.shot('donations-7-readiness.png')
    await app.click('#tab-print')
    await app.waitFor('[data-test="meeting-donations"]', { text: '海棠爱心超市' })
    await app.quit()

    // The totals and the 大写 through the CLI and the PDFs.
    const after = json(dataDir, 'donation', 'list', '--meeting', String(meeting.id))
    assert.equal(after.totals.cash_pledged_fen, 5000000)
    assert.equal(after.totals.cash_received_fen, 2000000)
    assert.equal(after.totals.in_kind_value_fen, 1600000)
    assert.equal(after.totals.cash_received_upper, '贰万元整')
    assert.equal(after.donations.find((d) => d.id === pledge.id).status, '部分到账')
    assert.ok(after.donations.every((d) => d.certificate_printed))
    const reg = pdfText(register)
    for (const want of ['捐赠登记表', '八大关文旅发展有限公司', '海棠爱心超市', '¥50,000.00', '¥20,000.00', '中秋月饼200盒', '人民币伍万元整', '人民币贰万元整', '人民币壹万陆仟元整', '经办人：李青']) {
      assert.ok(reg.includes(want), `the register lacks ${want}`)
    }
    const certs = pdfText(certificates)
    const cnYear = String(YEAR).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)])
    for (const want of ['荣誉证书', '八大关文旅发展有限公司：', '海棠爱心超市：', '特发此证，以资鼓励。', '八大关街道办事处', `${cnYear}年`]) {
      assert.ok(certs.includes(want), `the certificates lack ${want}`)
    }
    for (const word of ['收据', '票据', '发票']) {
      assert.ok(!reg.includes(word) && !certs.includes(word), `${word} printed`)
    }
  } finally {
    driver.stop()
  }
})
