import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import RowMoves from './RowMoves.vue'

// One row's 上移 / 下移 / 删除: the first row cannot go up, the last cannot go down, and a busy
// table offers none of them.

const buttons = (w: ReturnType<typeof mount>) =>
  Object.fromEntries(w.findAll('button').map((b) => [b.attributes('title'), b]))

describe('RowMoves', () => {
  it('moves a middle row either way and asks to remove it', async () => {
    const w = mount(RowMoves, { props: { index: 1, count: 3 }, global: { plugins: [ElementPlus] } })
    const b = buttons(w)
    await b['上移'].trigger('click')
    await b['下移'].trigger('click')
    await b['删除'].trigger('click')
    expect(w.emitted('move')).toEqual([[0], [2]])
    expect(w.emitted('remove')).toEqual([[]])
  })

  it('keeps the first row from going up and the last from going down', () => {
    const first = buttons(mount(RowMoves, { props: { index: 0, count: 2 }, global: { plugins: [ElementPlus] } }))
    expect(first['上移'].attributes('disabled')).toBeDefined()
    expect(first['下移'].attributes('disabled')).toBeUndefined()
    const last = buttons(mount(RowMoves, { props: { index: 1, count: 2 }, global: { plugins: [ElementPlus] } }))
    expect(last['上移'].attributes('disabled')).toBeUndefined()
    expect(last['下移'].attributes('disabled')).toBeDefined()
  })

  it('offers nothing while the table is busy', () => {
    const b = buttons(
      mount(RowMoves, { props: { index: 1, count: 3, disabled: true }, global: { plugins: [ElementPlus] } }),
    )
    for (const t of ['上移', '下移', '删除']) expect(b[t].attributes('disabled'), t).toBeDefined()
  })

  it('names its buttons for the tests when told', () => {
    const w = mount(RowMoves, {
      props: { index: 2, count: 3, test: 'minutes-item' },
      global: { plugins: [ElementPlus] },
    })
    const b = buttons(w)
    expect(b['上移'].attributes('data-test')).toBe('minutes-item-up-2')
    expect(b['下移'].attributes('data-test')).toBe('minutes-item-down-2')
    expect(b['删除'].attributes('data-test')).toBe('minutes-item-remove-2')
  })
})
