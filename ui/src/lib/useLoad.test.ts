import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'

const notify = vi.hoisted(() => ({ showError: vi.fn() }))
vi.mock('./notify', () => notify)

import { useLoad, type Load } from './useLoad'

function setup(task: () => Promise<void>) {
  let loader!: Load
  mount(
    defineComponent({
      setup() {
        loader = useLoad(task)
        return () => h('div')
      },
    }),
  )
  return loader
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('useLoad', () => {
  it('is loading from the start, loads on mount and again when asked', async () => {
    const task = vi.fn(async () => {})
    const { loading, load } = setup(task)
    expect(loading.value).toBe(true)
    await flushPromises()
    expect(task).toHaveBeenCalledTimes(1)
    expect(loading.value).toBe(false)
    const again = load()
    expect(loading.value).toBe(true)
    await again
    expect(task).toHaveBeenCalledTimes(2)
    expect(loading.value).toBe(false)
  })

  it('shows a failure and stops loading', async () => {
    const { loading, load } = setup(() => Promise.reject(new Error('数据库已锁定')))
    await flushPromises()
    expect(notify.showError).toHaveBeenCalledTimes(1)
    expect(loading.value).toBe(false)
    await expect(load()).resolves.toBeUndefined()
    expect(notify.showError).toHaveBeenCalledTimes(2)
  })
})
