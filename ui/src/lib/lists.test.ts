import { describe, expect, it } from 'vitest'
import {
  baseName,
  claimantMappings,
  claimUnits,
  cnDate,
  raiserFields,
  raiserKey,
  statusTagType,
  today,
  unknownClaimants,
  unresolved,
  yearChoices,
} from './lists'

describe('claimUnits', () => {
  it('puts the lead first and the others as 协作, each unit once', () => {
    expect(claimUnits(2, [1, 2, 3, 1])).toEqual([
      { unit_id: 2, lead: true },
      { unit_id: 1, lead: false },
      { unit_id: 3, lead: false },
    ])
  })
  it('adds a lead that was not picked among the units', () => {
    expect(claimUnits(9, [1])).toEqual([
      { unit_id: 9, lead: true },
      { unit_id: 1, lead: false },
    ])
  })
  it('allows a claim with no lead', () => {
    expect(claimUnits(null, [4, 5])).toEqual([
      { unit_id: 4, lead: false },
      { unit_id: 5, lead: false },
    ])
  })
})

describe('unknownClaimants', () => {
  it('lists each unmatched name once with the rows naming it', () => {
    const plan = [
      {
        source_row: 4,
        claims: [
          { name: '八大关小学', unit_id: 1 },
          { name: '海滨街道卫生服务中心', unit_id: null },
        ],
      },
      { source_row: 5, claims: [{ name: '海滨街道卫生服务中心', unit_id: null }] },
      {
        source_row: 7,
        claims: [
          { name: '青岛𠮷祥物业', unit_id: null },
          { name: '海滨街道卫生服务中心', unit_id: null },
        ],
      },
    ]
    expect(unknownClaimants(plan)).toEqual([
      { name: '海滨街道卫生服务中心', rows: [4, 5, 7] },
      { name: '青岛𠮷祥物业', rows: [7] },
    ])
  })
  it('says which names still need a choice', () => {
    const names = [
      { name: '甲', rows: [3] },
      { name: '乙', rows: [4] },
    ]
    expect(unresolved(names, {})).toEqual(['甲', '乙'])
    expect(unresolved(names, { 甲: { kind: 'unit', unit_id: 1 }, 乙: null })).toEqual(['乙'])
    expect(unresolved(names, { 甲: { kind: 'new' }, 乙: { kind: 'unit', unit_id: 2 } })).toEqual([])
  })
  it('sends every choice, a new unit included, in the order of the names', () => {
    const names = [
      { name: '甲', rows: [3] },
      { name: '乙', rows: [4] },
      { name: '丙', rows: [5] },
      { name: '丁', rows: [6] },
    ]
    expect(
      claimantMappings(names, {
        丁: { kind: 'skip' },
        乙: { kind: 'unit', unit_id: 2 },
        甲: { kind: 'new' },
        丙: null,
      }),
    ).toEqual([
      { name: '甲', choice: { kind: 'new' } },
      { name: '乙', choice: { kind: 'unit', unit_id: 2 } },
      { name: '丁', choice: { kind: 'skip' } },
    ])
  })
})

describe('dates and years', () => {
  it('formats today as local YYYY-MM-DD', () => {
    expect(today(new Date(2026, 8, 5))).toBe('2026-09-05')
  })
  it('writes dates the document way', () => {
    expect(cnDate('2026-09-05')).toBe('2026年9月5日')
    expect(cnDate(null)).toBe('')
  })
  it('offers next year, this year, last year and the years in use', () => {
    expect(yearChoices(2026, [2024, 2026])).toEqual([2027, 2026, 2025, 2024])
  })
})

describe('who raised a need', () => {
  it('keeps a community, a unit or text in one picker value and back', () => {
    for (const n of [
      { community_id: 3, unit_id: null, raised_by: '' },
      { community_id: null, unit_id: 12, raised_by: '' },
      { community_id: null, unit_id: null, raised_by: '太平角社区居民' },
    ]) {
      expect(raiserFields(raiserKey(n))).toEqual(n)
    }
  })
  it('reads typed text, trimmed, and nothing as nothing', () => {
    expect(raiserFields('  居民 ')).toEqual({ community_id: null, unit_id: null, raised_by: '居民' })
    expect(raiserFields(undefined)).toEqual({ community_id: null, unit_id: null, raised_by: '' })
    expect(raiserFields('c:abc')).toEqual({ community_id: null, unit_id: null, raised_by: 'c:abc' })
  })
})

describe('small things', () => {
  it('colours statuses, unknown ones neutral', () => {
    expect(statusTagType('已完成')).toBe('success')
    expect(statusTagType('未认领')).toBe('danger')
    expect(statusTagType('别的')).toBe('info')
  })
  it('shows the file name of either kind of path', () => {
    expect(baseName('C:\\照片\\活动.jpg')).toBe('活动.jpg')
    expect(baseName('/home/a/总结.pdf')).toBe('总结.pdf')
  })
})
