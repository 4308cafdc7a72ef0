// End-to-end: 共建协议 from an empty database, set up as a secretary starts (the street's
// profile, a roster with its communities, the meeting being prepared) — pair through 批量结对,
// print the batch into one PDF, mark one agreement signed with a scan; checked through the CLI
// and the files themselves.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'
import { cli } from './papers.mjs'

const agreements = (dataDir) => JSON.parse(cli(dataDir, 'agreement', 'list', '--json'))
const squeeze = (s) => s.replace(/\s+/g, '')

/** Lets dialogs and messages finish their transitions before a screenshot. */
/** A real 1×1 PNG, standing in for a scanned signed copy. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

function today() {
  const d = new Date()
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

const TITLE = '海棠街道2026年联席会年会'
const COMMUNITIES = [
  ['海棠社区', '何丽', '李明', '0532-82860011'],
  ['紫荆社区', '袁芳', '孙立', '0532-82860012'],
  ['银杏社区', '蔡勇', '周敏', '0532-82860013'],
  ['枫林社区', '邓华', '郑洁', '0532-82860014'],
  ['梧桐社区', '唐静', '陈晨', '0532-82860015'],
]
const ROSTER = [
  '单位名称,所属社区,党组织书记,联系人,联系电话',
  '海棠区图书馆,海棠社区,王芳,李青,0532-82860101',
  '海棠路小学,紫荆社区,赵强,孙丽,13805320102',
  '海棠区税务局,银杏社区,钱进,吴敏,0532-82860103',
  '海棠物业服务有限公司,枫林社区,吴涛,郑爽,13805320104',
  '海棠大学,梧桐社区,冯刚,陈静,0532-82860105',
].join('\n')

/**
 * An empty database set up as a secretary starts: the street's profile, the roster (with the
 * communities it names) and each community's details, last year's meeting with one agreement
 * paired through the CLI, and this year's meeting being prepared.
 */
function setUpStreet(dataDir) {
  cli(dataDir, 'street', 'set', '--name', '海棠街道办事处', '--party-org', '中共海棠街道工作委员会')
  cli(dataDir, 'street', 'set', '--leader', '林雅琴', '--contact', '陈振华', '--phone', '0532-82860000')
  const roster = join(dataDir, '名册.csv')
  writeFileSync(roster, '\ufeff' + ROSTER + '\n')
  cli(dataDir, 'roster', 'import', roster)
  for (const [name, leader, contact, phone] of COMMUNITIES) {
    cli(dataDir, 'community', 'set', name, '--leader', leader, '--contact', contact, '--phone', phone)
  }
  const last = '海棠街道2025年联席会年会'
  cli(dataDir, 'meeting', 'create', '--title', last, '--kind', '年会', '--date', '2025-09-19')
  cli(dataDir, 'agreement', 'pair', '--meeting', last, '--a', 'street', '--b', 'unit:海棠大学')
  cli(dataDir, 'meeting', 'create', '--title', TITLE, '--kind', '年会', '--date', '2026-09-25')
}

test('agreements are paired, printed as one PDF and one is marked signed with a scan', async () => {
  const dataDir = tempDataDir()
  setUpStreet(dataDir)
  const before = agreements(dataDir)
  assert.equal(before.length, 1)
  const meeting = JSON.parse(cli(dataDir, 'meeting', 'list', '--json')).find((m) => m.title === TITLE)
  assert.equal(meeting?.status, '筹备中', 'the meeting is being prepared')
  const scan = join(dataDir, '签署扫描件.png')
  writeFileSync(scan, PNG)

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-agreements"]')
    await app.waitFor('[data-test="agreement-table"]', { text: before[0].party_b.name })
    await app.shot('agreements-list.png')

    // 批量结对: the meeting being prepared is chosen already; one row per community, then
    // keep two rows and choose a unit for each.
    await app.click('#tab-pair')
    await app.waitFor('[data-test="pair-meeting"]', { text: meeting.title })
    await app.click('[data-test="pair-fill-communities"]')
    await app.waitFor('[data-test="pair-remove-4"]')
    for (let i = 0; i < 3; i++) await app.click('[data-test="pair-remove-2"]')
    await app.pick('[data-test="pair-b-0"]', '海棠区图书馆', { search: '图书馆' })
    await app.pick('[data-test="pair-b-1"]', '海棠路小学', { search: '小学' })
    await app.waitFor('[data-test="pair-create"]', { text: '生成 2 份协议' })
    await app.shot('agreements-pairing.png')
    await app.click('[data-test="pair-create"]')

    // The list shows the new ones; filter to the meeting and print all shown into one PDF.
    await app.waitFor('[data-test="agreement-table"]', { text: '海棠区图书馆' })
    const made = agreements(dataDir).filter((a) => a.meeting_id === meeting.id)
    assert.equal(made.length, 2)
    assert.equal(agreements(dataDir).length, before.length + 2)
    assert.deepEqual(
      made.map((a) => a.status),
      ['草拟', '草拟'],
    )
    await app.pick('[data-test="agreement-filter-meeting"]', meeting.title)
    await app.waitFor('[data-test="agreement-count"]', { text: '显示 2 份' })
    await app.click('[data-test="agreement-print-batch"]')
    const pdf = await app.pressWithFile('[data-test="print-start"]', join(dataDir, '年会协议.pdf'), '[data-test="print-result"]')
    await app.shot('agreements-printed.png')
    await app.click('[data-test="print-close"]')

    assert.ok(statSync(pdf).size > 0)
    assert.equal(readFileSync(pdf).subarray(0, 4).toString(), '%PDF')
    // Drafts have no number; printing numbers them in order and marks them 已打印.
    assert.deepEqual(
      made.map((a) => a.number),
      ['', ''],
    )
    const printed = agreements(dataDir).filter((a) => a.meeting_id === meeting.id)
    assert.deepEqual(
      printed.map((a) => a.status),
      ['已打印', '已打印'],
    )
    const text = squeeze(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }))
    for (const a of printed) {
      assert.match(a.number, /^海棠共建〔\d{4}〕第\d{3}号$/)
      for (const name of [a.party_a.name, a.party_b.name, a.number]) {
        assert.ok(text.includes(squeeze(name)), `the PDF lacks ${name}`)
      }
    }

    // The same two, one file each, into a chosen folder.
    const folder = join(dataDir, '分别打印')
    mkdirSync(folder)
    await app.click('[data-test="agreement-print-batch"]')
    await app.click('[data-test="print-mode-dir"]')
    await app.pressWithFile('[data-test="print-start"]', folder, '[data-test="print-result"]')
    await app.click('[data-test="print-close"]')
    const files = readdirSync(folder).sort()
    assert.equal(files.length, 2)
    assert.ok(files[0].startsWith(printed[0].number) && files[0].endsWith('.pdf'), files[0])

    // 标记已签署 with today's date and a scan.
    const first = made[0]
    await app.waitFor(`[data-test="agreement-status-${first.id}"]`, { text: '已打印' })
    await app.click(`[data-test="agreement-sign-${first.id}"]`)
    await app.pressWithFile('[data-test="sign-choose-scan"]', scan, '[data-test="sign-scan-name"]', { text: '签署扫描件.png' })
    await app.shot('agreements-sign.png')
    await app.click('[data-test="sign-confirm"]')
    await app.waitFor(`[data-test="agreement-status-${first.id}"]`, { text: '已签署' })
    await app.waitFor(`[data-test="agreement-scan-${first.id}"]`)
    await app.shot('agreements-signed.png')

    const signed = agreements(dataDir).find((a) => a.id === first.id)
    assert.equal(signed.status, '已签署')
    assert.equal(signed.signed_on, today())
    assert.match(signed.scan_file, /^scans\//)
    const stored = join(dataDir, signed.scan_file)
    assert.ok(existsSync(stored), `${stored} was not copied`)
    assert.deepEqual(readFileSync(stored), PNG)

    // The template editor: the palette inserts a placeholder where the caret is, the preview
    // fills it with a sample; an unknown placeholder is named inline and refused on saving.
    await app.click('#tab-templates')
    await app.waitFor('[data-test="tpl-preview"]', { text: '示例社区党委' })
    const clause = 'textarea[data-test="tpl-clause-0-0"]'
    await app.setValue(clause, '由')
    await app.click(clause)
    await app.click('[data-test="tpl-ph-甲方名称"]')
    await app.waitFor('[data-test="tpl-preview"]', { text: '由示例社区党委' })
    await app.setValue(clause, '由{{甲方书记}}负责。')
    await app.waitFor('[data-test="tpl-problems"]', { text: '无法识别的占位符“{{甲方书记}}”' })
    await app.click('[data-test="tpl-save"]')
    await app.waitFor('[data-test="tpl-error"]', { text: '甲方书记' })
    await app.shot('agreements-template.png')
    await app.quit()
  } finally {
    driver.stop()
  }
})
