import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus, { ElProgress } from 'element-plus'
import JobProgress from './JobProgress.vue'

// A long job's progress: the bar only when the share done is known; 正在取消… once cancelling.

const progress = (props: Record<string, unknown>) =>
  mount(JobProgress, { props: { text: '正在生成 1 / 4', ...props }, global: { plugins: [ElementPlus] } })

describe('JobProgress', () => {
  it('says what is being done, with a bar when the share is known', () => {
    const w = progress({ percent: 25 })
    expect(w.text()).toContain('正在生成 1 / 4')
    expect(w.getComponent(ElProgress).props('percentage')).toBe(25)
  })

  it('has no bar without a share', () => {
    expect(progress({}).findComponent(ElProgress).exists()).toBe(false)
  })

  it('says 正在取消… once the job is being cancelled', () => {
    const w = progress({ cancelling: true })
    expect(w.text()).toContain('正在取消…')
    expect(w.text()).not.toContain('正在生成')
  })
})
