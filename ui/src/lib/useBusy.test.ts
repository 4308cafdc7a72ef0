import { describe, expect, it } from 'vitest'
import { useBusy } from './useBusy'

describe('useBusy', () => {
  it('runs one task at a time and ignores a double click', async () => {
    const { busy, run } = useBusy(() => {})
    let calls = 0
    let release: () => void = () => {}
    const first = run(
      () =>
        new Promise<string>((resolve) => {
          calls++
          release = () => resolve('done')
        }),
    )
    expect(busy.value).toBe(true)
    expect(await run(async () => calls++)).toBeUndefined()
    release()
    expect(await first).toBe('done')
    expect(calls).toBe(1)
    expect(busy.value).toBe(false)
  })

  it('reports a failure and clears the flag', async () => {
    const seen: unknown[] = []
    const { busy, run } = useBusy((e) => seen.push(e))
    expect(await run(() => Promise.reject(new Error('坏了')))).toBeUndefined()
    expect(seen).toHaveLength(1)
    expect(busy.value).toBe(false)
    expect(await run(async () => 7)).toBe(7)
    const here: unknown[] = []
    await run(
      () => Promise.reject(new Error('另一处')),
      (e) => here.push(e),
    )
    expect(here).toHaveLength(1)
    expect(seen).toHaveLength(1)
  })
})
