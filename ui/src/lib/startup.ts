// Start-up timing for scripts/bench-app.sh. Imported first by main.ts, so `jsFirst` is taken
// when the bundle starts running (after it was fetched and parsed). The shell writes the
// marks to a file only when the benchmark asks for them; otherwise they are dropped.
// No imports, so nothing runs before `jsFirst` is taken.

const jsFirst = performance.now()
let jsMain = 0

/** Called by main.ts once every module has been evaluated. */
export function markMain(): void {
  jsMain = performance.now()
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()))

/**
 * Sends the marks once the first screen is painted: called when the shell's data has
 * arrived; the second animation frame starts after the first one was drawn.
 */
export async function reportStartup(send: (marks: [string, number][]) => Promise<void>): Promise<void> {
  const mounted = performance.now()
  await frame()
  await frame()
  const t0 = performance.timeOrigin
  await send([
    ['nav-start', t0],
    ['js-first', t0 + jsFirst],
    ['js-main', t0 + jsMain],
    ['app-data', t0 + mounted],
    ['ui-ready', t0 + performance.now()],
  ]).catch(() => undefined)
}
