// End-to-end: prepare a meeting from last year's in the real app — copy it, invite one branch,
// line up three speeches, sign two units in at the desk, print the whole pack — then check the
// database through the CLI and the PDFs with poppler.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { App, CLI, startDriver, tempDataDir } from './webdriver.mjs'

const ENTER = '\uE007'
const TITLE = '海棠街道2027年联席会年会'
const BRANCH = '学校分会'
const PACK = ['会议议程', '参会单位名单', '签到表', '发言顺序', '邀请函', '桌签', '座次表']

/** A screenshot once dialogs and messages have finished their animations. */
async function shot(app, name, wait = 600) {
  await sleep(wait)
  await app.saveScreenshot(name)
}

const cli = (dataDir, ...args) =>
  JSON.parse(execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), ...args], { encoding: 'utf8' }))

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
  execFileSync(CLI, ['--db', join(dataDir, 'lianxi.sqlite3'), 'demo'])
  const source = cli(dataDir, 'meeting', 'list', '--json').find((m) => m.title.includes('2026'))
  assert.ok(source, 'the demo has the 2026 meeting')
  const schools = cli(dataDir, 'roster', 'list', '--json').filter((u) => u.branch === BRANCH && u.status === '在册')
  assert.ok(schools.length >= 5)

  const driver = await startDriver(dataDir)
  try {
    const app = await App.start(driver.url)
    await app.click('[data-test="nav-meetings"]')
    await app.click(`[data-test="meeting-item-${source.id}"]`)
    await app.waitFor('[data-test="meeting-title"]', { text: source.title })

    // 以上一次会议为蓝本: a new title; keep the agenda, start a fresh invitation list and speaker list.
    await app.click('[data-test="meeting-copy"]')
    await app.waitFor('[data-test="meeting-copy-dialog"]', { text: '蓝本会议' })
    await app.setValue('input[data-test="copy-title"]', TITLE)
    await app.setChecked('[data-test="copy-invitations"]', false)
    await app.setChecked('[data-test="copy-speeches"]', false)
    await app.setChecked('[data-test="copy-agenda"]', true)
    await app.click('[data-test="copy-save"]')
    await app.waitFor('[data-test="meeting-title"]', { text: TITLE })
    await app.waitFor('[data-test="meeting-readiness"]', { text: '未填写：日期' })
    await shot(app, 'meetings-overview.png', 2000)
    const created = cli(dataDir, 'meeting', 'list', '--json').find((m) => m.title === TITLE)
    assert.ok(created, 'the copy was saved')
    assert.equal(created.date, null)
    assert.equal(created.based_on_id, source.id)

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
    await shot(app, 'meetings-invite.png')

    // 议程 before the speeches: the copied 交流发言 item keeps last year's total.
    await app.click('#tab-agenda')
    await app.waitFor('[data-test="agenda-table"]', { text: '交流发言' })
    const endBefore = (await app.text('[data-test="agenda-end"]')).trim()

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
    assert.notEqual(endAfter, endBefore, 'the end time follows the speeches')
    await shot(app, 'meetings-speeches.png')
    await app.click('#tab-agenda')
    await app.waitFor('[data-test="agenda-end"]', { text: endAfter })
    await shot(app, 'meetings-agenda.png')

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
    await shot(app, 'meetings-signin.png')

    // 打印: one document to a file, then the whole pack into a folder.
    await app.click('#tab-print')
    const single = join(dataDir, '议程单份.pdf')
    await app.answerFileDialogWith(single)
    await app.click('[data-test="print-agenda"]')
    await app.waitFor('[data-test="print-result"]', { text: single })
    const packDir = join(dataDir, '会议材料')
    mkdirSync(packDir)
    await app.answerFileDialogWith(packDir)
    await app.click('[data-test="print-pack"]')
    await app.waitFor('[data-test="print-result"]', { text: '全部 7 份材料', timeout: 120000 })
    await shot(app, 'meetings-print.png')
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
    const text = (name) =>
      execFileSync('pdftotext', ['-layout', join(packDir, `${name}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s/g, '')
    assert.ok(text('会议议程').includes(TITLE), 'the agenda names the meeting')
    assert.ok(text('参会单位名单').includes(schools[2].name))
    assert.ok(text('发言顺序').includes(speakers[2]))
  } finally {
    driver.stop()
  }
})
