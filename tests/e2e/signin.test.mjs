// End-to-end: the door of a 年会, from an EMPTY database set up through the CLI. The invitations
// are printed, and the 签到码 on each page is read off the rendered PDF with zbarimg, as a USB
// scanner reads the paper. At the laptop's 签到 desk the scanner "types" that text and Enter:
// the unit is signed in at once with a large confirmation (name, time, 委派 person); the same
// code again keeps the first time; a code with one digit changed and another meeting's code
// are refused in Chinese; two characters of a name and Enter still work beside it. The
// database is checked through the CLI.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { App, BrowserApp, codesOnPaper, iso, jinshaStreet, startChromium, startDriver, tempDataDir } from './webdriver.mjs'

const ENTER = '\uE007'
const now = new Date()
const TODAY = iso(now)
const TITLE = `${now.getFullYear()}年联席会年会`
const OTHER = `${now.getFullYear()}年第四季度联席会`

/** From an EMPTY database: the 金沙街道, today's 年会 inviting its three units, 银沙滩医院 delegating 刘洋. */
function todaysMeeting(dataDir) {
  const cli = jinshaStreet(dataDir)
  const m = cli('meeting', 'create', '--title', TITLE, '--kind', '年会', '--date', TODAY, '--time', '14:30', '--venue', '街道三楼会议室').trim()
  cli('meeting', 'invite', '--meeting', m, '--all')
  cli('meeting', 'reply', '--meeting', m, '--unit', '银沙滩医院', '--delegate', '刘洋')
  return { cli, m }
}

/** The app's window at the meeting's 签到 tab, its counts loaded. */
async function openSignIn(driver, m) {
  const app = await App.start(driver.url)
  await app.click('[data-test="nav-meetings"]')
  await app.click(`[data-test="meeting-item-${m}"]`)
  await app.click('#tab-signin')
  await app.waitFor('[data-test="count-expected"]', { text: '3' })
  return app
}

test('the door: a scanned 签到码 signs its unit in at once; repeats, forgeries and other meetings are told apart', async () => {
  const dataDir = tempDataDir()
  const { cli, m } = todaysMeeting(dataDir)
  const other = cli('meeting', 'create', '--title', OTHER, '--kind', '季度会').trim()
  cli('meeting', 'invite', '--meeting', other, '--all')

  const pdf = join(dataDir, '邀请函.pdf')
  cli('print', 'invitations', '--meeting', m, '-o', pdf)
  const otherPdf = join(dataDir, '季度会邀请函.pdf')
  cli('print', 'invitations', '--meeting', other, '-o', otherPdf)
  const units = ['金沙滩小学', '银沙滩医院', '金沙湾邮政支局']
  const codes = codesOnPaper(pdf, dataDir, units)
  assert.equal(codes.size, 3, 'a code on every invitation')
  const pages = join(dataDir, 'other')
  execFileSync('mkdir', ['-p', pages])
  const otherCode = codesOnPaper(otherPdf, pages, units).get('金沙滩小学')
  assert.ok(otherCode)

  const signedIn = () =>
    Object.fromEntries(JSON.parse(cli('meeting', 'show', m, '--json')).invitees.map((i) => [i.name, i.signed_in_at]))

  const driver = await startDriver(dataDir)
  try {
    const app = await openSignIn(driver, m)
    const desk = 'input[data-test="signin-search"]'

    // 1. The scanner types the code and Enter: signed in at once, the confirmation large.
    await app.type(desk, codes.get('金沙滩小学') + ENTER)
    await app.waitFor('[data-test="signin-confirm"][data-tone="ok"]', { text: '金沙滩小学' })
    await app.waitFor('[data-test="count-present"]', { text: '1' })
    assert.equal(await app.value(desk), '', 'the box is empty for the next scan')
    await app.shot('signin-1-scanned.png')

    // 2. A delegated unit: the confirmation names who came.
    await app.type(desk, codes.get('银沙滩医院') + ENTER)
    await app.waitFor('[data-test="signin-confirm"][data-tone="ok"]', { text: '委派 刘洋' })
    await app.waitFor('[data-test="count-present"]', { text: '2' })
    const first = signedIn()['金沙滩小学']
    assert.ok(first, 'the scan was recorded')

    // 3. The same invitation scanned again: told when, the first time kept.
    await app.type(desk, codes.get('金沙滩小学') + ENTER)
    await app.waitFor('[data-test="signin-confirm"][data-tone="again"]', { text: '已于' })
    await app.shot('signin-2-again.png')
    assert.equal(signedIn()['金沙滩小学'], first, 'the first time is kept')
    await app.waitFor('[data-test="count-present"]', { text: '2' })

    // 4. One digit changed: refused; another meeting's invitation: refused by its name.
    const code = codes.get('金沙湾邮政支局')
    const forged = code.slice(0, -1) + (code.endsWith('9') ? '0' : String(Number(code.slice(-1)) + 1))
    await app.type(desk, forged + ENTER)
    await app.waitFor('[data-test="signin-confirm"][data-tone="refused"]', { text: '签到码无效' })
    await app.shot('signin-3-forged.png')
    await app.type(desk, otherCode + ENTER)
    await app.waitFor('[data-test="signin-confirm"][data-tone="refused"]', { text: `这是会议“${OTHER}”的签到码` })
    assert.equal(signedIn()['金沙湾邮政支局'], null, 'a refused code signs nobody in')
    await app.waitFor('[data-test="count-present"]', { text: '2' })

    // 5. Two characters and Enter still sign in the only match, with the same confirmation.
    await app.type(desk, '邮政' + ENTER)
    await app.waitFor('[data-test="signin-confirm"][data-tone="ok"]', { text: '金沙湾邮政支局' })
    await app.waitFor('[data-test="count-present"]', { text: '3' })
    await app.shot('signin-4-by-name.png')
    assert.ok(signedIn()['金沙湾邮政支局'])
  } finally {
    driver.stop()
  }
})

test('开放签到台: a phone at the door signs in by name over the LAN; the secretary sees 实到 live; closing ends the phone desk', async () => {
  const dataDir = tempDataDir()
  const { cli, m } = todaysMeeting(dataDir)
  const pdf = join(dataDir, '邀请函.pdf')
  cli('print', 'invitations', '--meeting', m, '-o', pdf)
  const codes = codesOnPaper(pdf, dataDir, ['金沙滩小学', '银沙滩医院', '金沙湾邮政支局'])
  const signedIn = () =>
    Object.fromEntries(JSON.parse(cli('meeting', 'show', m, '--json')).invitees.map((i) => [i.name, i.signed_in_at]))

  const driver = await startDriver(dataDir)
  let phone = null
  try {
    const app = await openSignIn(driver, m)

    // The secretary opens the desks: the address, its QR code and the PIN are on screen.
    await app.click('[data-test="desk-open"]')
    const url = (await app.text('[data-test="desk-url"]')).trim()
    const pin = (await app.text('[data-test="desk-pin"]')).replace(/\s+/g, '')
    assert.match(url, /^http:\/\/[\d.]+:\d+\/d\/[A-Za-z0-9]+\/$/, url)
    assert.match(pin, /^\d{6}$/, pin)
    await app.waitFor('[data-test="desk-qr"]')
    await app.shot('desk-1-open.png')

    // A phone at the door (Chromium at a phone's size) opens the address and types the PIN.
    const browser = await startChromium(join(dataDir, 'phone'), join(dataDir, 'phone-downloads'), {
      width: 390,
      height: 844,
    })
    phone = browser
    const door = new BrowserApp(browser.base, url)
    await door.open(url)
    await door.waitFor('#login')
    await door.setValue('#pin', pin)
    await door.click('#enter')
    await door.waitFor('#counts', { text: '实到 0 / 应到 3' })

    // Two characters of a name, the one match's 签到: the phone confirms it large.
    await door.setValue('#q', '银沙')
    await door.click('#results button')
    await door.waitFor('#cName', { text: '银沙滩医院' })
    await door.waitFor('#cMsg', { text: '委派 刘洋 参会' })
    await door.saveScreenshot('desk-2-phone-signed-in.png')
    assert.ok(signedIn()['银沙滩医院'], 'the phone\'s sign-in is in the database')

    // The secretary's screen follows without a click: 实到 1.
    await app.waitFor('[data-test="count-present"]', { text: '1' })
    await app.waitFor('[data-test="signin-recent"]', { text: '银沙滩医院' })

    // The laptop's scanner at the same time; the phone's list shows both.
    await app.type('input[data-test="signin-search"]', codes.get('金沙滩小学') + ENTER)
    await app.waitFor('[data-test="signin-confirm"][data-tone="ok"]', { text: '金沙滩小学' })
    await app.waitFor('[data-test="count-present"]', { text: '2' })
    await door.click('#cClose')
    await door.waitFor('#counts', { text: '实到 2 / 应到 3' })
    await door.waitFor('#arrived', { text: '金沙滩小学' })
    await app.shot('desk-3-live.png')

    // Closing the desks: nothing listens on the address any more, and the phone says so.
    await app.click('[data-test="desk-close"]')
    await app.waitFor('[data-test="desk-open"]')
    await door.waitFor('#error', { text: '连不上签到电脑' })
    await door.saveScreenshot('desk-4-phone-closed.png')
    const after = await fetch(new URL('api/state', url)).catch((e) => e)
    assert.ok(after instanceof Error || !after.ok, 'the closed desk answers nothing')
    assert.equal(signedIn()['金沙湾邮政支局'], null)
  } finally {
    phone?.stop()
    driver.stop()
  }
})
