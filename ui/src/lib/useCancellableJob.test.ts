import { beforeEach, describe, expect, it, vi } from 'vitest'

const api = vi.hoisted(() => ({ printCancel: vi.fn() }))
vi.mock('../api', () => api)
const notify = vi.hoisted(() => ({ showError: vi.fn() }))
vi.mock('./notify', () => notify)

import { useCancellableJob } from './useCancellableJob'

type P = { done: number; total: number }

beforeEach(() => {
  vi.clearAllMocks()
})

describe('useCancellableJob', () => {
  it('shows the progress while the job runs, one job at a time, and clears it after', async () => {
    const job = useCancellableJob<P>()
    let report: (p: P) => void = () => {}
    let finish: (v: string) => void = () => {}
    const first = job.run(
      { done: 0, total: 3 },
      (onProgress) =>
        new Promise<string>((resolve) => {
          report = onProgress
          finish = resolve
        }),
      () => {},
    )
    expect(job.running.value).toBe(true)
    expect(job.progress.value).toEqual({ done: 0, total: 3 })
    report({ done: 2, total: 3 })
    expect(job.progress.value).toEqual({ done: 2, total: 3 })
    const second = vi.fn()
    expect(await job.run({ done: 0, total: 1 }, second, () => {})).toBeUndefined()
    expect(second).not.toHaveBeenCalled()
    finish('好了')
    expect(await first).toBe('好了')
    expect(job.running.value).toBe(false)
    expect(job.progress.value).toBeNull()
  })

  it('tells a cancelled job from a failed one', async () => {
    const job = useCancellableJob<P>()
    const failed = vi.fn()
    await job.run({ done: 0, total: 1 }, () => Promise.reject({ kind: 'cancelled', message: '已取消' }), failed)
    expect(failed).toHaveBeenLastCalledWith(expect.anything(), true)
    await job.run({ done: 0, total: 1 }, () => Promise.reject(new Error('磁盘已满')), failed)
    expect(failed).toHaveBeenLastCalledWith(expect.any(Error), false)
    expect(job.running.value).toBe(false)
  })

  it('asks the core to stop, and starts the next job not cancelling', async () => {
    const job = useCancellableJob<P>()
    api.printCancel.mockResolvedValueOnce(undefined)
    await job.cancel()
    expect(api.printCancel).toHaveBeenCalledTimes(1)
    expect(job.cancelling.value).toBe(true)
    const started = job.run(
      { done: 0, total: 1 },
      async () => job.cancelling.value,
      () => {},
    )
    expect(await started).toBe(false)
  })

  it('shows a failed cancel', async () => {
    const job = useCancellableJob<P>()
    api.printCancel.mockRejectedValueOnce(new Error('没有在打印'))
    await job.cancel()
    expect(notify.showError).toHaveBeenCalledTimes(1)
  })
})
