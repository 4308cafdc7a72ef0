import { describe, expect, it } from 'vitest'
import { fixButtonLabel, fixRoute } from './fixTarget'

describe('fixRoute', () => {
  it('takes each kind of missing detail to the screen that edits it', () => {
    expect(fixRoute({ place: 'street', field: 'party_org' })).toEqual({
      path: '/settings',
      query: { field: 'party_org' },
    })
    expect(fixRoute({ place: 'community', id: 3 })).toEqual({ path: '/org', query: { community: '3' } })
    expect(fixRoute({ place: 'unit', id: 7 })).toEqual({ path: '/roster', query: { unit: '7' } })
    expect(fixRoute({ place: 'agreement', id: 9 })).toEqual({ path: '/agreements', query: { edit: '9' } })
    expect(fixButtonLabel({ place: 'community', id: 3 })).toBe('去填写社区信息')
  })
})
