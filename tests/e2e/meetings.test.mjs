// End-to-end: prepare a meeting from last year's in the real app, from an EMPTY database as a
// street starts (no demo): the street's profile, its roster and last year's meeting with its
// agenda are set up through the CLI; then in the app the meeting is copied, one branch invited,
// three speeches lined up, two units signed in at the desk and the whole pack printed. The
// database is checked through the CLI and the PDFs with poppler.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'
import { ANNUAL, YEAR } from './papers.mjs'

const ENTER = '\uE007'
const LAST_TITLE = `八大关街道区域化党建联席会${YEAR - 1}年年会`
const BRANCH = '学校分会'
const PACK = ['会议议程', '参会单位名单', '签到表', '发言顺序', '邀请函', '桌签', '座次表']
const STREET = {
  name: '八大关街道办事处',
  'party-org': '中共八大关街道工作委员会',
  leader: '王海',
  contact: '李青',
  phone: '0532-82860001',
}

/**
 * The roster as an office sends it: six schools in 学校分会 (and one that has left, which is
 * never invited), and units of four other branches.
 */
const ROSTER = [
  '序号,单位名称,单位类别,所属社区,分会,党组织书记,联系人,联系电话,入会时间,状态',
  '1,八大关小学,学校,太平角社区,学校分会,周敏,陈晨,13805320001,2015-09,在册',
  '2,太平角幼儿园,学校,太平角社区,学校分会,何静,朱丽,13805320002,2016,在册',
  '3,湛山中学,学校,湛山社区,学校分会,罗刚,高雅,13805320003,2012,在册',
  '4,青岛第二实验中学,学校,湛山社区,学校分会,谢峰,宋佳,13805320004,2010,在册',
  '5,汇泉湾职业学校,学校,太平角社区,学校分会,韩雪,唐宁,13805320005,2018-03,在册',
  '6,海滨艺术学校,学校,湛山社区,学校分会,冯珺,袁媛,13805320006,2019,在册',
  '7,金湖路小学,学校,湛山社区,学校分会,许亮,邓洁,13805320007,2011,已退出',
  '8,八大关邮政支局,企业,湛山社区,企业分会,吴刚,郑爽,13805320008,2012,在册',
  '9,八大关文旅发展有限公司,企业,湛山社区,企业分会,马骏,胡悦,13805320009,2020,在册',
  '10,湛山派出所,机关,湛山社区,成员单位分会,冯强,许可,13805320010,2008,在册',
  '11,驻区某部队,部队,太平角社区,部队分会,孙涛,刘洋,13805320011,2009,在册',
  '12,青岛某某研究所,科研院所,太平角社区,其他区域单位分会,林峰,曹颖,0532-82861111,2010,在册',
].join('\n')

/** Last year's agenda, as the secretary wrote it: [kind, title, minutes, speaker]. */
const LAST_AGENDA = [
  ['主持开场', '主持人宣布开会，介绍出席领导和嘉宾', 5, '街道党工委副书记 周立新'],
  ['工作报告', '街道党工委书记作年度区域化党建工作报告', 20, '街道党工委书记 王海'],
  ['交流发言', '成员单位代表交流发言', 24, ''],
  ['协议签约', '党建结对共建协议签约', 10, ''],
  ['领导讲话', '区委组织部领导讲话', 15, '区委组织部副部长 林雅琴'],
  ['总结讲话', '主持人总结，宣布会议结束', 5, '街道党工委副书记 周立新'],
]

/** A screenshot once dialogs and messages have finished their animations. */
const run = (dataDir, ...args) =>
  execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), ...args], { encoding: 'utf8' })
const cli = (dataDir, ...args) => JSON.parse(run(dataDir, ...args))
/** What a copied agenda keeps of each item. */
const agendaOf = (dataDir, id) =>
  cli(dataDir, 'meeting', 'agenda', 'list', '--meeting', String(id), '--json').map((i) => [
    i.kind,
    i.title,
    i.duration_min,
    i.presenter,
  ])

/**
 * A street's first year, before this year's meeting: the profile, the roster imported, last
 * year's meeting (09:00) with every unit invited and its agenda. Returns last year's meeting.
 */
function lastYear(dataDir) {
  assert.equal(cli(dataDir, 'info', '--json').unit_count, 0, 'starts from an empty database')
  run(dataDir, 'street', 'set', ...Object.entries(STREET).flatMap(([k, v]) => [`--${k}`, v]))
  const roster = join(dataDir, '成员单位名册.csv')
  writeFileSync(roster, '\ufeff' + ROSTER + '\n')
  run(dataDir, 'roster', 'import', roster)
  const last = cli(
    dataDir,
    'meeting',
    'create',
    '--title',
    LAST_TITLE,
    '--kind',
    '年会',
    '--date',
    `${YEAR - 1}-09-19`,
    '--time',
    '09:00',
    '--venue',
    '八大关街道党群服务中心三楼会议室',
    '--theme',
    '党建引领聚合力 共建共治促发展',
    '--json',
  )
  run(dataDir, 'meeting', 'invite', '--meeting', String(last.id), '--all')
  for (const [kind, title, minutes, speaker] of LAST_AGENDA) {
    const args = ['--kind', kind, '--title', title, '--minutes', String(minutes), '--speaker', speaker]
    run(dataDir, 'meeting', 'agenda', 'add', '--meeting', String(last.id), ...args)
  }
  assert.deepEqual(
    agendaOf(dataDir, last.id),
    LAST_AGENDA.map(([k, t, n, p]) => [k, t, n, p]),
  )
  return last
}

/** A two-character piece of `name` found in no other invitee's name or attendees. */
function uniquePiece(name, invitees) {
  const others = invitees.filter((i) => i.name !== name).map((i) => `${i.name}|${i.attendee_names}`)
  const chars = [...name]
  for (let k = 0; k + 1 < chars.length; k++) {
    const piece = chars[k] + chars[k + 1]
    if (!others.some((o) => o.includes(piece))) return piece
  }
  throw new Error(`no unique two characters in ${name}`)
}

test('a meeting is prepared from last year’s: invitations by branch, speeches, sign-in, print pack', async () => {
  const dataDir = tempDataDir()
  const source = lastYear(dataDir)
  const schools = cli(dataDir, 'roster', 'list', '--json').filter((u) => u.branch === BRANCH && u.status === '在册')
  assert.equal(schools.length, 6, 'six schools are on the roster, one more has left')

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-meetings"]')
    await app.click(`[data-test="meeting-item-${source.id}"]`)
    await app.waitFor('[data-test="meeting-title"]', { text: source.title })

    // 以上一次会议为蓝本: a new title; keep the agenda, start a fresh invitation list and speaker list.
    await app.click('[data-test="meeting-copy"]')
    await app.waitFor('[data-test="meeting-copy-dialog"]', { text: '蓝本会议' })
    await app.setValue('input[data-test="copy-title"]', ANNUAL)
    await app.setChecked('[data-test="copy-invitations"]', false)
    await app.setChecked('[data-test="copy-speeches"]', false)
    await app.setChecked('[data-test="copy-agenda"]', true)
    await app.click('[data-test="copy-save"]')
    await app.waitFor('[data-test="meeting-title"]', { text: ANNUAL })
    await app.waitFor('[data-test="meeting-readiness"]', { text: '未填写：日期' })
    await app.shot('meetings-overview.png', 2000)
    const created = cli(dataDir, 'meeting', 'list', '--json').find((m) => m.title === ANNUAL)
    assert.ok(created, 'the copy was saved')
    assert.equal(created.date, null)
    assert.equal(created.based_on_id, source.id)
    assert.equal(created.start_time, source.start_time, 'the start time is kept')
    assert.deepEqual(agendaOf(dataDir, created.id), agendaOf(dataDir, source.id), 'the agenda was copied')

    // 邀请与回执: invite the schools' branch.
    await app.click('#tab-invite')
    await app.waitFor('[data-test="invite-empty"]')
    await app.click('[data-test="invite-open"]')
    await app.pick('[data-test="invite-branch"]', `${BRANCH}（${schools.length} 家，未邀请 ${schools.length} 家）`, {
      shows: BRANCH,
    })
    await app.click('[data-test="invite-save"]', { text: `邀请 ${schools.length} 家单位` })
    await app.waitFor('[data-test="invite-table"]', { text: schools[0].name })
    await app.waitFor('[data-test="invite-counts"]', { text: `成员单位 ${schools.length} 家` })
    await app.shot('meetings-invite.png')

    // 议程 before the speeches: the copied 交流发言 item keeps last year's total.
    await app.click('#tab-agenda')
    await app.waitFor('[data-test="agenda-table"]', { text: '交流发言' })
    const endBefore = (await app.text('[data-test="agenda-end"]')).trim()
    assert.equal(endBefore, '10:19', 'last year’s agenda: 79 minutes from 09:00')

    // 发言: three speeches of 5 minutes; the agenda's 交流发言 item follows them.
    await app.click('#tab-speeches')
    await app.waitFor('[data-test="speeches-empty"]')
    const speakers = ['张晓梅', '李文博', '王海鹰']
    for (let k = 0; k < 3; k++) {
      await app.pick('[data-test="speech-new-unit"]', schools[k].name, { search: schools[k].name })
      await app.setValue('input[data-test="speech-new-speaker"]', speakers[k])
      await app.setValue('input[data-test="speech-new-topic"]', `发言题目${k + 1}`)
      await app.click('[data-test="speech-add"]')
      await app.waitFor(`[data-test="speech-row-${k + 1}"]`)
    }
    await app.waitFor('[data-test="speeches-agenda-minutes"]', { text: '15' })
    // The third speaker speaks for two more schools, chosen one by one.
    await app.click('[data-test="speech-behalf-3"]')
    for (const u of [schools[3], schools[4]]) await app.pick('[data-test="speech-behalf-units"]', u.name)
    await app.click('[data-test="speech-behalf-hint"]') // closes the dropdown
    await app.click('[data-test="speech-behalf-save"]')
    await app.waitFor('[data-test="speech-row-3"]', { text: `代表${schools[3].name}` })
    const endAfter = (await app.text('[data-test="speeches-end"]')).trim()
    assert.equal(endAfter, '10:10', 'the end time follows the speeches: 24 minutes became 15')
    await app.shot('meetings-speeches.png')
    await app.click('#tab-agenda')
    await app.waitFor('[data-test="agenda-end"]', { text: endAfter })
    await app.shot('meetings-agenda.png')

    // 签到: two characters and Enter for the first unit, a click for the second.
    const invitees = cli(dataDir, 'meeting', 'show', String(created.id), '--json').invitees
    await app.click('#tab-signin')
    await app.waitFor('[data-test="count-expected"]', { text: String(schools.length) })
    await app.type('input[data-test="signin-search"]', uniquePiece(schools[0].name, invitees) + ENTER)
    await app.waitFor('[data-test="count-present"]', { text: '1' })
    await app.waitFor('[data-test="signin-recent"]', { text: schools[0].name })
    // The box was emptied for the next person.
    await app.type('input[data-test="signin-search"]', uniquePiece(schools[1].name, invitees))
    await app.waitFor('[data-test="signin-results"]', { text: schools[1].name })
    await app.click('[data-test="signin-button"]')
    await app.waitFor('[data-test="count-present"]', { text: '2' })
    await app.waitFor('[data-test="signin-recent"]', { text: schools[1].name })
    await app.shot('meetings-signin.png')

    // 打印: one document to a file, then the whole pack into a folder.
    await app.click('#tab-print')
    const single = await app.pressWithFile('[data-test="print-agenda"]', join(dataDir, '议程单份.pdf'), '[data-test="print-result"]')
    const packDir = join(dataDir, '会议材料')
    mkdirSync(packDir)
    await app.pressWithFile('[data-test="print-pack"]', packDir, '[data-test="print-result"]', { text: '全部 7 份材料', timeout: 120000 })
    await app.shot('meetings-print.png')
    await app.quit()

    // The rows, through the CLI.
    const shown = cli(dataDir, 'meeting', 'show', String(created.id), '--json')
    assert.deepEqual(
      shown.invitees.map((i) => i.name).sort(),
      schools.map((u) => u.name).sort(),
      'exactly the branch was invited',
    )
    assert.ok(shown.invitees.every((i) => i.branch === BRANCH))
    assert.deepEqual(
      shown.speeches.map((s) => [s.unit_name, s.speaker_name, s.minutes]),
      [0, 1, 2].map((k) => [schools[k].name, speakers[k], 5]),
    )
    assert.deepEqual(shown.speeches[2].on_behalf_unit_names.sort(), [schools[3].name, schools[4].name].sort())
    assert.equal(shown.counts.present, 2)
    const signed = shown.invitees.filter((i) => i.signed_in_at).map((i) => i.name).sort()
    assert.deepEqual(signed, [schools[0].name, schools[1].name].sort())
    const talk = shown.agenda.find((i) => i.kind === '交流发言')
    assert.equal(talk.duration_min, 15)

    // The PDFs, read back.
    for (const path of [single, ...PACK.map((n) => join(packDir, `${n}.pdf`))]) {
      assert.ok(existsSync(path), `${path} was written`)
      assert.ok(statSync(path).size > 1000, `${path} is not empty`)
      assert.equal(readFileSync(path).subarray(0, 4).toString(), '%PDF')
    }
    // -raw: in the order drawn, so a table cell's wrapped lines stay together.
    const text = (name) =>
      execFileSync('pdftotext', ['-raw', join(packDir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s/g, '')
    const agenda = text('会议议程')
    assert.ok(agenda.includes(ANNUAL), 'the agenda names the meeting')
    const rows = ['19:00—9:05主持人宣布开会，介绍出席领导和嘉宾', '39:25—9:40成员单位代表交流发言', '610:05—10:10']
    for (const want of rows) {
      assert.ok(agenda.includes(want), `the agenda lacks ${want}: ${agenda}`)
    }
    const list = text('参会单位名单')
    for (const u of schools) assert.ok(list.includes(u.name), `the attendee list lacks ${u.name}`)
    assert.ok(!list.includes('金湖路小学'), 'a unit that has left is not invited')
    const order = text('发言顺序')
    for (const want of [...speakers, `${schools[2].name}（代表`, schools[3].name, schools[4].name]) {
      assert.ok(order.includes(want), `the speaking order lacks ${want}: ${order}`)
    }
    assert.ok(text('邀请函').includes(STREET['party-org']), 'the invitation is signed by the street')
  } finally {
    driver.stop()
  }
})
