import { describe, expect, it } from 'vitest'
import type { Agreement } from '../bindings/Agreement'
import type { Party } from '../bindings/Party'
import type { TemplateBody } from '../bindings/TemplateBody'
import {
  cnDate,
  duplicateRows,
  emptyAgreementFilter,
  filterAgreements,
  pairSpecs,
  sideAOf,
  sideARef,
  termText,
  todayIso,
} from './agreements'

function party(over: Partial<Party> = {}): Party {
  return { kind: '成员单位', unit_id: null, community_id: null, name: '', leader: '', contact: '', phone: '', ...over }
}

function agreement(id: number, over: Partial<Agreement> = {}): Agreement {
  return {
    id,
    number: `海棠共建〔2026〕第00${id}号`,
    number_prefix: '海棠共建',
    year: 2026,
    seq: id,
    meeting_id: null,
    template_id: 1,
    template: {} as TemplateBody,
    party_a: party({ kind: '社区', community_id: 1, name: '海棠社区党委' }),
    party_b: party({ unit_id: 10 + id, name: `单位${id}党支部`, leader: '王强' }),
    term_start: '2026-01-01',
    term_end: '2026-12-31',
    areas: [],
    projects: [],
    copies: 2,
    status: '草拟',
    signed_on: null,
    scan_file: null,
    voided_on: null,
    void_reason: '',
    created_at: '',
    updated_at: '',
    ...over,
  }
}

const list = [
  agreement(1, { meeting_id: 2, status: '已打印' }),
  agreement(2, { meeting_id: 2, party_a: party({ kind: '街道', name: '中共海棠街道工作委员会' }) }),
  agreement(3, { status: '已签署' }),
]

describe('filterAgreements', () => {
  const f = (over: Partial<ReturnType<typeof emptyAgreementFilter>>) =>
    filterAgreements(list, { ...emptyAgreementFilter(), ...over }).map((a) => a.id)
  it('filters by meeting, no meeting, status and text', () => {
    expect(f({})).toEqual([1, 2, 3])
    expect(f({ meeting: 2 })).toEqual([1, 2])
    expect(f({ meeting: 'none' })).toEqual([3])
    expect(f({ status: '已签署' })).toEqual([3])
    expect(f({ text: '街道' })).toEqual([2])
    expect(f({ text: '第003号' })).toEqual([3])
    expect(f({ text: '海棠 单位1' })).toEqual([1])
    expect(f({ text: '王强', meeting: 2, status: '草拟' })).toEqual([2])
  })
  it('shows every agreement when a filter is cleared with its ✕ (undefined)', () => {
    expect(f({ meeting: undefined })).toEqual([1, 2, 3])
    expect(f({ status: undefined })).toEqual([1, 2, 3])
  })
})

describe('dates', () => {
  it('formats dates and terms', () => {
    expect(cnDate('2026-09-05')).toBe('2026年9月5日')
    expect(cnDate(null)).toBe('')
    expect(termText({ term_start: '2026-01-01', term_end: '2026-12-31' })).toBe('2026.1.1—2026.12.31')
    expect(termText({ term_start: null, term_end: null })).toBe('')
    expect(todayIso(new Date(2026, 2, 8))).toBe('2026-03-08')
  })
})

describe('pairing', () => {
  it('turns rows into pairs, skipping incomplete rows', () => {
    const specs = pairSpecs([
      { key: 1, a: 'street', b: 5 },
      { key: 2, a: 'c:3', b: null },
      { key: 3, a: 'c:3', b: 7 },
    ])
    expect(specs.map((s) => [s.party_a.kind, s.party_a.id, s.party_b.id])).toEqual([
      ['街道', null, 5],
      ['社区', 3, 7],
    ])
    expect(sideAOf(sideARef('c:3'))).toBe('c:3')
    expect(sideAOf(sideARef('street'))).toBe('street')
  })
  it('finds duplicates', () => {
    const rows = [
      { key: 1, a: 'street' as const, b: 5 },
      { key: 2, a: 'street' as const, b: 5 },
      { key: 3, a: 'c:1' as const, b: 5 },
    ]
    expect([...duplicateRows(rows)]).toEqual([2])
  })
})
