// End-to-end: the year's end, from an EMPTY database set up through the CLI as a secretary's
// year would leave it (street, roster, a meeting with sign-ins and a 请假, an agreement
// printed and signed with its scan, the 纪要 drafted). In the app: 年度概览 shows the numbers
// of the data, prints 年度工作统计, and 年度归档 writes the folder and its .zip; the manifest,
// the 目录 PDF and `archive verify` are checked from outside.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'
import { pdfText, YEAR } from './papers.mjs'

// The meeting's day: 21 September, or today before then (a meeting is 已召开 once its day has
// come and units signed in, so the test must not depend on the month it runs in).
const pad = (n) => String(n).padStart(2, '0')
const TODAY = `${YEAR}-${pad(new Date().getMonth() + 1)}-${pad(new Date().getDate())}`
const DAY = `${YEAR}-09-21` < TODAY ? `${YEAR}-09-21` : TODAY

const ROSTER = [
  '单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话,入会时间',
  '八大关小学,学校,太平角社区,学校分会,陈校长,吴老师,13805320101,2015-09',
  `太平角宾馆有限公司,企业,太平角社区,企业分会,郑总,冯经理,13805320102,${YEAR}-03`,
  '汇泉湾邮政支局,企业,汇泉湾社区,企业分会,褚局长,卫主任,13805320103,2012',
].join('\n')

function setUp(dataDir) {
  const cli = (...args) => execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), ...args], { encoding: 'utf8' })
  cli('street', 'set', '--name', '八大关街道办事处', '--party-org', '中共八大关街道工作委员会', '--leader', '王海', '--contact', '李青', '--phone', '0532-82860001')
  const roster = join(dataDir, '名册.csv')
  writeFileSync(roster, ROSTER + '\n')
  cli('roster', 'import', roster)
  cli('community', 'set', '太平角社区', '--leader', '孙丽', '--contact', '周明', '--phone', '0532-82860011')
  const m = cli('meeting', 'create', '--title', `${YEAR}年联席会年会`, '--kind', '年会', '--date', DAY).trim()
  cli('meeting', 'invite', '--meeting', m, '--all')
  cli('meeting', 'reply', '--meeting', m, '--unit', '汇泉湾邮政支局', '--leave')
  cli('meeting', 'signin', '--meeting', m, '--unit', '八大关小学')
  cli('meeting', 'signin', '--meeting', m, '--unit', '太平角宾馆有限公司')
  cli('minutes', 'draft', '--meeting', m)
  cli('donation', 'add', '--donor', '太平角宾馆有限公司', '--meeting', m, '--cash', '30000', '--received', '20000', '--on', DAY)
  const a = cli('agreement', 'pair', '--meeting', m, '--a', 'community:太平角社区', '--b', 'unit:八大关小学').trim()
  const pdf = join(dataDir, '协议.pdf')
  cli('print', 'agreements', '--id', a, '-o', pdf)
  const scan = join(dataDir, '盖章件.pdf')
  copyFileSync(pdf, scan)
  cli('agreement', 'sign', a, '--on', DAY, '--scan', scan)
  // Two projects of the year: one claimed, one still open.
  cli('projects', 'add', '--name', '四点半课堂', '--category', '关心关爱', '--year', String(YEAR))
  cli('projects', 'add', '--name', '老旧小区环境整治', '--category', '区域发展', '--year', String(YEAR))
  cli('projects', 'claim', `项${YEAR}-001`, '--unit', '八大关小学', '--on', DAY)
  return cli
}

test('the year at a glance and its archive, from an empty database', async () => {
  const dataDir = tempDataDir()
  const cli = setUp(dataDir)
  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-year"]')
    await app.waitFor('[data-test="chart-attendance"]', { text: '会议到会情况' })
    await sleep(800)
    await app.saveScreenshot('archive-1-overview.png')

    // The numbers behind the charts are the data's.
    await app.click('[data-test="chart-table-attendance"]')
    await app.waitFor('[data-test="chart-rows-attendance"]', { text: '67%' })
    // Cells run together in the text: 日期, 应到 3, 实到 2, 请假 1, 到会率.
    const rows = (await app.text('[data-test="chart-rows-attendance"]')).replace(/\s+/g, '')
    assert.ok(rows.includes(DAY + '3' + '2' + '1' + '67%'), rows)
    await app.click('[data-test="chart-table-category"]')
    await app.waitFor('[data-test="chart-rows-category"]', { text: '企业' })
    await app.click('[data-test="chart-table-agreements"]')
    await app.waitFor('[data-test="chart-rows-agreements"]', { text: '已签署' })
    // The year's projects by the core's statuses.
    await app.click('[data-test="chart-table-projects"]')
    const projects = (await app.text('[data-test="chart-rows-projects"]')).replace(/\s+/g, '')
    assert.ok(projects.includes('未认领1') && projects.includes('已认领1'), projects)
    await app.click('[data-test="chart-table-donations"]')
    await app.waitFor('[data-test="chart-rows-donations"]', { text: '¥20,000.00' })
    await app.saveScreenshot('archive-2-numbers.png')

    // 年度工作统计 as a PDF.
    const statsPdf = join(dataDir, '年度工作统计.pdf')
    await app.pressWithFile('[data-test="year-print"]', statsPdf, '.el-message', { text: '年度工作统计已保存' })
    const printed = pdfText(statsPdf, '-layout')
    assert.ok(printed.includes(`${YEAR}年度工作统计`), printed)
    assert.ok(printed.includes('实到2/3，请假1，67%'), printed)
    assert.ok(printed.includes('认捐¥30,000.00，到账¥20,000.00'), printed)

    // 年度归档 into a folder the user picks.
    const parent = join(dataDir, '档案')
    mkdirSync(parent)
    await app.click('[data-test="year-archive"]')
    await app.waitFor('[data-test="archive-dialog"]', { text: 'manifest.csv' })
    await app.pressWithFile('[data-test="archive-start"]', parent, '[data-test="archive-result"]', { text: '已归档', timeout: 120000 })
    await sleep(500)
    await app.saveScreenshot('archive-3-done.png')
    const dir = join(parent, `联席会年度归档-${YEAR}`)
    assert.ok(existsSync(`${dir}.zip`), 'the .zip beside the folder')
    const manifest = readFileSync(join(dir, 'manifest.csv'), 'utf8')
    for (const want of ['会议纪要.pdf', '会议纪要.docx', '签到情况.pdf', '签署扫描件', '捐赠登记表.pdf', '荣誉证书.pdf', '成员单位名册.xlsx', '数据备份', '三张清单.pdf', '项目认领表.pdf']) {
      assert.ok(manifest.includes(want), `the manifest lacks ${want}`)
    }
    const contents = pdfText(join(dir, '归档文件目录.pdf'))
    assert.ok(contents.includes(`${YEAR}年度归档文件目录`), contents)
    assert.ok(contents.includes('会议纪要') && contents.includes('永久'), contents)
    assert.ok(cli('archive', 'verify', dir).includes('完好'))

    // Archiving again into the same place is refused: nothing is overwritten.
    await app.click('[data-test="archive-close"]')
    await app.click('[data-test="year-archive"]')
    await app.pressWithFile('[data-test="archive-start"]', parent, '.el-message--error', { text: '已存在' })
    await app.quit()
  } finally {
    driver.stop()
  }
})
