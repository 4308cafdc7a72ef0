// Benchmark, not a test: how long the roster wizard takes to show the preview of a big roster
// in the real app, and how long the page stops answering meanwhile. From 下一步：预览 (the
// file chosen, the columns shown) to the counts of step 3, in the window (tauri-driver) or in
// Chromium (`lianxi serve`), from an empty data folder each run.
//
//   cargo run --release -p lianxi --example bench_import -- /tmp/roster-20000.xlsx
//   LIANXI_E2E_APP=target/release/lianxi-desktop LIANXI_E2E_CLI=target/release/lianxi \
//     xvfb-run -a node scripts/bench-preview.mjs /tmp/roster-20000.xlsx [window|browser] [runs]
//
// Also printed: the time from choosing the file (its columns read, then the preview) to the
// counts, which is what the user waits in all.
// "Longest stall" is the longest gap between two answers of a script the page is asked to run
// every 50 ms while it waits: the time the window would not react to a click.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { App, startBrowser, startDriver, tempDataDir } from '../tests/e2e/webdriver.mjs'

const [file, face = 'window', runs = '3'] = process.argv.slice(2)
if (!file) {
  console.error('usage: node scripts/bench-preview.mjs ROSTER.xlsx [window|browser] [runs]')
  process.exit(2)
}

async function open(dataDir) {
  if (face === 'browser') {
    const downloads = join(dataDir, 'downloads')
    mkdirSync(downloads)
    const { app, stop } = await startBrowser(dataDir, downloads)
    return { app, stop, answer: (p) => app.answerFileDialogWithUpload(p) }
  }
  const driver = await startDriver(dataDir)
  const app = await App.start(driver.url)
  return { app, stop: driver.stop, answer: (p) => app.answerFileDialogWith(p) }
}

for (let run = 1; run <= Number(runs); run++) {
  const { app, stop, answer } = await open(tempDataDir())
  try {
    await app.click('[data-test="roster-import"]')
    await answer(file)
    const chosen = Date.now()
    await app.click('[data-test="import-choose"]')
    // The page is probed from the moment the file is chosen until the preview is shown.
    let stall = 0
    let last = Date.now()
    let done = false
    const probe = (async () => {
      while (!done) {
        await app.find('body').catch(() => '')
        const now = Date.now()
        stall = Math.max(stall, now - last)
        last = now
        await new Promise((r) => setTimeout(r, 50))
      }
    })()
    await app.waitFor('[data-test="import-next"]:not(.is-disabled)', { timeout: 120000 })
    const start = Date.now()
    await app.click('[data-test="import-next"]:not(.is-disabled)')
    await app.waitFor('[data-test="count-new"]', { text: '新增', timeout: 300000 })
    const shown = Date.now() - start
    const total = Date.now() - chosen
    done = true
    await probe
    console.log(
      `${face} run ${run}: preview shown ${(shown / 1000).toFixed(2)} s after 下一步, ` +
        `${(total / 1000).toFixed(2)} s after the file was chosen; longest stall ${stall} ms`,
    )
  } finally {
    await app.quit().catch(() => undefined)
    stop()
  }
}
