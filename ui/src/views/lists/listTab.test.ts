import { describe, expect, it } from 'vitest'
import { categoryChoices, refill } from './listTab'

describe('the list tab helpers', () => {
  it('offers the user categories first, then those records carry, each once', () => {
    const records = [{ category: '关心关爱' }, { category: '' }, { category: '文化体育' }]
    expect(categoryChoices(['关心关爱', '党建引领'], records)).toEqual(['关心关爱', '党建引领', '文化体育'])
  })

  it('refills a form from a record, or blank, and takes no field the form has not', () => {
    const blank = { name: '', phone: '', meeting_id: null as number | null }
    const form = { ...blank }
    refill(form, blank, { name: '老年人助餐', meeting_id: 3, id: 9 } as Partial<typeof blank>)
    expect(form).toEqual({ name: '老年人助餐', phone: '', meeting_id: 3 })
    refill(form, blank, null)
    expect(form).toEqual(blank)
  })
})
